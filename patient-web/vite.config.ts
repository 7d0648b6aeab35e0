import { defineConfig, mergeConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { webCommon } from '../web-common/config.ts';
import { VitePWA } from 'vite-plugin-pwa';

// The backend (http://localhost:8080) owns login, logout and the API; the dev server only proxies.
const backend = 'http://localhost:8080';
const proxied = ['/api', '/oauth2', '/login', '/logout'];

// the shared foundation (../web-common) is merged in below
export default mergeConfig(
  webCommon('patient'),
  defineConfig({
    base: '/patient/',
    plugins: [
      react(),
      // Opens without network and can be installed: a Workbox service worker precaches the app's own
      // built files (HTML, JS, CSS, icons) and nothing else. No API answer is cached by it; the few the
      // app needs offline (who is logged in, care plans, today's tasks) are kept by the app itself per
      // login and removed at logout (src/lib/offlineCopy.ts). docs/decisions/patient-offline.md.
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: 'script',
        manifest: {
          name: 'Heima – hjemmeoppfølging',
          short_name: 'Heima',
          description: 'Digital hjemmeoppfølging: dagens oppgaver, målinger og skjemaer.',
          lang: 'nb',
          start_url: '/patient/',
          scope: '/patient/',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#00495a',
          icons: [
            { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          // The worker takes the open page at once. vite-plugin-pwa sets these for autoUpdate only
          // with injectRegister 'auto'; with 'script' they stayed off, so the page the patient logged
          // in on was never controlled (a hash change is no navigation) and a reload offline failed.
          clientsClaim: true,
          skipWaiting: true,
          // Web Push reminders: shows the notification, opens the app when it is tapped
          importScripts: ['push-handler.js'],
          globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
          // the questionnaire renderer is one big lazy chunk; it must open offline too
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          navigateFallback: '/patient/index.html',
          navigateFallbackDenylist: [/^\/api\//, /^\/oauth2\//, /^\/login/, /^\/logout/],
          runtimeCaching: [],
          cleanupOutdatedCaches: true,
        },
      }),
    ],
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
  }),
);
