// Which entity a match names, decided by the page. Three rules, in order:
//
// 1. Short forms. "Kabulov" alone is highlighted only once "Zamir Kabulov"
//    has appeared earlier on the same page. A surname two entities share
//    ("Massoud": the son, or his late father) goes to the one the page has
//    named in full most often, and on a tie to the one it named first: news
//    introduces its subject first and namesakes in passing.
// 2. Namesakes. A form several entities answer to in full (Georgia the
//    country and the US state, "PTI" the agency and the party, Hyderabad in
//    India and in Pakistan) goes to the one the page's other names support:
//    a place that lies in it or that it lies in, something of the same
//    country (`support`). When the page does not decide, it goes to a
//    namesake far larger than the others (`DOMINANT_RATIO`), else to none.
// 3. Ordinary words. A place name that is also a word or a first name
//    ("Nice", "Reading", "Florence"), or a generic name other countries use
//    ("House of Representatives"), needs the page's support too, and is
//    never taken at the start of a sentence.
//
// The page's names are those resolved before the match, plus the other names
// of the same block of text ("Georgia's capital, Tbilisi"); a namesake not
// yet decided counts only for what lies in it or around it ("Atlanta, Georgia").

import type { EntityType } from './model';
import type { Candidate, RawMatch } from './spotter';

/** How one namesake was chosen over the others, for the card to say. */
export type ChoiceReason = 'context' | 'prominence';

/**
 * How a match was made, for the card to say in one line. None: the page has
 * one of the entity's names in full. `exact`: a form matched only in its
 * exact case (an acronym). `short`: part of the name, after the full name
 * earlier on the page. `context`: chosen, over namesakes or as a name that is
 * also a word, for a name on the page (`by`). `prominence`: the best known
 * of its namesakes.
 */
export interface MatchHow {
  rule: 'exact' | 'short' | ChoiceReason;
  /** For `context`: the name on the page that decided. */
  by?: string;
  /** The namesakes it was chosen over ("Did you mean…"). */
  others?: string[];
}

export interface ResolvedMatch {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
  how?: MatchHow;
}

const EXACT: MatchHow = { rule: 'exact' };
const SHORT: MatchHow = { rule: 'short' };

/** How a candidate taken on its own was matched: only an exact-case form says anything. */
export function plainHow(c: Candidate): MatchHow | undefined {
  return c.exact ? EXACT : undefined;
}

/**
 * A namesake this many times more populous wins when the page says nothing:
 * Hyderabad in India over Hyderabad in Pakistan; not Georgia over Georgia.
 */
export const DOMINANT_RATIO = 3;

/**
 * The entity a match names in full, when exactly one does and it needs no
 * support: the page's memory has no say then, so the match can be painted
 * as soon as it is found.
 */
export function fullNameOf(m: RawMatch): Candidate | null {
  let found: Candidate | null = null;
  for (const c of m.candidates) {
    if (c.short) continue;
    if (found) return null;
    found = c;
  }
  return found && !found.common ? found : null;
}

/**
 * A name on the page, as the context rules weigh it. A candidate is one as it
 * stands: the page's names are the spotter's own candidates, not copies.
 */
interface PageName {
  readonly entity: string;
  readonly cc?: string;
  readonly within?: string;
  /** A namesake not chosen yet: it speaks only through what lies in it or around it, not for its whole country. */
  readonly undecided?: boolean;
}

/** A name the page has named in full: how often, and when first. */
interface Named {
  count: number;
  first: number;
  name: PageName;
}

const NONE: readonly string[] = [];

/** The entities a match names: a set, or one entity without one. */
interface Own {
  has(id: string): boolean;
}

/**
 * How much the page's names support `c`: 2 for each name that lies in it or
 * that it lies in; 1 if any name is of the same country; 1 if any is of a
 * neighbouring country (countries only). Atlanta gives the US state of
 * Georgia 3, and the United States gives it 1; Tbilisi gives the country 3,
 * and Russia 1. Country-wide evidence counts once however many names carry
 * it: the United States, its president and the Pentagon appear on most
 * international pages, and say little about which Georgia is meant.
 */
export function support(c: Candidate, names: Iterable<PageName>): number {
  let within = 0;
  let sameCountry = false;
  let neighbour = false;
  for (const n of names) {
    if (n.entity === c.entity) continue;
    if (n.within === c.entity || (c.within !== undefined && c.within === n.entity)) within += 2;
    if (n.undecided) continue;
    if (n.cc !== undefined && n.cc === c.cc) sameCountry = true;
    if (n.cc !== undefined && c.near?.includes(n.cc)) neighbour = true;
  }
  return within + (sameCountry ? 1 : 0) + (neighbour ? 1 : 0);
}

/** The name of the page that weighs most for `c` (see support): one in it or around it, else one of its country, else of a neighbour. */
export function evidence(c: Candidate, names: Iterable<PageName>): string | undefined {
  let country: string | undefined;
  let near: string | undefined;
  for (const n of names) {
    if (n.entity === c.entity) continue;
    if (n.within === c.entity || (c.within !== undefined && c.within === n.entity)) return n.entity;
    if (n.undecided) continue;
    if (country === undefined && n.cc !== undefined && n.cc === c.cc) country = n.entity;
    if (near === undefined && n.cc !== undefined && c.near?.includes(n.cc)) near = n.entity;
  }
  return country ?? near;
}

/** What a page has seen so far: entity id → its full mentions, and when it was first named. */
export class PageMemory {
  private named = new Map<string, Named>();
  private clock = 0;
  /** Entity → the entities named so far that lie in it, in the order first named. */
  private inside = new Map<string, string[]>();
  /** Country code → the entities named so far of that country, in the order first named. */
  private ofCountry = new Map<string, string[]>();

  /** Resolves matches in reading order, remembering full names as it goes. */
  resolve(matches: readonly RawMatch[]): (ResolvedMatch | null)[] {
    // The other names of the block count as context already. One still
    // undecided speaks only through containment: "Atlanta, Georgia" settles
    // both, but "Punjab" (India or Pakistan) lends no country to "PTI".
    // Made only when a match needs context: most name one entity in full.
    let block: Map<string, PageName> | undefined;
    const blockNames = () => (block ??= namesOf(matches));
    const out: (ResolvedMatch | null)[] = [];
    for (const m of matches) {
      const plain = fullNameOf(m);
      if (plain) {
        this.remember(plain);
        out.push(resolved(m, plain, plainHow(plain)));
        continue;
      }
      const chosen = this.choose(m, blockNames);
      if (!chosen) {
        out.push(null);
        continue;
      }
      const { candidate: c, how } = chosen;
      if (!c.short) this.remember(c);
      out.push(resolved(m, c, how));
    }
    return out;
  }

  /** For a match `fullNameOf` does not settle (`resolve` and `settle` have already taken those). */
  private choose(m: RawMatch, block: () => ReadonlyMap<string, PageName>): { candidate: Candidate; how?: MatchHow } | null {
    const short = this.namedShort(m);
    if (short) return { candidate: short, how: SHORT };
    const full = m.candidates.filter((c) => !c.short);
    if (full.length === 0) return null;
    // Word-like names only, at the start of a sentence: none can be taken
    // (see `takeable`), whatever the page says. Most of a gazetteer's matches.
    if (m.initial && full.every((c) => c.common)) return null;
    // A match's namesakes never speak for one another.
    const own: Own = full.length === 1 ? { has: (id) => id === full[0]!.entity } : new Set(full.map((c) => c.entity));
    const blockNames = this.blockOthers(block(), own);
    const scored = full
      .map((candidate) => ({ candidate, score: support(candidate, this.namesFor(candidate, own, blockNames, false)) }))
      .sort((a, b) => b.score - a.score);
    // A word-like name needs the page's support and a place mid-sentence. One
    // that cannot be taken still counts as a rival: "Hamilton" in a list of
    // Canadian cities is not Bermuda's capital, and "Queen Victoria" is no
    // capital either.
    const takeable = (s: (typeof scored)[number]) => !s.candidate.common || (s.score > 0 && !m.initial);
    const [first, second] = scored as [(typeof scored)[number], (typeof scored)[number] | undefined];
    const othersThan = (c: Candidate) => full.filter((x) => x !== c).map((x) => x.entity);
    /** Chosen for a name on the page: which, and over which namesakes. */
    const byContext = (c: Candidate): MatchHow => {
      const by = evidence(c, this.namesFor(c, own, blockNames, true));
      const rivals = othersThan(c);
      return { rule: 'context', ...(by ? { by } : {}), ...(rivals.length ? { others: rivals } : {}) };
    };
    if (!second)
      return takeable(first) ? { candidate: first.candidate, how: first.candidate.common ? byContext(first.candidate) : plainHow(first.candidate) } : null;
    if (first.score > second.score) return takeable(first) ? { candidate: first.candidate, how: byContext(first.candidate) } : null;
    // The page does not decide: only a far larger namesake may be taken.
    const tied = scored.filter((s) => s.score === first.score).sort((a, b) => (b.candidate.pop ?? 0) - (a.candidate.pop ?? 0));
    const [top, next] = tied as [(typeof tied)[number], (typeof tied)[number]];
    const topPop = top.candidate.pop ?? 0;
    if (topPop > 0 && topPop >= DOMINANT_RATIO * (next.candidate.pop ?? Infinity) && takeable(top)) {
      return { candidate: top.candidate, how: { rule: 'prominence', others: othersThan(top.candidate) } };
    }
    return null;
  }

  /**
   * A match `resolve` left undecided, weighed again once the whole page has
   * been read: a headline's "Georgia" settled by "Tbilisi" in the text below.
   * Null for a match no later name can decide (no full candidate).
   */
  settle(m: RawMatch): ResolvedMatch | null {
    if (!undecided(m)) return null;
    const chosen = this.choose(m, () => new Map());
    if (!chosen) return null;
    const { candidate: c, how } = chosen;
    this.remember(c);
    return resolved(m, c, how);
  }

  /** The names of a block but `own` the page has not named before: they weigh for every candidate of a match alike. */
  private blockOthers(block: ReadonlyMap<string, PageName>, own: Own): PageName[] {
    const others: PageName[] = [];
    for (const [entity, n] of block) if (!own.has(entity) && !this.named.has(entity)) others.push(n);
    return others;
  }

  /**
   * The page's names but `own` that can weigh for `c` (see `support` and
   * `evidence`): those named so far that lie in it or that it lies in, the
   * first of its country and the first of each neighbour, in the order they
   * were named when `ordered` (only `evidence` cares); then the block's
   * `others`. What `support` and `evidence` would find among all of them,
   * without going through every name the page has named for each match: a
   * page with thousands of places stays linear. Most candidates of a
   * gazetteer have none of their own, and get `others` as it is.
   */
  private namesFor(c: Candidate, own: Own, others: readonly PageName[], ordered: boolean): readonly PageName[] {
    // Made only when there is a name to pick: most candidates have none.
    let picked: Named[] | null = null;
    // The names inside `c` are distinct; the others may be among them.
    for (const id of this.inside.get(c.entity) ?? NONE) if (!own.has(id)) (picked ??= []).push(this.named.get(id)!);
    const inside = picked?.length ?? 0;
    if (c.within !== undefined && !own.has(c.within)) picked = pick(picked, this.named.get(c.within));
    if (c.cc !== undefined) picked = pick(picked, this.firstOf(c.cc, own));
    if (c.near) for (const code of c.near) picked = pick(picked, this.firstOf(code, own));
    if (!picked) return others;
    if (ordered && picked.length > inside) picked.sort((a, b) => a.first - b.first);
    const names: PageName[] = picked.map((v) => v.name);
    for (const n of others) names.push(n);
    return names;
  }

  /** The first name of country `code` the page has named, but `own`. */
  private firstOf(code: string, own: Own): Named | undefined {
    for (const id of this.ofCountry.get(code) ?? NONE) if (!own.has(id)) return this.named.get(id);
    return undefined;
  }

  /** Among the short candidates, the entity the page has named in full most often (first on a tie). */
  private namedShort(m: RawMatch): Candidate | null {
    let chosen: Candidate | null = null;
    let best: { count: number; first: number } | undefined;
    for (const c of m.candidates) {
      if (!c.short) continue;
      const seen = this.named.get(c.entity);
      if (seen && (!best || seen.count > best.count || (seen.count === best.count && seen.first < best.first))) {
        best = seen;
        chosen = c;
      }
    }
    return chosen;
  }

  private remember(c: Candidate): void {
    const seen = this.named.get(c.entity);
    if (seen) {
      seen.count++;
      return;
    }
    this.named.set(c.entity, { count: 1, first: ++this.clock, name: c });
    if (c.within !== undefined) listed(this.inside, c.within).push(c.entity);
    if (c.cc !== undefined) listed(this.ofCountry, c.cc).push(c.entity);
  }

  reset(): void {
    this.named.clear();
    this.inside.clear();
    this.ofCountry.clear();
    this.clock = 0;
  }
}

/** A match whose answer may change as the page names more: namesakes, or a name that needs support. */
export function undecided(m: RawMatch): boolean {
  let full = 0;
  for (const c of m.candidates) if (!c.short && (++full > 1 || c.common)) return true;
  return false;
}

/** `picked` with `v` added, unless it is missing or there already. */
function pick(picked: Named[] | null, v: Named | undefined): Named[] | null {
  if (!v || picked?.includes(v)) return picked;
  (picked ??= []).push(v);
  return picked;
}

function listed(map: Map<string, string[]>, key: string): string[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** A match resolved to `c`: `how` only when there is something to say. */
function resolved(m: RawMatch, c: Candidate, how: MatchHow | undefined): ResolvedMatch {
  return how ? { start: m.start, end: m.end, entity: c.entity, type: c.type, how } : { start: m.start, end: m.end, entity: c.entity, type: c.type };
}

/** The names a block of text holds in full, each as the context rules weigh it (see `resolve`). */
function namesOf(matches: readonly RawMatch[]): Map<string, PageName> {
  const block = new Map<string, PageName>();
  for (const m of matches) {
    let full = 0;
    for (const c of m.candidates) if (!c.short) full++;
    for (const c of m.candidates) if (!c.short) block.set(c.entity, full > 1 ? { entity: c.entity, cc: c.cc, within: c.within, undecided: true } : c);
  }
  return block;
}
