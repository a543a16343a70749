// Search over the dataset's articles with fuse.js: titles, summaries and the
// names (every alias, both languages) of the entities each article mentions,
// so "kaboul", "kabul" and "kabol" all find the Kabul articles.

import Fuse from 'fuse.js';
import type { DatasetIndex } from './dataset-index';

interface SearchRecord {
  id: string;
  title: string;
  summary: string;
  names: string[];
}

export interface ArticleSearch {
  search(query: string, limit?: number): { id: string; score: number }[];
}

/** Fuse combines per-field scores (0 is perfect); above this a result shares
 * only scattered letters with the query ("famine" against "Faryab"). */
const MAX_SCORE = 0.5;

export function createSearch(index: DatasetIndex): ArticleSearch {
  const records: SearchRecord[] = index.dataset.articles.map((a) => {
    const names = new Set<string>();
    for (const id of index.entitiesOf.get(a.id) ?? []) {
      const e = index.entity.get(id)!;
      names.add(e.name.en);
      names.add(e.name.fr);
      for (const alias of e.aliases) names.add(alias.text);
    }
    return { id: a.id, title: a.title, summary: a.summary, names: [...names] };
  });
  const fuse = new Fuse(records, {
    keys: [
      { name: 'names', weight: 2 },
      { name: 'title', weight: 3 },
      { name: 'summary', weight: 1 },
    ],
    ignoreDiacritics: true,
    ignoreLocation: true,
    includeScore: true,
    // 0.34 lets one wrong letter in five through ("kabol" → "kabul") while
    // keeping unrelated words out; measured on the tests in tests/core/search.test.ts.
    threshold: 0.34,
    minMatchCharLength: 2,
  });
  return {
    search(query, limit = 20) {
      const q = query.trim();
      if (q.length < 2) return [];
      return fuse
        .search(q, { limit })
        .map((r) => ({ id: r.item.id, score: r.score ?? 1 }))
        .filter((r) => r.score <= MAX_SCORE);
    },
  };
}
