// Bundles the command into dist/simulate.cjs: one CommonJS file that bin/load.cjs loads with a V8
// code cache, and the commands a plain run never uses into dist/simulate-NAME.cjs, which it loads on
// demand and which take the engine from it (scripts/bundle-on-demand.mjs). The package's version is written in as a constant (IAMSIM_VERSION), so that
// `simulate --version` reads no file. Whitespace is minified (names are kept, so stack traces under
// IAMSIM_DEBUG still read): a smaller file is read and checked against its code cache faster.
//
// The dependencies a plain run never loads (yaml for YAML output and logs, zod for reading logs,
// jose for OIDC tokens, tinyglobby and diff for `simulate test`) are bundled apart, each into dist/vendor/NAME.cjs, which the command
// requires on first use. Inside the command's bundle their code would cost every start: V8 reads
// their source and declares their functions at load (esbuild lifts an ES module's functions to the
// bundle's top level), and the code cache carries them.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { onDemandBundles } from './bundle-on-demand.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = new URL('..', import.meta.url).pathname;

/**
 * Each dependency bundled apart, with the names the sources use from it: its file holds those
 * alone. esbuild checks the names imported by name or through a namespace (`z.string`) against
 * these lists and fails the build on one missing; names taken from `await import(…)` it cannot check.
 */
const VENDOR = {
  yaml: { file: 'yaml', names: ['LineCounter', 'parse', 'parseDocument', 'stringify'] },
  'zod/mini': {
    file: 'zod-mini',
    names: [
      'array',
      'boolean',
      'discriminatedUnion',
      'enum',
      'extend',
      'literal',
      'nullable',
      'number',
      'optional',
      'record',
      'strictObject',
      'string',
      'union',
      'unknown',
    ],
  },
  jose: {
    file: 'jose',
    names: [
      'base64url',
      'compactVerify',
      'createLocalJWKSet',
      'decodeJwt',
      'decodeProtectedHeader',
      'errors',
      'exportJWK',
      'generateKeyPair',
      'importJWK',
      'SignJWT',
      'UnsecuredJWT',
    ],
  },
  // `simulate serve` (src/server/): the AWS SDK's own SigV4 signer, and the XML builder of its answers
  '@smithy/signature-v4': { file: 'smithy-signature-v4', names: ['SignatureV4'] },
  '@smithy/core/protocols': { file: 'smithy-core-protocols', names: ['HttpRequest'] },
  '@smithy/core/serde': { file: 'smithy-core-serde', names: ['Hash'] },
  'fast-xml-parser': { file: 'fast-xml-parser', names: ['XMLBuilder', 'XMLParser'] },
  // `simulate test`: the paths it is given (folders, globs), and the diff of a golden that differs
  // (fdir, which tinyglobby uses, is an ES module that calls createRequire(import.meta.url))
  tinyglobby: { file: 'tinyglobby', names: ['globSync'], importMetaUrl: true },
  diff: { file: 'diff', names: ['structuredPatch'] },
  // SAML assertions (src/engine/tokens/saml.ts): XML signatures, the DOM they work on, and the IdP's certificate
  'xml-crypto': { file: 'xml-crypto', names: ['SignedXml'] },
  '@xmldom/xmldom': { file: 'xmldom', names: ['DOMParser'] },
  // @peculiar/x509 needs the Reflect metadata polyfill loaded first (its README)
  'reflect-metadata': { file: 'reflect-metadata', names: [] },
  '@peculiar/x509': { file: 'peculiar-x509', names: ['X509CertificateGenerator'] },
  // S3's CRC32C and CRC64NVME checksums, as the AWS SDK computes them
  '@aws-sdk/checksums/crc': { file: 'aws-sdk-checksums-crc', names: ['Crc32c', 'Crc64Nvme'] },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifyWhitespace: true,
  charset: 'ascii', // bin/load.cjs reads the command as Latin-1, the fastest way to a string
  logLevel: 'warning',
};

/** In the command's bundle, a dependency is a module that re-exports its names from its file. */
const vendor = {
  name: 'vendor',
  setup(b) {
    const packages = Object.keys(VENDOR).map((p) => p.replaceAll('/', '\\/'));
    b.onResolve({ filter: new RegExp(`^(${packages.join('|')})$`) }, (a) => ({ path: a.path, namespace: 'vendor' }));
    b.onResolve({ filter: /^\.\/vendor\//, namespace: 'vendor' }, (a) => ({ path: a.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (a) => {
      const { file, names } = VENDOR[a.path];
      return { contents: `export { ${names.join(', ')} } from './vendor/${file}.cjs';`, loader: 'js' };
    });
  },
};

// The command (dist/simulate.cjs) and what it loads on demand (dist/simulate-NAME.cjs: the commands
// and formats a plain run never uses), sharing one copy of the engine: scripts/bundle-on-demand.mjs.
const command = {
  ...common,
  metafile: true,
  plugins: [vendor],
  define: { 'import.meta.dirname': '__dirname', IAMSIM_VERSION: JSON.stringify(version) },
  logOverride: { 'import-is-undefined': 'error' },
};
const results = await Promise.all([
  ...(await onDemandBundles({ root, options: command, entry: `${root}src/cli/main.ts`, dist: `${root}dist` })),
  // The library API (`import … from 'iamsim'`, src/api/): an ES module of its own, so that the
  // command's bundle and its start stay as they are; it shares the vendor files and the data files
  // (catalogue, token keys) beside it in dist/.
  build({
    ...common,
    format: 'esm',
    metafile: true,
    entryPoints: [`${root}src/api/index.ts`],
    outfile: `${root}dist/index.js`,
    plugins: [vendor],
    logOverride: { 'import-is-undefined': 'error' },
  }),
  ...Object.entries(VENDOR).map(([pkg, { file, names, importMetaUrl }]) =>
    build({
      ...common,
      // a CommonJS file has no import.meta: its URL is the file's own
      ...(importMetaUrl
        ? {
            banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
            define: { 'import.meta.url': '__importMetaUrl' },
          }
        : {}),
      stdin: { contents: `export { ${names.join(', ')} } from '${pkg}';`, resolveDir: root, loader: 'js' },
      outfile: `${root}dist/vendor/${file}.cjs`,
      metafile: true,
    }),
  ),
]);

/**
 * The bundles carry the code of the packages they were built from, so the package ships their
 * licences with it (dist/THIRD-PARTY-NOTICES.txt): every package whose files esbuild read, with
 * the licence file it ships.
 */
const bundled = new Set();
for (const { metafile } of results) {
  for (const input of Object.keys(metafile.inputs)) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) bundled.add(m[1]);
  }
}
const notices = [...bundled].sort().map((name) => {
  const dir = `${root}node_modules/${name}/`;
  const { version: v, license, author } = JSON.parse(readFileSync(`${dir}package.json`, 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  if (file !== undefined) return `${name} ${v} (${license})\n\n${readFileSync(dir + file, 'utf8').trim()}\n`;
  // a package that ships no licence file (@nodable/entities, of fast-xml-parser): its declared licence and author
  if (typeof license !== 'string') throw new Error(`bundle: ${name} ships no licence file and declares no licence`);
  const by = typeof author === 'string' ? author : (author?.name ?? 'its authors');
  return `${name} ${v} (${license})\n\nThe package ships no licence file; its package.json declares the ${license} licence, copyright ${by}.\n`;
});
writeFileSync(
  `${root}dist/THIRD-PARTY-NOTICES.txt`,
  `simulate (iamsim) bundles the code of these packages; their licences follow.\n\n${notices.join('\n' + '-'.repeat(72) + '\n\n')}`,
);
