// Architecture rules for clinician-web (issue 14), checked by `npm run lint` (dependency-cruiser).
// patient-web has the same rules under the same names.
//   src/app       the shell: providers, routes, header, navigation, pages that compose features
//   src/ui        presentational parts any feature may use (no feature imports)
//   src/features  one folder per feature; features may use each other, but never in a loop
//   src/lib       app infrastructure (router primitives, dates)
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-feature-folder-cycles',
      severity: 'error',
      comment:
        'Feature folders must not depend on each other in a loop (a → b → a, even through different ' +
        'files): move what both need into src/ui or src/lib, or compose them in src/app.',
      scope: 'folder',
      from: { path: '^src/features/[^/]+' },
      to: { circular: true },
    },
    {
      name: 'features-not-app',
      severity: 'error',
      comment: 'The shell composes features; a feature never imports the shell (src/app).',
      from: { path: '^src/features/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'ui-not-features',
      severity: 'error',
      comment: 'src/ui holds presentational parts: they take data as props and import no feature.',
      from: { path: '^src/ui/' },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      comment: 'No import cycle between files either (as import-x/no-cycle in ESLint).',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^src/',
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
