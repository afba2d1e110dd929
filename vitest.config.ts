import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    // A golden (toMatchFileSnapshot) that is missing or differs fails, here as in CI: vitest would
    // otherwise write a missing one and pass. Goldens are written only by `npx vitest run -u`, whose
    // diff is reviewed before it is committed (test/golden-missing.test.ts checks both).
    update: 'none',
  },
});
