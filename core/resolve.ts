// Short forms on a page. "Kabulov" alone is highlighted only once "Zamir
// Kabulov" has appeared earlier on the same page. A surname two entities
// share ("Massoud": the son, or his late father) goes to the one the page
// has named in full most often, and on a tie to the one it named first:
// news introduces its subject first and namesakes in passing. Full-name
// matches with several candidates (true homonyms) are left out, not guessed.

import type { EntityType } from './model';
import type { Candidate, RawMatch } from './spotter';

export interface ResolvedMatch {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
}

/**
 * The entity a match names in full, when exactly one does: the page's
 * memory has no say then, so the match can be painted as soon as it is found.
 */
export function fullNameOf(m: RawMatch): Candidate | null {
  let found: Candidate | null = null;
  for (const c of m.candidates) {
    if (c.short) continue;
    if (found) return null;
    found = c;
  }
  return found;
}

/** What a page has seen so far: entity id → its full mentions, and when it was first named. */
export class PageMemory {
  private named = new Map<string, { count: number; first: number }>();
  private clock = 0;

  /** Resolves matches in reading order, remembering full names as it goes. */
  resolve(matches: readonly RawMatch[]): (ResolvedMatch | null)[] {
    return matches.map((m) => {
      const c = fullNameOf(m);
      if (c) {
        const seen = this.named.get(c.entity);
        if (seen) seen.count++;
        else this.named.set(c.entity, { count: 1, first: ++this.clock });
        return { start: m.start, end: m.end, entity: c.entity, type: c.type };
      }
      // Several entities named in full (true homonyms): left out.
      if (m.candidates.some((x) => !x.short)) return null;
      let chosen: (typeof m.candidates)[number] | undefined;
      let best: { count: number; first: number } | undefined;
      for (const c of m.candidates) {
        const seen = this.named.get(c.entity);
        if (seen && (!best || seen.count > best.count || (seen.count === best.count && seen.first < best.first))) {
          best = seen;
          chosen = c;
        }
      }
      return chosen ? { start: m.start, end: m.end, entity: chosen.entity, type: chosen.type } : null;
    });
  }

  reset(): void {
    this.named.clear();
    this.clock = 0;
  }
}
