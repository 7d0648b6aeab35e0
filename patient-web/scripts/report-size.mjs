// Prints the gzipped size of the JavaScript a first visit loads (entry + modulepreloads named in
// dist/index.html) and fails the build when it exceeds the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = Number(process.env.HEIMA_FIRST_LOAD_BUDGET_KB ?? 250);
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const refs = [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
  (m) => m[1],
);
let jsTotal = 0;
const rows = refs.map((ref) => {
  // Vite writes references as <base>/assets/<name>; the files live in dist/assets/.
  const file = ref.slice(ref.indexOf('assets/'));
  const bytes = readFileSync(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (file.endsWith('.js')) jsTotal += gz;
  return `  ${file.padEnd(40)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB  gzip ${(gz / 1024).toFixed(1).padStart(7)} KB`;
});

console.log('First load (from dist/index.html):');
console.log(rows.join('\n'));
console.log(`First-load JS, gzipped: ${(jsTotal / 1024).toFixed(1)} KB (budget ${budgetKb} KB)`);
if (jsTotal > budgetKb * 1024) {
  console.error(`First-load JS exceeds the budget of ${budgetKb} KB gzipped.`);
  process.exit(1);
}
