import { defineConfig, mergeConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { webCommon } from '../web-common/config.ts';

// The backend (http://localhost:8080) owns login, logout and the API; the dev server only proxies.
const backend = 'http://localhost:8080';
const proxied = ['/api', '/oauth2', '/login', '/logout'];

// the shared foundation (../web-common) is merged in below
export default mergeConfig(
  webCommon('clinician'),
  defineConfig({
    base: '/clinician/',
    plugins: [react()],
    resolve: {
      alias: [
        // @helsenorge/refero imports this directory with a trailing slash, which the package's
        // exports map (and so Vite) does not resolve; point it at the directory's entry.
        {
          find: /^@helsenorge\/datepicker\/components\/DatePicker\/$/,
          replacement: '@helsenorge/datepicker/components/DatePicker',
        },
      ],
    },
    server: {
      port: 5173,
      proxy: Object.fromEntries(proxied.map((path) => [path, { target: backend }])),
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      reportCompressedSize: true,
      sourcemap: false,
    },
  }),
);
