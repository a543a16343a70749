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

import { guessLang } from '../import/fields';
import type { SpotterIndex } from '../spotter';
import { fold, type Candidate, type Found } from './common';
import { englishNames } from './english';
import { frenchNames } from './french';
import { countCandidates, withoutKnown, type NameCount } from './known';

export type { Candidate, Found, NameType } from './common';
export { countCandidates, isKnownName, knownMentions, withoutKnown, type NameCount } from './known';

/** A page's language for finding names: as it declares it (`<html lang>`), else as its words say, else English. */
export function pageLanguage(declared: string, text: string): 'en' | 'fr' {
  return /^fr\b/i.test(declared) ? 'fr' : /^en\b/i.test(declared) ? 'en' : (guessLang(text) ?? 'en');
}

/** The proper names of `text`, known or not, in reading order: the heavy part, run where the tagger may be loaded. */
export function findNames(text: string, lang: 'en' | 'fr'): Found[] {
  return lang === 'fr' ? frenchNames(text) : englishNames(text);
}

/** Proper names in `text` that are not known entities, in reading order, with UTF-16 offsets. */
export function discoverNames(text: string, lang: 'en' | 'fr', known: SpotterIndex): Candidate[] {
  return withoutKnown(findNames(text, lang), text, known);
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
