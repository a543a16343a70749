// Compiles validated sources into the dataset the extension loads. Mentions
// are found by the same spotter and short-form rules as on a web page, never
// tagged by hand, so what a card says an article mentions is what the
// content script would highlight in it.

import type { Article, Dataset, Entity, Mention, Posting, SpotterEntry } from './model';
import { PageMemory } from './resolve';
import { buildIndex, spot } from './spotter';

export const DATASET_VERSION = 2;
/** Co-occurring entities kept per entity: a card shows a handful. */
const COOCCURRENCE_KEPT = 12;

export function spotterEntries(entities: readonly Entity[], stopPhrases: readonly string[] = []): SpotterEntry[] {
  return [
    ...entities.flatMap((e) => {
      const cc = e.country ?? e.nationality;
      // What the page's context weighs (core/resolve.ts), on each entry: the content script builds its index from entries alone.
      const context = {
        ...(cc ? { cc } : {}),
        ...(e.within ? { within: e.within } : {}),
        ...(e.population || e.prominence ? { pop: e.population ?? e.prominence } : {}),
        ...(e.neighbours?.length ? { near: e.neighbours } : {}),
      };
      return e.aliases.map((alias) => ({ entity: e.id, type: e.type, alias, ...(e.plural ? { plural: true } : {}), ...context }));
    }),
    // A stop phrase needs no entity; the type is never read.
    ...stopPhrases.map((text) => ({ entity: '', type: 'place' as const, alias: { text }, stop: true })),
  ];
}

export function findMentions(index: ReturnType<typeof buildIndex>, text: string): Mention[] {
  const memory = new PageMemory();
  return memory.resolve(spot(index, text)).flatMap((m) => (m ? [{ entity: m.entity, start: m.start, end: m.end }] : []));
}

/** An article's entities: the first mention of each, and how many mentions. */
export type ArticleMentions = Map<string, Posting>;

export function articleMentions(index: ReturnType<typeof buildIndex>, article: Pick<Article, 'id' | 'body'>): ArticleMentions {
  const first: ArticleMentions = new Map();
  for (const m of findMentions(index, article.body)) {
    const p = first.get(m.entity);
    if (p) p.count++;
    else first.set(m.entity, { article: article.id, start: m.start, end: m.end, count: 1 });
  }
  return first;
}

export const byNewest = (a: Article, b: Article) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id);

/**
 * Postings and co-occurrence from each article's mentions. `mentionsOf`
 * answers for every article of `articles`; the articles are sorted newest
 * first here, so postings come out newest first.
 */
export function assembleDataset(
  entities: Entity[],
  articles: Article[],
  mentionsOf: (article: Article) => ArticleMentions,
  stopPhrases: string[] = [],
): Dataset {
  const sorted = [...articles].sort(byNewest);
  const postings: Record<string, Posting[]> = {};
  const pairs = new Map<string, Map<string, number>>();
  for (const a of sorted) {
    const first = mentionsOf(a);
    for (const [entity, posting] of first) (postings[entity] ??= []).push(posting);
    const ids = [...first.keys()];
    for (const x of ids) {
      const row = pairs.get(x) ?? new Map<string, number>();
      for (const y of ids) if (y !== x) row.set(y, (row.get(y) ?? 0) + 1);
      pairs.set(x, row);
    }
  }
  const cooccurrence: Record<string, [string, number][]> = {};
  for (const [entity, row] of pairs) {
    const top = [...row].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, COOCCURRENCE_KEPT);
    if (top.length) cooccurrence[entity] = top;
  }
  return { version: DATASET_VERSION, entities, articles: sorted, postings, cooccurrence, stopPhrases };
}

export function compileDataset(entities: Entity[], articles: Article[], stopPhrases: string[] = []): Dataset {
  const index = buildIndex(spotterEntries(entities, stopPhrases));
  return assembleDataset(entities, articles, (a) => articleMentions(index, a), stopPhrases);
}
