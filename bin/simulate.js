#!/usr/bin/env node
// The shipped command runs the compiled JavaScript in dist/ (built on install by `prepare`), loaded
// with the code cache the build wrote (bin/load.cjs). The `simulate` command is bin/simulate, which
// starts this file without NODE_EXTRA_CA_CERTS.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';

const { load } = createRequire(import.meta.url)('./load.cjs');
let loaded;
try {
  loaded = load({ useCache: true });
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const { main } = loaded.exports;
if (process.env.IAMSIM_DEBUG) process.stderr.write(`simulate: code cache ${loaded.cache}\n`);

// A run is one short process that keeps most of what it allocates (syntax tree, events, trace
// model) to the end. V8 grows its young generation by doubling from 1 MB and copies the survivors
// at every step; growing it 16-fold instead takes a 2,000-call scenario from 11 scavenges to 5 and
// about halves the time spent collecting. This GC setting is read at each collection; it is set
// after loading because V8 accepts a code cache only under the flags it was written with.
setFlagsFromString('--semi-space-growth-factor=16');

const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = code;
