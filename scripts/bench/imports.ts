// Importing a large archive: a CSV of 20,000 articles (the bundled bodies,
// repeated) parsed, scanned for names and merged into the dataset the
// background serves. Runs in Node: the options page and the background run
// the same code in V8. The figures say how long a reader waits at the
// preview, and how long the background takes to rebuild after an import.
import { spotterEntries } from '../../core/compile';
import { indexDataset } from '../../core/dataset-index';
import { parseFile } from '../../core/import/index';
import { prepareImport, toImportedArticles } from '../../core/import/pipeline';
import { entityMentions, mergeDataset } from '../../core/merge';
import type { Dataset } from '../../core/model';
import { createSearch } from '../../core/search';
import { buildIndex } from '../../core/spotter';

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function benchImports(
  dataset: Dataset,
  size = 20_000,
): Promise<{
  articles: number;
  csvBytes: number;
  parseMs: number;
  previewMs: number;
  mergeMs: number;
  newEntityScanMs: number;
  mergeWithOwnEntityMs: number;
  searchBuildMs: number;
  searchMs: number;
  searchWorstMs: number;
}> {
  const rows = ['title,date,lang,source,url,text'];
  for (let i = 0; rows.length <= size; i++) {
    const a = dataset.articles[i % dataset.articles.length]!;
    rows.push([quote(`${a.title} (${i})`), a.date, a.lang, quote(a.source), `https://archive.example/${i}`, quote(a.body)].join(','));
  }
  const bytes = new TextEncoder().encode(rows.join('\n'));
  const parseHtml = (): Document => {
    throw new Error('no HTML in this bench');
  };
  let t0 = performance.now();
  const parsed = await parseFile('archive.csv', bytes, { parseHtml });
  const parseMs = performance.now() - t0;
  if (parsed.articles.length !== size) throw new Error(`parsed ${parsed.articles.length} of ${size}: ${parsed.problems[0]?.message}`);

  const spotter = buildIndex(spotterEntries(dataset.entities, dataset.stopPhrases));
  t0 = performance.now();
  const preview = await prepareImport([{ name: 'archive.csv', bytes }], (f) => parseFile(f.name, f.bytes, { parseHtml }), spotter, { slice: 1e9 });
  const previewMs = performance.now() - t0;
  const articles = toImportedArticles(preview, 'bench');

  t0 = performance.now();
  const merged = indexDataset(mergeDataset(dataset, { articles, entities: [] }));
  const mergeMs = performance.now() - t0;

  // The popup's search over the merged dataset: built once, then one query per keystroke.
  t0 = performance.now();
  const search = createSearch(merged);
  const searchBuildMs = performance.now() - t0;
  // A keystroke's cost once the engine is warm: each query's median of five runs, then the median over the queries.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const times = ['ka', 'kab', 'kabo', 'kabol', 'taliban talks', 'mazar', 'ouzbekistan'].map((q) =>
    median(
      Array.from({ length: 5 }, () => {
        const t = performance.now();
        search.search(q, 200);
        return performance.now() - t;
      }),
    ),
  );
  const searchMs = median(times);
  const searchWorstMs = Math.max(...times);

  const own = {
    id: 'user:bench',
    type: 'organization' as const,
    name: { en: 'Bench Relief', fr: 'Bench Relief' },
    description: { en: '', fr: '' },
    aliases: [{ text: 'Bench Relief' }],
  };
  // A new entity of the reader's is scanned for once, over every article; then merged like the rest.
  t0 = performance.now();
  const mentions = entityMentions(own, [...dataset.articles, ...articles], dataset.stopPhrases);
  const newEntityScanMs = performance.now() - t0;
  t0 = performance.now();
  indexDataset(mergeDataset(dataset, { articles, entities: [{ ...own, mentions }] }));
  const mergeWithOwnEntityMs = performance.now() - t0;
  return { articles: size, csvBytes: bytes.length, parseMs, previewMs, mergeMs, newEntityScanMs, mergeWithOwnEntityMs, searchBuildMs, searchMs, searchWorstMs };
}
