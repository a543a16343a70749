// Search over the dataset's articles: titles, summaries and the names (every
// alias, both languages) of the entities each article mentions, so "kaboul",
// "kabul" and "kabol" all find the Kabul articles.
//
// One engine serves every dataset size. Two engines that switched at a size
// threshold answered the same query differently once a reader's imports
// crossed it (summaries stopped being searched, typos were forgiven in names
// only), and each needed its own tuning and tests. MiniSearch keeps an
// inverted index over a radix tree of words: a query visits the words it is
// close to, not every article, and its prefix, fuzzy and BM25+ scoring replace
// the hand-built title index and re-ranking.
//
// Titles and summaries are fields of the article index. Entity names are
// matched once per entity, in a radix tree of name words (MiniSearch's own
// SearchableMap, with the same prefix and fuzzy rules and weights), and the
// match is then credited to the entity's articles. Indexing the names in
// every article instead repeats an entity's aliases in each article that
// mentions it: a much-mentioned place then makes every keystroke score most of the
// collection and the index takes far longer to build.

import MiniSearch, { type SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { DatasetIndex } from './dataset-index';
import { tokenize } from './normalize';

export interface ArticleSearch {
  /** Best matches first; `score` is higher for a better match (MiniSearch's BM25+ relevance). */
  search(query: string, limit?: number): { id: string; score: number }[];
}

/** Folded words (lower case, no accents, no ligatures): the project's own word cut, as on pages. */
const words = (text: string): string[] => tokenize(text).map((t) => t.norm);

/**
 * The words of a query that are searched: each once, from two letters (a
 * lone letter, like the "l" of an elision, would match too much to help).
 * A bitmask records which words an article matched, hence the cap.
 */
const MAX_QUERY_WORDS = 30;
const queryWords = (query: string): string[] => [...new Set(words(query).filter((w) => w.length >= 2))].slice(0, MAX_QUERY_WORDS);

/**
 * How many letters a query word may get wrong: none under four letters (too
 * many short words lie one letter apart), one for four-letter words, then a
 * fifth of the word ("kabol" → "kabul", "kaboulof" → "kabulov"). Bounded,
 * so a word sharing only scattered letters ("famine", "faryab") never matches.
 */
function fuzziness(term: string): number {
  if (term.length > 4) return 0.2;
  return term.length > 3 ? 1 : 0;
}

/**
 * Whether a query word also matches the words it begins. The last word is
 * the one being typed ("kab" → "kabul"); an earlier one is taken as a prefix
 * only from three letters, so a short word does not pull in every word it starts.
 */
function prefix(term: string, i: number, terms: string[]): boolean {
  return i === terms.length - 1 || term.length >= 3;
}

/** Field boosts: a title says what the article is about; an entity it names is next; a word of the summary may be incidental. */
const BOOST = { title: 3, names: 2, summary: 1 };

/** MiniSearch's defaults, which the names lookup applies as the article index does. */
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const MAX_FUZZY = 6;
/** BM25+ parameter d: what any match of a word in a field is worth, on top of its frequency. */
const BM25_D = 0.5;

const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: BOOST.title, summary: BOOST.summary },
  prefix,
  fuzzy: fuzziness,
  weights: WEIGHTS,
  maxFuzzy: MAX_FUZZY,
  bm25: { k: 1.2, b: 0.7, d: BM25_D },
  // Every article matching any query word is found; the names are added
  // below and the total multiplied by the number of words matched, as
  // MiniSearch does, so articles matching more of the words rank first.
  combineWith: 'OR',
};

export function createSearch(index: DatasetIndex): ArticleSearch {
  // Articles are numbered by their place in the dataset: scores and the words
  // each matched are then kept in typed arrays, not maps keyed by id.
  const list = index.dataset.articles;
  const numberOf = new Map(list.map((a, i) => [a.id, i]));
  const articles = new MiniSearch<{ id: number; title: string; summary: string }>({
    fields: ['title', 'summary'],
    storeFields: [],
    // Words are folded here, at indexing and query time alike, so "Kaboul",
    // "KABOUL" and "kaboul" are one word.
    tokenize: words,
    processTerm: (term) => term,
    searchOptions: SEARCH_OPTIONS,
  });
  articles.addAll(list.map((a, i) => ({ id: i, title: a.title, summary: a.summary })));

  // Name word → the entities (with articles) that have it among their names.
  const names = new SearchableMap<number[]>();
  /** Per entity: its articles, and BM25+'s worth of its name in one of them (rarer entities say more). */
  const mentions: { articles: number[]; worth: number }[] = [];
  for (const e of index.dataset.entities) {
    const ids = index.articlesOf.get(e.id) ?? [];
    if (ids.length === 0) continue;
    const n = ids.length;
    const entity = mentions.length;
    mentions.push({
      articles: ids.map((id) => numberOf.get(id)).filter((a) => a !== undefined),
      worth: Math.log(1 + (list.length - n + 0.5) / (n + 0.5)) * (1 + BM25_D),
    });
    for (const w of new Set([e.name.en, e.name.fr, ...e.aliases.map((a) => a.text)].flatMap(words))) {
      const known = names.get(w);
      if (known) known.push(entity);
      else names.set(w, [entity]);
    }
  }

  // Rank of each article by date, newest first: the order among equal scores.
  const newest = new Int32Array(list.length);
  [...list.keys()]
    .sort((a, b) => {
      const da = list[a]!.date;
      const db = list[b]!.date;
      return da > db ? -1 : da < db ? 1 : a - b;
    })
    .forEach((a, rank) => (newest[a] = rank));

  /** The entities a query word matches, with MiniSearch's weight for how (exact, prefix or fuzzy). */
  const entitiesMatching = (term: string, i: number, terms: string[]): Map<number, number> => {
    const found = new Map<number, number>();
    const offer = (ids: readonly number[], weight: number) => {
      for (const id of ids) if ((found.get(id) ?? 0) < weight) found.set(id, weight);
    };
    const exact = names.get(term);
    if (exact) offer(exact, 1);
    const asPrefix = prefix(term, i, terms);
    if (asPrefix)
      for (const [word, ids] of names.atPrefix(term)) {
        const extra = word.length - term.length;
        if (extra > 0) offer(ids, (WEIGHTS.prefix * word.length) / (word.length + 0.3 * extra));
      }
    const fuzzy = fuzziness(term);
    const distance = fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
    if (distance > 0)
      for (const [word, [ids, d]] of names.fuzzyGet(term, distance))
        // As in MiniSearch, a word the query begins counts as a prefix match only.
        if (d > 0 && !(asPrefix && word.startsWith(term))) offer(ids, (WEIGHTS.fuzzy * word.length) / (word.length + d));
    return found;
  };

  return {
    search(query, limit = 20) {
      if (query.trim().length < 2) return [];
      const terms = queryWords(query);
      if (terms.length === 0) return [];
      const score = new Float64Array(list.length);
      /** Bitmask of the query words each article matched; 0 for an article not found. */
      const matched = new Int32Array(list.length);
      const found: number[] = [];
      const credit = (a: number, gain: number, mask: number) => {
        if (matched[a] === 0) found.push(a);
        score[a]! += gain;
        matched[a]! |= mask;
      };
      for (const r of articles.search(terms.join(' '))) {
        let mask = 0;
        for (const t of r.queryTerms) {
          const i = terms.indexOf(t);
          if (i >= 0) mask |= 1 << i;
        }
        if (mask === 0) continue;
        // MiniSearch has already multiplied by the words matched; that is done below, over names too.
        // The id is the article's number, given at indexing (MiniSearch types ids as any).
        credit(r.id as number, r.score / (r.queryTerms.length || 1), mask);
      }
      // Each article counts its best-matching entity once per query word:
      // entities are taken best first, and an article already credited for the word is skipped.
      const creditedFor = new Int32Array(list.length);
      terms.forEach((term, i) => {
        const entities = [...entitiesMatching(term, i, terms)]
          .map(([entity, weight]) => ({ entity: mentions[entity]!, gain: BOOST.names * weight * mentions[entity]!.worth }))
          .sort((a, b) => b.gain - a.gain);
        for (const { entity, gain } of entities)
          for (const a of entity.articles) {
            if (creditedFor[a] === i + 1) continue;
            creditedFor[a] = i + 1;
            credit(a, gain, 1 << i);
          }
      });
      for (const a of found) score[a]! *= bitCount(matched[a]!);
      return found
        .sort((a, b) => score[b]! - score[a]! || newest[a]! - newest[b]!)
        .slice(0, limit)
        .map((a) => ({ id: list[a]!.id, score: score[a]! }));
    },
  };
}

function bitCount(n: number): number {
  let count = 0;
  for (let m = n; m !== 0; m &= m - 1) count++;
  return count;
}
