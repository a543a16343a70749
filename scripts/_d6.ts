import { readFileSync } from 'node:fs';
import { buildIndex, spot } from '../core/spotter';
import { PageMemory } from '../core/resolve';
const entries = JSON.parse(readFileSync('generated/spotter.json', 'utf8'));
const ds = JSON.parse(readFileSync('generated/dataset.json', 'utf8'));
const paras: string[] = ds.articles.flatMap((a: { body: string }) => a.body.split('\n\n'));
const text = [];
while (text.join('').length < 870_000) text.push(...paras);
const index = buildIndex(entries);
for (let r = 0; r < 6; r++) {
  let t = performance.now(); let n = 0;
  for (const p of text) n += spot(index, p).length;
  const ts = performance.now() - t;
  t = performance.now();
  for (const p of text) new PageMemory().resolve(spot(index, p));
  console.log(`spot ${ts.toFixed(1)} ms (${n} matches), spot+resolve ${(performance.now() - t).toFixed(1)} ms`);
}
