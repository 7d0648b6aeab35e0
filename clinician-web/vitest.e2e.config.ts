import { defineConfig } from 'vitest/config';

// Browser tests against a running Heima (HEIMA_BASE_URL); not part of `npm test`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['verbose'],
  },
});
