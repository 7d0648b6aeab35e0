// Prints the gzipped size of the JavaScript a first visit loads (entry + modulepreloads named in
// dist/index.html) and fails the build when it exceeds the budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = Number(process.env.HEIMA_FIRST_LOAD_BUDGET_KB ?? 250);
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const refs = [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
  (m) => m[1],
);
// Vite writes references as <base>/assets/<name> (files in dist/assets/); the service worker's
// registration script sits at <base>/registerSW.js (in dist/).
const fileOf = (ref) =>
  ref.includes('assets/') ? ref.slice(ref.indexOf('assets/')) : ref.slice(ref.lastIndexOf('/') + 1);
let jsTotal = 0;
const rows = refs.map((ref) => {
  const file = fileOf(ref);
  const bytes = readFileSync(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (file.endsWith('.js')) jsTotal += gz;
  return `  ${file.padEnd(40)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB  gzip ${(gz / 1024).toFixed(1).padStart(7)} KB`;
});

// The chunks loaded later, on demand (the questionnaire renderer, the charts), for the record.
const firstLoad = new Set(refs.map(fileOf));
const lazy = readdirSync(join(dist, 'assets'))
  .filter((name) => name.endsWith('.js') && !firstLoad.has(`assets/${name}`))
  .map((name) => ({
    name,
    gz: gzipSync(readFileSync(join(dist, 'assets', name)), { level: 9 }).length,
  }))
  .sort((a, b) => b.gz - a.gz);
const big = lazy.filter((chunk) => chunk.gz >= 10 * 1024);
const smallTotal = lazy.filter((chunk) => chunk.gz < 10 * 1024).reduce((sum, c) => sum + c.gz, 0);

console.log('First load (from dist/index.html):');
console.log(rows.join('\n'));
console.log(`First-load JS, gzipped: ${(jsTotal / 1024).toFixed(1)} KB (budget ${budgetKb} KB)`);
console.log('Loaded on demand (gzip):');
for (const chunk of big)
  console.log(`  assets/${chunk.name.padEnd(40)} ${(chunk.gz / 1024).toFixed(1).padStart(7)} KB`);
console.log(
  `  ${lazy.length - big.length} smaller chunks (icons, illustrations) ${(smallTotal / 1024).toFixed(1)} KB together`,
);
if (jsTotal > budgetKb * 1024) {
  console.error(`First-load JS exceeds the budget of ${budgetKb} KB gzipped.`);
  process.exit(1);
}
