// The command's bundle (dist/simulate.cjs) and the bundles it loads on demand (dist/simulate-NAME.cjs),
// for scripts/bundle.mjs.
//
// A plain run (`simulate FILE.iam`) uses the parser, the resolver, the engine and the text and JSON
// outputs. Every other command, and the rarer formats, are imported with `await import(…)` in the
// sources; in the build, each of those modules (ON_DEMAND) is bundled apart with what it alone uses,
// and the command's bundle requires that file where the source imports the module. A plain run then
// neither reads their code nor has V8 deserialise it from the code cache.
//
// An on-demand bundle does not carry the engine again: a second copy of a module would be a second
// implementation at run time (its module-level caches, its classes for `instanceof`, its symbols).
// Every module that is in the command's bundle is taken from there: the on-demand bundle requires
// `./simulate.cjs` (bin/load.cjs gives it the command already loaded; Node's require cache would
// too) and asks its `__module(path)` for that module's exports, which the command's bundle lists for
// exactly the modules on-demand bundles import (`require` of an ES module, which esbuild makes lazy:
// a module the plain run does not use is not initialised for it). The build fails if a module
// ends up in two bundles all the same.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { build } from 'esbuild';

/** Each module bundled apart, by its path, with the name of its bundle (dist/simulate-NAME.cjs). */
export const ON_DEMAND = {
  'src/cli/serve.ts': 'serve',
  'src/cli/questions.ts': 'questions',
  'src/cli/test-command.ts': 'test',
  'src/cli/import-command.ts': 'import',
  'src/cli/walk.ts': 'walk',
  'src/eval/index.ts': 'eval',
};

const NODE_BUILTIN = /^node:/;
/** the namespace of scripts/bundle.mjs's vendor plugin */
const VENDOR = 'vendor';

/**
 * The esbuild builds of the command (entry) and of each on-demand bundle, with `options` (esbuild's,
 * with its plugins, which run first: the vendor plugin keeps its packages out of every bundle).
 * Returns their results, with metafiles; throws when a module would be bundled twice.
 * @param {{ root: string, options: import('esbuild').BuildOptions, entry: string, dist: string }} how
 */
export async function onDemandBundles({ root, options, entry, dist }) {
  const rel = (path) => relative(root, path);
  /**
   * A module's path as the bundles name it (`vendor:NAME` for a dependency bundled apart, whose
   * stand-in module the vendor plugin writes), or null for one that is not bundled (node:, external).
   */
  const resolved = async (b, a) => {
    const r = await b.resolve(a.path, { resolveDir: a.resolveDir, kind: a.kind, importer: a.importer, pluginData: { inner: true } });
    if (r.errors.length > 0 || r.external) return null;
    return r.namespace === 'file' ? rel(r.path) : r.namespace === VENDOR ? `${VENDOR}:${r.path}` : null;
  };
  /** The plugin that turns an import of an on-demand module into a require of its bundle; `fromCommand(path)` may take a module from the command's bundle. */
  const plugin = (self, fromCommand) => ({
    name: 'on-demand',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (a) => {
        if (a.pluginData?.inner || NODE_BUILTIN.test(a.path) || a.namespace !== 'file') return undefined;
        const path = await resolved(b, a);
        if (path === null || path === self) return undefined;
        const name = ON_DEMAND[path];
        if (name !== undefined) {
          if (self === null && a.kind !== 'dynamic-import')
            return {
              errors: [
                { text: `${path} is bundled apart (scripts/bundle-on-demand.mjs): the command must import it with \`await import(…)\`` },
              ],
            };
          return { path: `./simulate-${name}.cjs`, namespace: 'on-demand' };
        }
        if (fromCommand(path)) return { path, namespace: 'command' };
        return undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'on-demand' }, (a) => ({
        contents: `module.exports = require(${JSON.stringify(a.path)});`,
        loader: 'js',
      }));
      b.onLoad({ filter: /.*/, namespace: 'command' }, (a) => ({
        contents: `module.exports = require('./simulate.cjs').__module(${JSON.stringify(a.path)});`,
        loader: 'js',
      }));
      b.onResolve({ filter: /^\.\/simulate(-[a-z0-9-]+)?\.cjs$/, namespace: 'on-demand' }, (a) => ({ path: a.path, external: true }));
      b.onResolve({ filter: /^\.\/simulate\.cjs$/, namespace: 'command' }, (a) => ({ path: a.path, external: true }));
    },
  });
  // first: a vendor package the command's bundle holds is taken from it like any module
  const withPlugin = (p) => ({ ...options, plugins: [p, ...(options.plugins ?? [])] });

  /** The command, with `__module` giving the modules listed; written when `write`. */
  const commandBuild = (listed, write) => {
    const list = [...listed].sort();
    const contents = [
      `export * from ${JSON.stringify('./' + rel(entry))};`,
      `const modules = {${list.map((p) => `${JSON.stringify(p)}: () => require(${JSON.stringify(requirePath(p))})`).join(',')}};`,
      `export function __module(path) { const m = modules[path]; if (m === undefined) throw new Error('bug: the command does not give ' + path); return m(); }`,
    ].join('\n');
    return build({
      ...withPlugin(plugin(null, () => false)),
      stdin: { contents, resolveDir: root, sourcefile: 'command.js', loader: 'js' },
      outfile: `${dist}/simulate.cjs`,
      metafile: true,
      write,
    });
  };
  const requirePath = (p) => (p.startsWith(`${VENDOR}:`) ? p.slice(VENDOR.length + 1) : `./${p}`);
  const modulesOf = (r) =>
    Object.keys(r.metafile.inputs).filter((p) => (!p.includes(':') || p.startsWith(`${VENDOR}:`)) && p !== 'command.js');

  // The command holds what a plain run uses, and each module that two on-demand bundles would both
  // hold (not initialised until one of them asks for it); each on-demand bundle takes from it every
  // module it holds. Found by building until no module is left in two on-demand bundles.
  let common = new Set();
  for (;;) {
    const inCommand = new Set(modulesOf(await commandBuild(common, false)));
    const shared = new Set();
    const parts = await Promise.all(
      Object.entries(ON_DEMAND).map(([path, name]) =>
        build({
          ...withPlugin(plugin(path, (p) => inCommand.has(p) && (shared.add(p), true))),
          entryPoints: [`${root}${path}`],
          outfile: `${dist}/simulate-${name}.cjs`,
          metafile: true,
          write: false,
        }),
      ),
    );
    const seen = new Set();
    const twice = new Set();
    for (const part of parts) for (const m of modulesOf(part)) (seen.has(m) ? twice : seen).add(m);
    if (twice.size > 0) {
      common = new Set([...common, ...twice]);
      continue;
    }
    const command = await commandBuild(new Set([...common, ...shared]), true);
    for (const part of parts) for (const f of part.outputFiles) writeFileSync(f.path, f.contents);
    // one copy of each module: none of the on-demand bundles holds one the command holds
    const held = new Set(modulesOf(command));
    for (const [i, part] of parts.entries()) {
      const both = modulesOf(part).filter((m) => held.has(m));
      if (both.length > 0)
        throw new Error(`bundle: ${both.join(', ')} in both simulate.cjs and simulate-${Object.values(ON_DEMAND)[i]}.cjs`);
    }
    if (common.size > 0) console.log(`bundle: in the command for more than one on-demand bundle: ${[...common].sort().join(', ')}`);
    return [command, ...parts];
  }
}
