import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The backend (http://localhost:8080) owns login, logout and the API; the dev server only proxies.
const backend = 'http://localhost:8080';
const proxied = ['/api', '/oauth2', '/login', '/logout'];

export default defineConfig({
  base: '/patient/',
  plugins: [react()],
  resolve: {
    alias: [
      // @helsenorge/refero imports this folder with a trailing slash, which Vite 8 will not resolve.
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
    // The questionnaire renderer is one big lazy chunk by design; scripts/report-size.mjs
    // guards what counts, the first load.
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
});
