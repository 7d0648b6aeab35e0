// The architecture check of `npm run lint` (issue 14): dependency-cruiser with the rules in
// .dependency-cruiser.cjs, plus loops between whole feature folders.
//
// dependency-cruiser's `scope: "folder"` finds cycles between the folders modules live in
// (e.g. features/a/components ↔ features/b/components), but a loop such as
// careplans/components → overview/components → careplans/api runs between *feature* folders
// through different sub-folders, which no folder-level graph of it shows. So the module graph it
// has built is folded to src/features/<name> here and searched for cycles too, reported under the
// same rule name.
import { createRequire } from 'node:module';
import { cruise, format } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs');
const { tsConfig, ...options } = config.options;
const result = await cruise(
  ['src'],
  { ...options, validate: true, ruleSet: { forbidden: config.forbidden } },
  {},
  { tsConfig: extractTSConfig(tsConfig.fileName) },
);
const cruised = result.output;

const FEATURE = /^src\/features\/([^/]+)\//;
const feature = (path) => FEATURE.exec(path)?.[1];
/** Feature → the features it imports, each with one file-level example. */
const graph = new Map();
for (const module of cruised.modules) {
  const from = feature(module.source);
  if (!from) continue;
  if (!graph.has(from)) graph.set(from, new Map());
  for (const dependency of module.dependencies) {
    const to = feature(dependency.resolved);
    if (to && to !== from && !graph.get(from).has(to))
      graph.get(from).set(to, `${module.source} → ${dependency.resolved}`);
  }
}

/** Every elementary loop once, as a list of features starting at its smallest name. */
function loops() {
  const found = new Map();
  const walk = (start, path) => {
    for (const next of graph.get(path.at(-1))?.keys() ?? []) {
      if (next === start) {
        const key = [...path].sort().join(' ');
        if (!found.has(key)) found.set(key, [...path]);
      } else if (next > start && !path.includes(next)) walk(start, [...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, [start]);
  return [...found.values()];
}

const featureLoops = loops();
const report = await format(cruised, { outputType: 'err' });
process.stdout.write(report.output);
for (const loop of featureLoops) {
  console.error(`  error no-feature-folder-cycles: ${[...loop, loop[0]].join(' → ')}`);
  loop.forEach((from, i) =>
    console.error(`      ${graph.get(from).get(loop[(i + 1) % loop.length])}`),
  );
}
if (featureLoops.length > 0)
  console.error(`\nx ${featureLoops.length} loop(s) between feature folders.\n`);
if (report.exitCode > 0 || featureLoops.length > 0) process.exit(1);
