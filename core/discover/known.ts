// What the dataset already knows, taken out of the names found on a page: a
// candidate that overlaps a known entity's mention, found and resolved as the
// content script does (spot, then PageMemory), is dropped whole, and so is
// one that is a known name when read alone. Light on purpose: the background
// answers with this while the finding itself (english.ts, with compromise,
// and french.ts) runs in the page that asks, so the service worker does not
// load the tagger each time it wakes.

import { PageMemory } from '../resolve';
import { spot, type SpotterIndex } from '../spotter';
import { fold, harmonise, type Candidate, type Found, type NameType } from './common';

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

/** The candidates of `found` that are not known entities, in reading order, each name with the type the page settles on. */
export function withoutKnown(found: readonly Found[], text: string, known: SpotterIndex): Candidate[] {
  const mentions = knownMentions(known, text);
  const knownName = new Map<string, boolean>();
  const unknown = found.filter((c) => {
    if (mentions.some(([s, e]) => s < c.end && e > c.start)) return false;
    let isKnown = knownName.get(c.text);
    if (isKnown === undefined) knownName.set(c.text, (isKnown = isKnownName(known, c.text)));
    return !isKnown;
  });
  return harmonise([...unknown].sort((a, b) => a.start - b.start));
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
