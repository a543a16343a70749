// npm run data:build — validates data/ (as data:check does) and writes
// generated/dataset.json, the compiled dataset the extension bundles.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkData, DATA_DIR, formatProblem } from './check-data';

const { problems, dataset, summary } = checkData(DATA_DIR);
const errors = problems.filter((p) => p.level === 'error');
if (!dataset || errors.length > 0) {
  for (const p of errors) console.error(formatProblem(p));
  console.error(`data:build: ${errors.length} error(s); nothing written. Run \`npm run data:check\` for details.`);
  process.exit(1);
}
const out = join(DATA_DIR, '..', 'generated', 'dataset.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(dataset));
const mentionCount = Object.values(dataset.mentions).reduce((n, m) => n + m.length, 0);
console.log(`${summary}, mentions: ${mentionCount} → ${out}`);
