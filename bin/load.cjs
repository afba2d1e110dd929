// Loads the compiled command (dist/simulate.cjs) with V8's code cache (dist/simulate.cache), so that
// a run starts from bytecode compiled at build time instead of parsing and compiling ~500 KB of
// JavaScript again (about 20 ms of every start). The cache is written by `npm run build`
// (scripts/train-code-cache.cjs runs the scenarios once and saves what V8 compiled). V8 checks the
// cache against the source and its own version and flags; when it does not fit (or is missing), V8
// compiles as usual and the run is the same, only slower to start.
//
// The commands a plain run never uses (serve, import, who-can and paths, test, walk, eval) and the
// rarer output formats are bundled apart (scripts/bundle.mjs), each into dist/simulate-NAME.cjs with
// its own code cache dist/simulate-NAME.cache, and the command requires one on first use. They are
// loaded here the same way, through the `require` this loader gives every bundle: a bundle's
// `require('./simulate-NAME.cjs')` loads that bundle with its cache, and `require('./simulate.cjs')`
// (how an on-demand bundle reaches the engine, which it does not carry) is the command already
// loaded, as Node's own require cache would give it. Anything else is Node's require.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const CACHE = join(DIST, 'simulate.cache');
/** the file names a bundle requires its sibling bundles by */
const BUNDLE = /^\.\/(simulate(?:-[a-z0-9-]+)?)\.cjs$/;

/**
 * Every bundle loaded in this process, by name (`simulate`, `simulate-serve`, …): its module, the
 * compiled script (the build writes its cache from it) and whether V8 took the cache.
 * @type {Map<string, { name: string, module: { exports: any }, script: vm.Script, cache: 'missing' | 'rejected' | 'accepted' }>}
 */
const bundles = new Map();

/**
 * The command's bundle, loaded (once) with its code cache.
 * @param {{ useCache: boolean, onBundle?: (name: string, cache: string) => void }} options onBundle is told
 * of each on-demand bundle as it is loaded
 */
function load(options) {
  const main = bundleOf('simulate', options);
  return { exports: main.module.exports, script: main.script, cache: main.cache };
}

/** A bundle by name, loaded on first use. */
function bundleOf(name, options) {
  const known = bundles.get(name);
  if (known !== undefined) return known;
  const file = join(DIST, `${name}.cjs`);
  let source;
  try {
    source = readFileSync(file, 'latin1'); // the bundles are ASCII (scripts/bundle.mjs): no UTF-8 to decode
  } catch {
    throw new Error(`simulate: ${file} is missing: run \`npm run build\` (or \`npm ci\`, which builds it)`);
  }
  let cachedData;
  if (options.useCache) {
    try {
      cachedData = readFileSync(join(DIST, `${name}.cache`));
    } catch {
      cachedData = undefined;
    }
  }
  // the wrapper Node puts around every CommonJS module
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const cache = cachedData === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  const module = { exports: {} };
  const loaded = { name, module, script, cache };
  // known before it runs, as Node's require cache knows a module: a bundle it requires may require it back
  bundles.set(name, loaded);
  if (name !== 'simulate') options.onBundle?.(name, cache);
  const nodeRequire = createRequire(file);
  /** @param {string} id */
  const require = (id) => {
    const m = BUNDLE.exec(id);
    return m === null ? nodeRequire(id) : bundleOf(m[1], options).module.exports;
  };
  script.runInThisContext()(module.exports, require, module, file, DIST);
  return loaded;
}

/** The bundles loaded so far (scripts/train-code-cache.cjs writes their caches). */
const loadedBundles = () => [...bundles.values()];

/** An on-demand bundle by name (`simulate-serve`), loaded now if it was not (scripts/train-code-cache.cjs). */
const loadBundle = (name, options) => bundleOf(name, options).module.exports;

module.exports = { load, loadBundle, loadedBundles, CACHE, DIST };
