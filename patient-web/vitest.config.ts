import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      globals: true,
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/test/setup.ts'],
      restoreMocks: true,
      // jsdom + user-event typing is slow on a loaded 2-core machine; 5 s timed out there
      testTimeout: 30_000,
      unstubGlobals: true,
    },
  }),
);
