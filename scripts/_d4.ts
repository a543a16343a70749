import { readFileSync } from 'node:fs';
import { buildIndex } from '../core/spotter';
import { tokenize } from '../core/normalize';
const text = readFileSync('generated/spotter.json', 'utf8');
for (let i = 0; i < 5; i++) {
  let t = performance.now(); const entries = JSON.parse(text); const tp = performance.now() - t;
  t = performance.now(); const clone = structuredClone(entries); const tc = performance.now() - t;
  t = performance.now(); let n = 0; for (const e of entries) n += tokenize(e.alias.text).length; const tt = performance.now() - t;
  t = performance.now(); buildIndex(clone); const tb = performance.now() - t;
  console.log(`parse ${tp.toFixed(1)} clone ${tc.toFixed(1)} tokenize ${tt.toFixed(1)} build ${tb.toFixed(1)}`);
}
