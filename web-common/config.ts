import { fileURLToPath } from 'node:url';

/**
 * How an app's Vite (and Vitest) configuration takes in this shared foundation: imports of
 * `@heima/web-common/<path>` read `web-common/src/<path>` as source, and the libraries those files
 * import resolve from the app's own node_modules (one copy of React per app, the versions of the
 * app's lockfile). `app` names the app (its login registration, `__HEIMA_APP__`). A plain object,
 * so this file needs no library of its own; the app merges it with `mergeConfig`.
 */
export function webCommon(app: 'patient' | 'clinician') {
  return {
    define: { __HEIMA_APP__: JSON.stringify(app) },
    resolve: {
      dedupe: [
        'react',
        'react-dom',
        'react-i18next',
        'i18next',
        '@tanstack/react-query',
        '@testing-library/react',
        '@testing-library/dom',
        '@testing-library/jest-dom',
        '@testing-library/user-event',
        'vitest',
        'playwright-core',
        '@axe-core/playwright',
        'openapi-typescript',
        'prettier',
      ],
      alias: [
        {
          find: /^@heima\/web-common\/(.*)$/,
          replacement: `${fileURLToPath(new URL('./src/', import.meta.url))}$1`,
        },
      ],
    },
    // the dev server may serve the foundation's files, beside the app's own
    server: { fs: { allow: ['.', fileURLToPath(new URL('.', import.meta.url))] } },
  };
}
