// Writes dist/simulate.cache, the V8 code cache bin/load.cjs gives V8 when the command starts: the
// bundle is loaded without a cache, runs every scenario of scenarios/ in the common formats (output
// discarded), and V8 then serialises the bytecode of every function compiled so far. Run by
// `npm run build`; the cache fits this Node.js (V8 rejects it otherwise, and the command compiles as
// usual).
'use strict';
const { readdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { load, CACHE } = require('../bin/load.cjs');

const root = join(__dirname, '..');
const { exports: cli, script } = load({ useCache: false });
const io = { stdout: () => {}, stderr: () => {}, isTTY: false, env: {} };
const scenarios = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.iam'))
  .map((f) => relative(process.cwd(), join(root, 'scenarios', f)));

async function train() {
  for (const file of scenarios) {
    for (const args of [[file], ['--format', 'json', file], ['--explain', file]]) {
      const code = await cli.main(args, io);
      if (code === 2) throw new Error(`simulate ${args.join(' ')} could not run while training the code cache`);
    }
  }
  const data = script.createCachedData();
  writeFileSync(CACHE, data);
  console.log(`code cache: ${Math.round(data.length / 1024)} KiB from ${scenarios.length} scenarios → ${relative(root, CACHE)}`);
}

train().catch((e) => {
  console.error(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
