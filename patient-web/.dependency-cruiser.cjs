// Issue 14: the app's layers and its feature folders, checked by `npm run lint` (so by Maven's build).
// clinician-web has the same rules under the same names.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycles',
      severity: 'error',
      comment: 'No file imports itself through others (import-x/no-cycle says the same in ESLint).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-feature-folder-cycles',
      severity: 'error',
      comment:
        'Feature folders do not import each other in a loop (measurements → outbox → measurements was ' +
        'one): such features cannot be changed or tested alone. Move the shared piece down (as ' +
        'features/vitals) or invert the dependency. Folder scope: the loop is between folders, ' +
        'no single file needs to take part in a file cycle.',
      scope: 'folder',
      from: { path: '^src/features/' },
      to: { path: '^src/features/', circular: true },
    },
    {
      name: 'features-not-app',
      severity: 'error',
      comment:
        'src/app is the shell and routing on top; features are used by it, never the reverse.',
      from: { path: '^src/(features|ui|lib|i18n)/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'ui-not-features',
      severity: 'error',
      comment: 'src/ui holds presentational parts any feature may use; they know no feature.',
      from: { path: '^src/ui/' },
      to: { path: '^src/features/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // tests may render the whole app (src/test/render.tsx wraps it in AppProviders)
    exclude: { path: ['(^|/)node_modules/', '\\.test\\.tsx?$', '^src/test/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
