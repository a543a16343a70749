// Which marks a reader sees: one rule, used for painting, hit testing,
// stepping through mentions and counting them. A mark is shown when Repères
// works on the page (not paused, not off for the site), its category is
// switched on, its entity is neither hidden everywhere ("Don't highlight
// this") nor rejected on this page ("Not this one"), and, with "first
// mention only", it is its entity's first mark on the page.

import type { EntityType } from './model';
import { activeOn, type Settings } from './settings';

export interface Visibility {
  /** Not paused, and not off for this site. */
  active: boolean;
  categories: Readonly<Record<EntityType, boolean>>;
  /** Hidden everywhere, or rejected on this page. */
  hidden: ReadonlySet<string>;
  firstOnly: boolean;
}

/** Everything shown: before the settings are read. */
export const SHOW_ALL: Visibility = {
  active: true,
  categories: { person: true, organization: true, place: true },
  hidden: new Set(),
  firstOnly: false,
};

export function visibilityOf(settings: Settings, host: string, rejected: readonly string[]): Visibility {
  return {
    active: activeOn(settings, host),
    categories: settings.categories,
    hidden: new Set([...settings.hiddenEntities, ...rejected]),
    firstOnly: settings.mentions === 'first',
  };
}

/** Whether a whole category is drawn: the painter switches categories as one. */
export function categoryShown(v: Visibility, type: EntityType): boolean {
  return v.active && v.categories[type];
}

/**
 * Which of `marks` (in document order) are shown, as a predicate decided
 * once per call rather than per mark. `byCategory: false` leaves the
 * categories out, for a painter that switches them as a whole.
 */
export function shownMarks<M extends { entity: string; type: EntityType }>(marks: readonly M[], v: Visibility, byCategory = true): (m: M) => boolean {
  let first: Set<M> | null = null;
  if (v.firstOnly) {
    first = new Set();
    const seen = new Set<string>();
    for (const m of marks) {
      if (v.hidden.has(m.entity) || seen.has(m.entity)) continue;
      seen.add(m.entity);
      first.add(m);
    }
  }
  return (m) => (!byCategory || categoryShown(v, m.type)) && !v.hidden.has(m.entity) && (!first || first.has(m));
}
