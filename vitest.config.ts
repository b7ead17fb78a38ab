import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files run in parallel worker processes, each with its own databases and Redis prefixes.
    pool: 'forks',
    maxWorkers: 2,
  },
});
