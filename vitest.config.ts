import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
    // Most of the suite waits on tmux, Chromium and child processes: two files at a time on two cores.
    maxWorkers: 2,
  },
});
