// Writes dist/index.d.ts, the types of the library API (src/api/index.ts, bundled by
// scripts/bundle.mjs into dist/index.js): one file, holding every type the API names, so that the
// package ships no source tree of declarations and its types name no package a user does not have
// (the engine's event types, derived from zod schemas, are not part of the API: see LoggedEvent).
// tsc checks the file where it is used (test/cli/pack-api.test.ts type-checks a user's file).
import { writeFileSync } from 'node:fs';
import { generateDtsBundle } from 'dts-bundle-generator';

const root = new URL('..', import.meta.url).pathname;
const [types] = generateDtsBundle([{ filePath: `${root}src/api/index.ts`, output: { noBanner: true, exportReferencedTypes: false } }], {
  preferredConfigPath: `${root}tsconfig.build.json`,
});
if (/^import |from ['"]|reference types=/m.test(types)) throw new Error('bundle-types: dist/index.d.ts must name no other module');
writeFileSync(`${root}dist/index.d.ts`, `// The types of iamsim's library API (docs/api.md).\n${types}`);
