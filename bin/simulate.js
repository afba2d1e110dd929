#!/usr/bin/env node
// The shipped command runs the compiled JavaScript in dist/ (built on install by `prepare`), loaded
// with the code cache the build wrote (bin/load.cjs).
import { createRequire } from 'node:module';

const { load } = createRequire(import.meta.url)('./load.cjs');
const { main } = load({ useCache: true }).exports;

const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = code;
