// The package alternative to the spotter's word trie: modern-ahocorasick (a
// Unicode-aware Aho–Corasick) over the same folded aliases and text, in Node.
// It gets the easy version of the job (text folded beforehand, no case
// rules, no mapping back to page offsets), and is still timed against the
// full spotter.
import AhoCorasick from 'modern-ahocorasick';
import type { Dataset, SpotterEntry } from '../../core/model';
import { normalizeText } from '../../core/normalize';
import { buildIndex, spot } from '../../core/spotter';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export function benchPackageMatcher(dataset: Dataset, entries: SpotterEntry[], runs = 5) {
  let text = '';
  while (text.length < 800_000) for (const a of dataset.articles) text += `${a.title}\n\n${a.body}\n\n`;
  const paragraphs = text.split('\n\n');
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[\s\-‐-―'’]+/g, ' ');
  let t = performance.now();
  const index = buildIndex(entries);
  const oursInit = performance.now() - t;
  t = performance.now();
  const ac = new AhoCorasick([...new Set(entries.map((e) => normalizeText(e.alias.text)))], { boundary: 'unicode' });
  const pkgInit = performance.now() - t;
  const ours: number[] = [];
  const pkg: number[] = [];
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    for (const p of paragraphs) spot(index, p);
    ours.push(performance.now() - t);
    t = performance.now();
    for (const p of paragraphs) ac.search(fold(p), { strategy: 'leftmost-longest' });
    pkg.push(performance.now() - t);
  }
  return { chars: text.length, oursMs: median(ours), packageMs: median(pkg), oursInitMs: oursInit, packageInitMs: pkgInit };
}
