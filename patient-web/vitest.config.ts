import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      globals: true,
      // web-common's own tests run with this app's (its files have no node_modules of their own)
      include: ['src/**/*.test.{ts,tsx}', '../web-common/src/**/*.test.{ts,tsx}'],
      setupFiles: ['../web-common/src/test/setup.ts', './src/test/designsystem.ts'],
      restoreMocks: true,
      // jsdom + user-event typing is slow on a loaded 2-core machine; 5 s timed out there
      testTimeout: 30_000,
      unstubGlobals: true,
      // Helsenorge's components import their own .module.scss: let Vite (with sass) transform them
      server: { deps: { inline: [/@helsenorge\/designsystem-react/] } },
      css: { modules: { classNameStrategy: 'non-scoped' } },
    },
  }),
);
