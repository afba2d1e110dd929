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
//
// The bundles the command loads on demand (dist/simulate-NAME.cjs: the other commands; bin/load.cjs)
// get a cache each, dist/simulate-NAME.cache, written the same way after the command's own cache is
// taken: the commands below run once (output discarded), so that the command's cache holds only what
// a plain run compiles. `serve` waits for a signal and `import` needs an account's files: their bundles are
// only loaded, and their caches hold what loading compiles (the modules' top-level code); the rest
// of their code compiles on first use, as it would without a cache.
'use strict';
const { writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { load, loadBundle, loadedBundles, CACHE, DIST } = require('../bin/load.cjs');

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
const at = (path) => relative(process.cwd(), join(root, path));
const world = at('test/cli/questions/world.iam');
/** Each on-demand command, run once to train its bundle's cache. */
const ON_DEMAND = [
  ['test', at('scenarios/cross-account.iam')],
  ['walk', at('scenarios/cross-account.iam')],
  ['who-can', world, 'sts:AssumeRole', 'arn:aws:iam::111111111111:role/Audit'],
  ['paths', world, '--all-to', 'arn:aws:iam::111111111111:role/Admin'],
  ['eval', at('examples/eval/cross-account.json')],
];
/** The on-demand bundles only loaded. */
const LOADED = ['simulate-serve', 'simulate-import'];

async function train() {
  for (const file of scenarios) {
    for (const args of [[file], ['--format', 'json', file]]) {
      const code = await cli.main(args, io);
      if (code === 2) throw new Error(`simulate ${args.join(' ')} could not run while training the code cache`);
    }
  }
  setFlagsFromString('--sparkplug');
  // taken now (what a plain run compiled), written last (scripts/build-if-stale.mjs reads its time as the build's)
  const data = script.createCachedData();

  setFlagsFromString('--no-sparkplug');
  for (const args of ON_DEMAND) {
    const code = await cli.main(args, io);
    if (code === 2) throw new Error(`simulate ${args.join(' ')} could not run while training the code cache`);
  }
  setFlagsFromString('--sparkplug');
  for (const name of LOADED) loadBundle(name, { useCache: false });
  const sizes = [];
  for (const { name, script: s } of loadedBundles()) {
    if (name === 'simulate') continue;
    const d = s.createCachedData();
    writeFileSync(join(DIST, `${name}.cache`), d);
    sizes.push(`${name} ${Math.round(d.length / 1024)} KiB`);
  }
  console.log(`code caches of the on-demand bundles: ${sizes.join(', ')}`);
  writeFileSync(CACHE, data);
  console.log(`code cache: ${Math.round(data.length / 1024)} KiB from ${scenarios.length} scenarios → ${relative(root, CACHE)}`);
}

train().catch((e) => {
  console.error(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
