import { defineConfig, mergeConfig } from 'vitest/config';
import { webCommon } from '../web-common/config.ts';

// Browser tests against a running Heima (HEIMA_BASE_URL); not part of `npm test`.
export default mergeConfig(
  webCommon('patient'),
  defineConfig({
    test: {
      environment: 'node',
      include: ['e2e/**/*.e2e.ts'],
      testTimeout: 180_000,
      hookTimeout: 120_000,
      fileParallelism: false,
      reporters: ['verbose'],
    },
  }),
);
