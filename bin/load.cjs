// Loads the compiled command (dist/simulate.cjs) with V8's code cache (dist/simulate.cache), so that
// a run starts from bytecode compiled at build time instead of parsing and compiling ~500 KB of
// JavaScript again (about 20 ms of every start). The cache is written by `npm run build`
// (scripts/train-code-cache.cjs runs the scenarios once and saves what V8 compiled). V8 checks the
// cache against the source and its own version and flags; when it does not fit (or is missing), V8
// compiles as usual and the run is the same, only slower to start.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const FILE = join(DIST, 'simulate.cjs');
const CACHE = join(DIST, 'simulate.cache');

/** @param {{ useCache: boolean }} options */
function load(options) {
  let source;
  try {
    source = readFileSync(FILE, 'latin1'); // the bundle is ASCII (scripts/bundle.mjs): no UTF-8 to decode
  } catch {
    throw new Error(`simulate: ${FILE} is missing: run \`npm run build\` (or \`npm ci\`, which builds it)`);
  }
  let cachedData;
  if (options.useCache) {
    try {
      cachedData = readFileSync(CACHE);
    } catch {
      cachedData = undefined;
    }
  }
  // the wrapper Node puts around every CommonJS module
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: FILE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(FILE), module, FILE, DIST);
  const cache = cachedData === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  return { exports: module.exports, script, cache };
}

module.exports = { load, CACHE };
