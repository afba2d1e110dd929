import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // A trace that differs fails the run; `npm run test:update` (vitest --update) rewrites the
    // goldens, whose diff you review before you commit it.
  },
});
