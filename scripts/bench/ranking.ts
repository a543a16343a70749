// Ranking related coverage over a 10,000-article dataset: the real dataset's
// articles and postings repeated under new ids, so entity frequencies keep
// their real shape. Runs in Node: the popup runs the same code in V8.
import { indexDataset } from '../../core/dataset-index';
import type { Dataset, Posting } from '../../core/model';
import { articleTextIndex, rankingSource, rankRelated } from '../../core/related';

export function scaledDataset(base: Dataset, size: number): Dataset {
  const articles = [];
  const postings: Record<string, Posting[]> = {};
  for (let i = 0; articles.length < size; i++) {
    for (const a of base.articles) {
      if (articles.length >= size) break;
      articles.push({ ...a, id: `${a.id}~${i}` });
    }
  }
  const copies = Math.ceil(size / base.articles.length);
  for (const [entity, list] of Object.entries(base.postings)) {
    postings[entity] = [];
    for (let i = 0; i < copies; i++) for (const p of list) postings[entity].push({ ...p, article: `${p.article}~${i}` });
  }
  return { ...base, articles, postings };
}

export function benchRanking(base: Dataset, size = 10_000, runs = 21): { articles: number; medianMs: number; maxMs: number } {
  const index = indexDataset(scaledDataset(base, size));
  const source = rankingSource(index);
  const text = articleTextIndex(index);
  // A page like the French sample: a dozen entities, some repeated.
  const counts = new Map<string, number>([
    ['zamir-kabulov', 2],
    ['isi', 2],
    ['mazar-i-sharif', 2],
    ['hairatan', 1],
    ['taliban', 3],
    ['russia', 3],
    ['pakistan', 2],
    ['islamabad', 4],
    ['faiz-hameed', 1],
    ['gulbuddin-hekmatyar', 1],
    ['qamar-javed-bajwa', 1],
    ['doha', 1],
    ['central-asia', 2],
  ]);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    rankRelated(source, counts, 8, { index: text, query: 'Afghanistan : Moscou et Islamabad face au retour des talibans' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { articles: index.dataset.articles.length, medianMs: times[runs >> 1]!, maxMs: times[runs - 1]! };
}
