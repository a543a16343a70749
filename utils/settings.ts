// The reader's settings as one typed, versioned storage item (local area:
// it survives browser restarts). Every context watches the same item, so a
// switch flipped in the popup reaches every open tab at once.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type PageRejections, type Settings } from '../core/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/** "Not this one": wrong matches the reader dismissed, remembered per page. */
export const rejectionsItem = storage.defineItem<PageRejections>('local:rejections', { fallback: {}, version: 1 });
