import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    // A golden (toMatchFileSnapshot) that is missing or differs fails, here as in CI: vitest would
    // otherwise write a missing one and pass. Goldens are written only by `npx vitest run -u`, whose
    // diff is reviewed before it is committed (test/golden-missing.test.ts checks both).
    update: 'none',
    // Test files share one module graph per worker instead of importing the sources again for each
    // file (no test mocks a module or leaves global state): the suite runs in half the time.
    isolate: false,
  },
});
