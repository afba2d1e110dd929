#!/usr/bin/env node
// The shipped command runs the compiled JavaScript in dist/ (built by `npm run build`, and shipped
// built in the package), loaded with the code cache the build wrote (bin/load.cjs). The `simulate`
// command is bin/simulate, which starts this file without NODE_EXTRA_CA_CERTS. This file is
// CommonJS (bin/package.json): Node starts a CommonJS entry without its ES module loader, a few
// milliseconds of every run.
'use strict';
const { statSync } = require('node:fs');
const { load } = require('./load.cjs');

let loaded;
try {
  loaded = load({
    useCache: true,
    // a command a plain run does not use is a bundle of its own, loaded with its own code cache
    onBundle: (name, cache) => process.env.IAMSIM_DEBUG && process.stderr.write(`simulate: code cache of ${name}.cjs ${cache}\n`),
  });
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const { main } = loaded.exports;
if (process.env.IAMSIM_DEBUG) process.stderr.write(`simulate: code cache ${loaded.cache}\n`);

// A reader that stops early (`simulate x.iam | head -1`) closes the pipe: the rest of the output
// has nowhere to go, and the command ends quietly, as a command killed by SIGPIPE would (status
// 128 + 13; Node ignores the signal itself, so the write fails with EPIPE instead).
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(141);
  throw e;
});

// A large scenario keeps most of what it allocates (syntax tree, events, trace model) to the end.
// V8 grows its young generation by doubling from 1 MB and copies the survivors at every step;
// growing it 16-fold instead takes a 2,000-call scenario from 11 scavenges to 5 and about halves
// the time spent collecting. The setting is made after loading, because V8 accepts a code cache
// only under the flags it was written with, and only for a large input, because loading node:v8
// costs a small run about 4 ms.
//
// A very large input is a long run, which streams (docs/architecture.md): what it holds does not grow
// with its steps, but V8 lets its old generation grow far past what is live before collecting (a
// 200,000-step run peaked at 350 MB, under 160 MB live). V8's --optimize-for-size makes it collect
// sooner: 160 MB at that size, for about half as much time again (docs/performance.md).
const LARGE = 100_000;
const HUGE = 4_000_000;
const args = process.argv.slice(2);
const largest = Math.max(0, ...args.filter((a) => !a.startsWith('-')).map(sizeOf));
if (largest > LARGE) require('node:v8').setFlagsFromString('--semi-space-growth-factor=16');
if (largest > HUGE) require('node:v8').setFlagsFromString('--optimize-for-size');

function sizeOf(file) {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

main(args, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
