// npm run data:build — validates data/ (as data:check does) and writes the
// compiled artifacts the extension bundles: generated/spotter.json (the
// alias entries the content script spots names with) and
// generated/dataset.json (entities, articles, postings, co-occurrences).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spotterEntries } from '../core/compile';
import { checkData, DATA_DIR, formatProblem } from './check-data';

const { problems, dataset, summary } = checkData(DATA_DIR);
const errors = problems.filter((p) => p.level === 'error');
if (!dataset || errors.length > 0) {
  for (const p of errors) console.error(formatProblem(p));
  console.error(`data:build: ${errors.length} error(s); nothing written. Run \`npm run data:check\` for details.`);
  process.exit(1);
}
const out = join(DATA_DIR, '..', 'generated');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'dataset.json'), JSON.stringify(dataset));
writeFileSync(join(out, 'spotter.json'), JSON.stringify(spotterEntries(dataset.entities, dataset.stopPhrases)));
const mentionCount = Object.values(dataset.postings).reduce((n, ps) => n + ps.reduce((k, p) => k + p.count, 0), 0);
console.log(`${summary}, mentions: ${mentionCount} → ${out}/{dataset,spotter}.json`);
