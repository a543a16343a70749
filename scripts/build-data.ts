// npm run data:build — validates data/ and writes generated/dataset.json,
// the compiled dataset the extension bundles.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileDataset } from '../core/compile';
import { loadSources } from './load-sources';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const { entities, articles, problems } = loadSources(join(root, 'data'));
if (problems.length > 0) {
  for (const p of problems) console.error(`${p.file}: ${p.message}`);
  process.exit(1);
}
const dataset = compileDataset(entities, articles);
const out = join(root, 'generated', 'dataset.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(dataset));
const mentionCount = Object.values(dataset.mentions).reduce((n, m) => n + m.length, 0);
console.log(`dataset: ${articles.length} articles, ${entities.length} entities, ${mentionCount} mentions → ${out}`);
