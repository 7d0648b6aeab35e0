// Copy-paste check between the two apps (issue 14): what both need lives once, in ../web-common.
// Runs jscpd over both apps' code and the foundation and fails when more duplicated blocks than
// allowed below span two of them (copies inside one app are only counted). Part of `npm test`.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// jscpd 4.3's ES module build imports `colors/safe` without an extension and fails to load in
// Node; its CommonJS build works.
const { detectClones } = createRequire(import.meta.url)('jscpd');

const root = fileURLToPath(new URL('../../', import.meta.url));
const folders = [
  'patient-web/src',
  'patient-web/e2e',
  'clinician-web/src',
  'clinician-web/e2e',
  'web-common/src',
];
const clones = await detectClones({
  path: folders.map((folder) => root + folder),
  format: ['typescript', 'tsx', 'css'],
  minLines: 5,
  minTokens: 50,
  ignore: ['**/node_modules/**', '**/dist/**', '**/target/**'],
  silent: true,
  reporters: [],
});
const owner = (name) => name.slice(root.length).split('/')[0];
const across = clones.filter(
  (clone) => owner(clone.duplicationA.sourceId) !== owner(clone.duplicationB.sourceId),
);
const where = (d) => `${d.sourceId.slice(root.length)}:${d.start.line}-${d.end.line}`;
console.log(
  `cpd: ${clones.length} duplicated blocks in all, ${across.length} between the apps and web-common`,
);
for (const clone of across)
  console.log(`  ${where(clone.duplicationA)}  =  ${where(clone.duplicationB)}`);
// 41 blocks before web-common (2026-12-01), 2 after its first pass, 0 since both apps take the
// conversation and the chart bands from web-common (2026-12-02). Nothing may be copied again.
const ALLOWED = Number(process.env.CPD_ALLOWED ?? 0);
if (across.length > ALLOWED) {
  console.error(`cpd: ${across.length} blocks copied between apps, at most ${ALLOWED} allowed`);
  process.exit(1);
}
