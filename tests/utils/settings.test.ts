import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, withCategory } from '../../core/settings';
import { settingsItem } from '../../utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings item', () => {
  it('starts with every category on', async () => {
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('persists a change and tells watchers', async () => {
    const seen: unknown[] = [];
    const unwatch = settingsItem.watch((v) => seen.push(v));
    await settingsItem.setValue(withCategory(DEFAULT_SETTINGS, 'place', false));
    expect((await settingsItem.getValue()).categories.place).toBe(false);
    expect(seen).toHaveLength(1);
    unwatch();
  });

  it('lives in the local area, which survives browser restarts', async () => {
    await fakeBrowser.storage.local.set({ settings: withCategory(DEFAULT_SETTINGS, 'person', false) });
    expect((await settingsItem.getValue()).categories.person).toBe(false);
  });
});

describe('settings migrations', () => {
  it('brings version 1 (categories only) to the current version with the new settings at their defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { categories: { person: false, organization: true, place: true } }, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, categories: { person: false, organization: true, place: true } });
    expect(await settingsItem.getMeta()).toMatchObject({ v: 3 });
  });

  it('brings version 2 to version 3 keeping every choice, with the default appearance', async () => {
    const v2 = { ...DEFAULT_SETTINGS, mentions: 'first', offSites: ['example.org'], hiddenEntities: ['kabul'] } as Record<string, unknown>;
    delete v2.appearance;
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, mentions: 'first', offSites: ['example.org'], hiddenEntities: ['kabul'] });
    expect(await settingsItem.getMeta()).toMatchObject({ v: 3 });
  });
});
