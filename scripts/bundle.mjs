// Bundles the command into dist/simulate.cjs: one CommonJS file that bin/load.cjs loads with a V8
// code cache. The package's version is written in as a constant (IAMSIM_VERSION), so that
// `simulate --version` reads no file. Whitespace is minified (names are kept, so stack traces under
// IAMSIM_DEBUG still read): a smaller file is read and checked against its code cache faster.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/simulate.cjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifyWhitespace: true,
  charset: 'ascii', // bin/load.cjs reads it as Latin-1, the fastest way to a string
  define: { 'import.meta.url': '__iamsim_bundle_url', IAMSIM_VERSION: JSON.stringify(version) },
  banner: { js: "const __iamsim_bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
