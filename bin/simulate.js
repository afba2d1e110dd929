#!/usr/bin/env node
// The shipped command runs the compiled JavaScript in dist/ (built on install by `prepare`).
import { main } from '../dist/simulate.js';

const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = code;
