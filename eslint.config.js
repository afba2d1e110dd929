// Lint for the whole tree: typescript-eslint's recommended rules, import cycles, and the layers of
// docs/architecture.md (a folder never imports one above it). Type-only cycles, which import-x's
// no-cycle does not follow, are found by `madge --circular` in `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/**
 * Each layer and the folders it must not import (the flow is cli → server → dsl/trace/eval/walk → engine → policy → json):
 * src/server (`simulate serve`) may use every layer below the CLI, and only the CLI may use it.
 */
const layers = [
  {
    target: './src/json',
    from: [
      './src/policy',
      './src/catalogue',
      './src/engine',
      './src/dsl',
      './src/trace',
      './src/eval',
      './src/walk',
      './src/cli',
      './src/server',
    ],
  },
  { target: './src/policy', from: ['./src/engine', './src/dsl', './src/trace', './src/eval', './src/walk', './src/cli', './src/server'] },
  {
    target: './src/catalogue',
    from: ['./src/engine', './src/dsl', './src/trace', './src/eval', './src/walk', './src/cli', './src/server'],
  },
  { target: './src/engine', from: ['./src/dsl', './src/trace', './src/eval', './src/walk', './src/cli', './src/server'] },
  { target: './src/dsl', from: ['./src/trace', './src/eval', './src/walk', './src/cli', './src/server'] },
  { target: './src/trace', from: ['./src/dsl', './src/eval', './src/walk', './src/cli', './src/server'] },
  { target: './src/eval', from: ['./src/dsl', './src/trace', './src/walk', './src/cli', './src/server'] },
  { target: './src/walk', from: ['./src/dsl', './src/eval', './src/cli', './src/server'] },
  { target: './src/server', from: ['./src/cli'] },
  // src/import (`simulate import`) reads AWS's output and writes a world: it stands on dsl/engine/policy/json/errors
  // (and the catalogue the DSL checks with); only the CLI uses it
  { target: './src/import', from: ['./src/trace', './src/eval', './src/walk', './src/cli', './src/server'] },
  { target: './src/!(cli|import)/**/*', from: ['./src/import'] },
  // src/query names a question's arguments and prints its answers (the questions are the engine's,
  // src/engine/query/): it stands on engine, policy, dsl and trace, and only the CLI stands on it
  { target: './src/query', from: ['./src/cli', './src/server', './src/walk', './src/eval'] },
  { target: './src/!(cli|query|api)/**/*', from: ['./src/query'] },
  // the library API (src/api/, `import … from 'iamsim'`) stands on every layer, and none stands on it
  { target: './src/!(api)/**/*', from: ['./src/api'] },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/dsl/grammar.generated.ts', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-unresolved': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // the examples are users' projects: they import the installed package, which the repo does not install into them
    files: ['examples/**'],
    rules: { 'import-x/no-unresolved': ['error', { ignore: ['^iamsim$'] }] },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
