// Where Repères runs (ADR 6) as one typed, versioned storage item (local
// area: it survives browser restarts). The background follows it with the
// content script's registration; the content script leaves a page whose site
// it no longer covers.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SITE_ACCESS, SITE_ACCESS_VERSION, type SiteAccess } from '../core/site-access';

export const siteAccessItem = storage.defineItem<SiteAccess>('local:siteAccess', {
  fallback: DEFAULT_SITE_ACCESS,
  version: SITE_ACCESS_VERSION,
});
