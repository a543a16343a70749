// Reader settings: the shape, defaults and migrations. The storage item that
// persists them lives in utils/settings.ts; this module has no browser code
// so the rules are tested in Node.

import { DEFAULT_APPEARANCE, type Appearance } from './appearance';
import type { EntityType } from './model';

export const SETTINGS_VERSION = 3;

export interface Settings {
  /** Which categories are highlighted. */
  categories: Record<EntityType, boolean>;
  /** Highlight every mention of a name, or only its first on the page. */
  mentions: 'every' | 'first';
  /** Everything off, everywhere, until switched back on. */
  paused: boolean;
  /** Hostnames where Repères stays off. */
  offSites: string[];
  /** Entities the reader chose not to see highlighted ("Don't highlight this"). */
  hiddenEntities: string[];
  /** The highlights' colours and fill (core/appearance.ts). */
  appearance: Appearance;
}

export const DEFAULT_SETTINGS: Settings = {
  categories: { person: true, organization: true, place: true },
  mentions: 'every',
  paused: false,
  offSites: [],
  hiddenEntities: [],
  appearance: DEFAULT_APPEARANCE,
};

/** Each version adds settings that start at their defaults: version 1 had only the categories, version 2 no appearance. */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => Settings> = {
  2: (old) => ({ ...DEFAULT_SETTINGS, ...(old as Partial<Settings>) }),
  3: (old) => ({ ...DEFAULT_SETTINGS, ...(old as Partial<Settings>) }),
};

export function withAppearance(settings: Settings, change: Partial<Appearance>): Settings {
  return { ...settings, appearance: { ...settings.appearance, ...change } };
}

export function withCategory(settings: Settings, type: EntityType, on: boolean): Settings {
  return { ...settings, categories: { ...settings.categories, [type]: on } };
}

export function withHidden(settings: Settings, entity: string, hidden: boolean): Settings {
  const rest = settings.hiddenEntities.filter((e) => e !== entity);
  return { ...settings, hiddenEntities: hidden ? [...rest, entity] : rest };
}

export function withSite(settings: Settings, host: string, off: boolean): Settings {
  const rest = settings.offSites.filter((h) => h !== host);
  return { ...settings, offSites: off ? [...rest, host] : rest };
}

/** Pages remembered for "Not this one": the newest this many. */
export const MAX_REJECTED_PAGES = 200;

/** page URL (without its fragment) → entities marked "Not this one" there, newest page last. */
export type PageRejections = Record<string, string[]>;

export function pageKey(url: string): string {
  return url.split('#')[0]!;
}

export function withRejection(all: PageRejections, url: string, entity: string): PageRejections {
  const key = pageKey(url);
  const { [key]: current = [], ...rest } = all;
  const next = { ...rest, [key]: [...current.filter((e) => e !== entity), entity] };
  const keys = Object.keys(next);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_REJECTED_PAGES))) delete next[old];
  return next;
}

/** Whether Repères works on a page of `host` at all. */
export function activeOn(settings: Settings, host: string): boolean {
  return !settings.paused && !settings.offSites.includes(host);
}
