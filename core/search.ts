// Search over the dataset's articles with fuse.js: titles, summaries and the
// names (every alias, both languages) of the entities each article mentions,
// so "kaboul", "kabul" and "kabol" all find the Kabul articles.
//
// Fuse compares the query with every record: fine for the bundled dataset,
// but with a reader's 20,000 imported articles one keystroke took seconds
// (and held up the background's other answers; `npm run bench`, search). Above FULL_SEARCH_MAX
// articles, the fuzzy match runs over entity names only (a few hundred), and
// titles are looked up by word in an index; see scaledSearch.

import Fuse from 'fuse.js';
import type { DatasetIndex } from './dataset-index';
import { distance } from 'fastest-levenshtein';
import { normalizeText, tokenize } from './normalize';

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

/** Up to this many articles, every article is fuzzy-matched (as in the bundled dataset). */
export const FULL_SEARCH_MAX = 3000;

export function createSearch(index: DatasetIndex): ArticleSearch {
  return index.dataset.articles.length <= FULL_SEARCH_MAX ? fullSearch(index) : scaledSearch(index);
}

function fullSearch(index: DatasetIndex): ArticleSearch {
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
      const run = (pattern: string, n: number) =>
        fuse
          .search(pattern, { limit: n })
          .map((r) => ({ id: r.item.id, score: r.score ?? 1 }))
          .filter((r) => r.score <= MAX_SCORE);
      const whole = run(q, limit);
      const words = [...new Set(q.split(/\s+/).filter((w) => w.length >= 2))];
      if (whole.length > 0 || words.length < 2) return whole;
      // Fuse matches a phrase as one pattern: "kabulov note" finds nothing where
      // both words are in a title. Then each word is matched on its own, and the
      // articles matching the most words come first, the best average score next.
      const found = new Map<string, { words: number; total: number }>();
      for (const word of words)
        for (const r of run(word, 200)) {
          const f = found.get(r.id) ?? { words: 0, total: 0 };
          found.set(r.id, { words: f.words + 1, total: f.total + r.score });
        }
      return [...found]
        .sort((a, b) => b[1].words - a[1].words || a[1].total / a[1].words - b[1].total / b[1].words)
        .slice(0, limit)
        .map(([id, f]) => ({ id, score: f.total / f.words }));
    },
  };
}

/**
 * How far the query is from the closest of an entity's names, or of their
 * words, as a share of the longer (0 is the same). Fuse finds the candidates
 * but, with the location ignored, rates "Kabulov" closer to "kabol" than
 * "Kabul" is; this puts the nearest name first.
 */
function closeness(query: string, names: readonly string[]): number {
  let best = 1;
  for (const name of names) {
    const folded = normalizeText(name);
    for (const form of [folded, ...folded.split(' ')]) best = Math.min(best, distance(query, form) / Math.max(query.length, form.length));
  }
  return best;
}

/** Articles taken per matching entity, newest first. */
const PER_ENTITY = 400;
/** Title words a query word may complete ("kab" → "kabul", "kaboul"…). */
const PREFIX_WORDS = 40;

/**
 * For large datasets: the query is fuzzy-matched against entity names (so a
 * misspelt name still finds its articles) and looked up, word by word, in an
 * index of title words (exact, then as a prefix). Scores run from 0 (perfect)
 * to 1: a title word matched exactly scores 0, as a prefix 0.1, an entity the
 * edit distance to its nearest name; each article keeps its best, and an
 * article matching several query words ranks first. Summaries are not
 * searched here.
 */
function scaledSearch(index: DatasetIndex): ArticleSearch {
  const entityRecords = index.dataset.entities
    .filter((e) => (index.articlesOf.get(e.id)?.length ?? 0) > 0)
    .map((e) => ({ id: e.id, names: [...new Set([e.name.en, e.name.fr, ...e.aliases.map((a) => a.text)])] }));
  const entities = new Fuse(entityRecords, {
    keys: ['names'],
    ignoreDiacritics: true,
    ignoreLocation: true,
    includeScore: true,
    threshold: 0.34,
    minMatchCharLength: 2,
  });
  const byWord = new Map<string, string[]>();
  for (const a of index.dataset.articles) {
    for (const word of new Set(tokenize(a.title).map((t) => t.norm))) {
      const list = byWord.get(word);
      if (list) list.push(a.id);
      else byWord.set(word, [a.id]);
    }
  }
  const words = [...byWord.keys()].sort();
  const firstAtOrAfter = (prefix: string) => {
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const date = (id: string) => index.article.get(id)?.date ?? '';
  return {
    search(query, limit = 20) {
      const q = query.trim();
      if (q.length < 2) return [];
      const best = new Map<string, { score: number; words: number }>();
      const offer = (id: string, score: number, word: boolean) => {
        const known = best.get(id) ?? { score: 1, words: 0 };
        best.set(id, { score: Math.min(known.score, score), words: known.words + (word ? 1 : 0) });
      };
      const folded = normalizeText(q);
      for (const r of entities.search(q, { limit: 8 })) {
        if ((r.score ?? 1) > MAX_SCORE) continue;
        const score = closeness(folded, r.item.names);
        if (score > MAX_SCORE) continue;
        for (const id of (index.articlesOf.get(r.item.id) ?? []).slice(0, PER_ENTITY)) offer(id, score, false);
      }
      for (const word of new Set(tokenize(q).map((t) => t.norm))) {
        if (word.length < 2) continue;
        // Each article counts once per query word: exactly if it can, else as a prefix.
        const seen = new Set<string>();
        const take = (id: string, score: number) => {
          if (seen.has(id)) return;
          seen.add(id);
          offer(id, score, true);
        };
        for (const id of byWord.get(word) ?? []) take(id, 0);
        if (word.length < 3) continue;
        for (let i = firstAtOrAfter(word), n = 0; i < words.length && words[i]!.startsWith(word) && n < PREFIX_WORDS; i++, n++)
          for (const id of byWord.get(words[i]!)!) take(id, 0.1);
      }
      return [...best]
        .sort((a, b) => b[1].words - a[1].words || a[1].score - b[1].score || date(b[0]).localeCompare(date(a[0])))
        .slice(0, limit)
        .map(([id, m]) => ({ id, score: m.score }));
    },
  };
}
