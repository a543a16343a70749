// Short forms on a page. "Kabulov" alone is highlighted only once "Zamir
// Kabulov" has appeared earlier on the same page; a surname two entities
// share goes to the one whose full name appeared last. Full-name matches
// with several candidates (true homonyms) are left out rather than guessed.

import type { EntityType } from './model';
import type { RawMatch } from './spotter';

export interface ResolvedMatch {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
}

/** What a page has seen so far: entity id → order of its last full mention. */
export class PageMemory {
  private lastFull = new Map<string, number>();
  private clock = 0;

  /** Resolves matches in reading order, remembering full names as it goes. */
  resolve(matches: readonly RawMatch[]): (ResolvedMatch | null)[] {
    return matches.map((m) => {
      const full = m.candidates.filter((c) => !c.short);
      if (full.length === 1) {
        const c = full[0]!;
        this.lastFull.set(c.entity, ++this.clock);
        return { start: m.start, end: m.end, entity: c.entity, type: c.type };
      }
      if (full.length > 1) return null;
      let chosen: (typeof m.candidates)[number] | undefined;
      let when = 0;
      for (const c of m.candidates) {
        const t = this.lastFull.get(c.entity) ?? 0;
        if (t > when) {
          when = t;
          chosen = c;
        }
      }
      return chosen ? { start: m.start, end: m.end, entity: chosen.entity, type: chosen.type } : null;
    });
  }

  reset(): void {
    this.lastFull.clear();
    this.clock = 0;
  }
}
