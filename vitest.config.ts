import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
  },
});
