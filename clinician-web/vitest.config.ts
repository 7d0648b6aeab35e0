import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      globals: true,
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['../web-common/src/test/setup.ts', './src/test/setup.ts'],
      restoreMocks: true,
      // jsdom + user-event typing is slow on a loaded 2-core machine; 5 s timed out there
      testTimeout: 30_000,
      unstubGlobals: true,
      // The Helsenorge packages import their .scss from JavaScript: let Vite transform them
      // instead of handing them to Node (only the refero preview test loads them).
      server: { deps: { inline: [/@helsenorge\//] } },
    },
  }),
);
