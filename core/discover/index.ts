// Names Repères does not know: the proper names of a page that no known
// entity answers to, each with a guessed type, for a reader to add as
// entities of their own (issue 15). English goes through compromise's
// tagger (english.ts), French through rules of our own (french.ts); both
// give runs of capitalised words cleaned of titles, demonyms, dates and
// sentence-opening words. What the dataset knows is left out: a candidate
// that overlaps a known entity's mention, found and resolved as the content
// script does (spot, then PageMemory), is dropped whole, and so is one that is
// a known name when read alone (see isKnownName). The page
// then settles each name's type (harmonise).
//
// Pure functions: no DOM, no storage; the caller gives the text and the
// spotter index it already has.

import { PageMemory } from '../resolve';
import { spot, type SpotterIndex } from '../spotter';
import { fold, harmonise, type Candidate, type Found, type NameType } from './common';
import { englishNames } from './english';
import { frenchNames } from './french';

export type { Candidate, NameType } from './common';

/** The spans of the known entities' mentions the spotter highlights in `text`. */
export function knownMentions(known: SpotterIndex, text: string): [number, number][] {
  return new PageMemory().resolve(spot(known, text)).flatMap((m) => (m ? [[m.start, m.end] as [number, number]] : []));
}

/**
 * Whether a name, read alone, is a known entity's name in full. The page may
 * leave it unhighlighted: "Lyon" where it does not say which Lyon, "Russia"
 * in "Russia's Central Military District" (a known name inside a longer
 * one). The dataset has it already. A surname alone may be anyone's, and a
 * stop phrase is known not to be an entity: both stay candidates.
 */
export function isKnownName(known: SpotterIndex, name: string): boolean {
  return spot(known, name).some((m) => m.start === 0 && m.end === name.length && m.candidates.some((c) => !c.short && !c.stop));
}

/** Proper names in `text` that are not known entities, in reading order, with UTF-16 offsets. */
export function discoverNames(text: string, lang: 'en' | 'fr', known: SpotterIndex): Candidate[] {
  const found: Found[] = lang === 'fr' ? frenchNames(text) : englishNames(text);
  const mentions = knownMentions(known, text);
  const knownName = new Map<string, boolean>();
  const unknown = found.filter((c) => {
    if (mentions.some(([s, e]) => s < c.end && e > c.start)) return false;
    let isKnown = knownName.get(c.text);
    if (isKnown === undefined) knownName.set(c.text, (isKnown = isKnownName(known, c.text)));
    return !isKnown;
  });
  return harmonise(unknown.sort((a, b) => a.start - b.start));
}

export interface NameCount {
  text: string;
  type: NameType;
  count: number;
}

/**
 * The candidates as a list of names: each written form once with how often
 * it appears, most frequent first (then in order of first appearance), and
 * the type most of its occurrences have (the first one's on a tie). Forms
 * that differ only by case or accents are one name, shown as first written.
 */
export function countCandidates(candidates: readonly Candidate[]): NameCount[] {
  const byName = new Map<string, { text: string; count: number; first: number; types: Map<NameType, number> }>();
  candidates.forEach((c, i) => {
    const key = fold(c.text);
    const entry = byName.get(key) ?? { text: c.text, count: 0, first: i, types: new Map<NameType, number>() };
    entry.count++;
    entry.types.set(c.type, (entry.types.get(c.type) ?? 0) + 1);
    byName.set(key, entry);
  });
  return [...byName.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .map((e) => {
      let type: NameType | undefined;
      let most = 0;
      // Map order is first-seen order, so a tie keeps the first occurrence's type.
      for (const [t, n] of e.types)
        if (n > most) {
          type = t;
          most = n;
        }
      return { text: e.text, type: type!, count: e.count };
    });
}

/** Articles of a new collection read for the names it does not know: enough to show the most frequent, without reading a whole archive. */
export const SUGGESTION_ARTICLES = 300;

/**
 * The names a collection's articles have that no entity answers to, by the
 * number of articles naming each (one article counts once), most first.
 */
export function collectionSuggestions(
  articles: readonly { body: string; lang: 'en' | 'fr' }[],
  known: SpotterIndex,
  limit = 12,
): (NameCount & { articles: number })[] {
  const byName = new Map<string, NameCount & { articles: number }>();
  for (const a of articles.slice(0, SUGGESTION_ARTICLES))
    for (const name of countCandidates(discoverNames(a.body, a.lang, known))) {
      const key = fold(name.text);
      const seen = byName.get(key);
      if (seen) {
        seen.articles++;
        seen.count += name.count;
      } else byName.set(key, { ...name, articles: 1 });
    }
  return [...byName.values()].sort((a, b) => b.articles - a.articles || b.count - a.count).slice(0, limit);
}
