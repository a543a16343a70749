// Reader settings: the shape, defaults and migrations. The storage item that
// persists them lives in utils/settings.ts; this module has no browser code
// so the rules are tested in Node.

import type { EntityType } from './model';

export const SETTINGS_VERSION = 1;

export interface Settings {
  /** Which categories are highlighted. */
  categories: Record<EntityType, boolean>;
}

export const DEFAULT_SETTINGS: Settings = {
  categories: { person: true, organization: true, place: true },
};

export function withCategory(settings: Settings, type: EntityType, on: boolean): Settings {
  return { ...settings, categories: { ...settings.categories, [type]: on } };
}
