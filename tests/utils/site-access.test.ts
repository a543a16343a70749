import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SITE_ACCESS, withAllowedSite, withMode } from '../../core/site-access';
import { siteAccessItem } from '../../utils/site-access';

beforeEach(() => fakeBrowser.reset());

describe('site access item', () => {
  it('starts on every web page, with no site allowed', async () => {
    expect(await siteAccessItem.getValue()).toEqual(DEFAULT_SITE_ACCESS);
  });

  it('lives in the local area, which survives browser restarts, and tells watchers of a change', async () => {
    const seen: unknown[] = [];
    const unwatch = siteAccessItem.watch((v) => seen.push(v));
    const allowed = withAllowedSite(withMode(DEFAULT_SITE_ACCESS, 'allowed'), 'example.org', true);
    await siteAccessItem.setValue(allowed);
    expect(await fakeBrowser.storage.local.get('siteAccess')).toEqual({ siteAccess: allowed });
    expect(seen).toEqual([allowed]);
    unwatch();
  });
});
