// Writes dist/simulate.cache, the V8 code cache bin/load.cjs gives V8 when the command starts: the
// bundle is loaded without a cache, runs the core scenarios below as text and as JSON (output
// discarded), and V8 then serialises the bytecode of every function compiled so far. Run by
// `npm run build`; the cache fits this Node.js (V8 rejects it otherwise, and the command compiles as
// usual).
//
// Why not every scenario and format: V8 deserialises the whole cache at every start, so a function
// in the cache that a run does not call costs time instead of saving it. Measured here, a cache of
// every scenario in three formats (~850 KB) started cross-account.iam about 15 ms slower than this
// one (~650 KB). OIDC tokens, EKS, --explain and the other formats compile on first use, as they
// would without a cache.
//
// Training runs without Sparkplug, V8's baseline compiler. A cache written after Sparkplug had
// compiled the functions that training runs many times (those of every scenario) made a run slower
// where it first calls them: measured here, cross-account.iam spent 11 ms in parse, resolve and run
// instead of 8.5, the same as with a cache trained on that one scenario once. The flag is set back
// before the cache is written, because V8 accepts a cache only under the flags it was written with.
'use strict';
const { writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { load, CACHE } = require('../bin/load.cjs');

setFlagsFromString('--no-sparkplug');

const root = join(__dirname, '..');
const { exports: cli, script } = load({ useCache: false });
const io = { stdout: () => {}, stderr: () => {}, isTTY: false, env: {} };
const CORE = [
  'cross-account',
  'sts-basics',
  'role-chaining',
  'scp-deny',
  'conditions-and-variables',
  'session-policies',
  'permission-boundaries',
];
const scenarios = CORE.map((name) => relative(process.cwd(), join(root, 'scenarios', `${name}.iam`)));

async function train() {
  for (const file of scenarios) {
    for (const args of [[file], ['--format', 'json', file]]) {
      const code = await cli.main(args, io);
      if (code === 2) throw new Error(`simulate ${args.join(' ')} could not run while training the code cache`);
    }
  }
  setFlagsFromString('--sparkplug');
  const data = script.createCachedData();
  writeFileSync(CACHE, data);
  console.log(`code cache: ${Math.round(data.length / 1024)} KiB from ${scenarios.length} scenarios → ${relative(root, CACHE)}`);
}

train().catch((e) => {
  console.error(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
