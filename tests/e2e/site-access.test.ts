// "Only on sites I allow" (ADR 6), end to end in Chromium: the content script
// is registered by the background, for every web page by default and for the
// allowed sites alone in that mode; the popup's "Allow on this site" and
// "Stop allowing" and the options page's switch change it with no reinstall
// and no reload. Two sites: the same server as 127.0.0.1 and as localhost.
// Then the same path in Firefox's MV2 build, where asking for a site's access
// goes another way (ADR 6).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT, scriptFile, sitePatterns, WEB_PAGES } from '../../core/site-access';
import { highlights, openPopupFor, registrationFollowsSetting, ROOT, serve, session, tabIdOf, waitForHighlights, type Launched } from './harness';
import * as firefox from './firefox-harness';

const FR = '/fr-afghanistan-russie.html';
const s = session([join(ROOT, 'samples')]);
let browser: Launched;
/** The two sites: the same pages, from two host names. */
let here: string;
let there: string;

beforeAll(async () => {
  await s.start();
  ({ browser } = s.state);
  here = s.state.server.url;
  there = here.replace('127.0.0.1', 'localhost');
});
afterAll(() => s.stop());

/** Where the background registered the content script, and how. */
const registered = () => browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
const count = async (page: Page) => (await highlights(page)).length;
/** Whether a content script runs in the page's tab (it answers the popup's question). */
async function answers(page: Page): Promise<boolean> {
  const tabId = await tabIdOf(browser, page);
  return browser.worker.evaluate(
    (id) =>
      chrome.tabs.sendMessage(id, { type: 'page:summary' }).then(
        () => true,
        () => false,
      ),
    tabId,
  );
}
async function load(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}
/** Flips "Only on sites I allow" in the options page, and waits until the background has followed it. */
async function onlyAllowed(on: boolean): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('input[name=only-allowed]').setChecked(on);
  // Stored first, then followed: before the page has stored it, the old registration follows the old setting.
  const mode = () => browser.worker.evaluate(async () => ((await chrome.storage.local.get('siteAccess')).siteAccess as { mode?: string } | undefined)?.mode);
  await expect.poll(mode).toBe(on ? 'allowed' : 'everywhere');
  await registrationFollowsSetting(browser.worker);
  await options.close();
}

describe('where Repères runs', () => {
  const pages: Record<'a' | 'b', Page> = {} as Record<'a' | 'b', Page>;

  it('by default runs on every web page: the background registers the content script for every http and https page', async () => {
    expect(await registered()).toEqual([
      expect.objectContaining({ id: CONTENT_SCRIPT.id, js: CONTENT_SCRIPT.js.map(scriptFile), matches: WEB_PAGES, allFrames: true, runAt: 'document_idle' }),
    ]);
    // Frames with a URL only: about:blank and srcdoc frames are where pages write ad slots.
    expect((await registered())[0]?.matchOriginAsFallback).not.toBe(true);
    pages.a = await s.open(FR);
    pages.b = await load(there + FR);
    await waitForHighlights(pages.b);
    // The popup offers nothing about sites in this mode.
    const popup = await openPopupFor(browser, pages.a);
    await popup.waitForSelector('#page-entities li');
    expect(await popup.locator('#site-access').count()).toBe(0);
    await popup.close();
  });

  it('“Only on sites I allow”, switched on in the options page, leaves every open page at once and registers the script nowhere', async () => {
    const navigations: string[] = [];
    for (const p of Object.values(pages)) p.on('framenavigated', (f) => navigations.push(f.url()));
    await onlyAllowed(true);
    expect(await registered()).toEqual([]);
    for (const p of Object.values(pages)) await expect.poll(() => count(p)).toBe(0);
    expect(navigations).toEqual([]);
    for (const p of Object.values(pages)) await p.reload();
    for (const p of Object.values(pages)) {
      expect(await answers(p)).toBe(false);
      expect(await count(p)).toBe(0);
    }
  });

  it('“Allow on this site” in the popup highlights the open page at once, and new pages of that site only', async () => {
    const popup = await openPopupFor(browser, pages.a);
    const button = popup.locator('#site-access');
    await expect.poll(() => button.textContent()).toBe('Allow on this site');
    expect(await popup.locator('.site-access').textContent()).toContain('127.0.0.1 is not one of them');
    await button.click();
    await waitForHighlights(pages.a);
    await registrationFollowsSetting(browser.worker);
    expect((await registered()).map((r) => r.matches)).toEqual([sitePatterns('127.0.0.1')]);
    // The popup follows: the page's names, and a way back.
    await expect.poll(() => button.textContent()).toBe('Stop allowing on 127.0.0.1');
    await popup.waitForSelector('#page-entities li');
    await popup.close();

    // The other site's page, loaded before a new page of the allowed one (which does get highlights), has none.
    await pages.b.reload();
    const later = await s.open(FR);
    expect(await answers(pages.b)).toBe(false);
    expect(await count(pages.b)).toBe(0);
    await later.close();
  });

  it('“Stop allowing” takes the highlights and the badge off the site’s open pages at once, and they stay off after a reload', async () => {
    const popup = await openPopupFor(browser, pages.a);
    await popup.locator('#site-access', { hasText: 'Stop allowing' }).click();
    await expect.poll(() => count(pages.a)).toBe(0);
    const tabId = await tabIdOf(browser, pages.a);
    await expect.poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    await expect.poll(() => popup.locator('#site-access').textContent()).toBe('Allow on this site');
    await popup.close();
    await registrationFollowsSetting(browser.worker);
    expect(await registered()).toEqual([]);

    // Allowing the other site instead: its page is highlighted, then a reload of the first, and a new page of the other site.
    const other = await openPopupFor(browser, pages.b);
    await other.locator('#site-access', { hasText: 'Allow on this site' }).click();
    await waitForHighlights(pages.b);
    await other.close();
    await registrationFollowsSetting(browser.worker);
    expect((await registered()).map((r) => r.matches)).toEqual([sitePatterns('localhost')]);
    await pages.a.reload();
    const later = await load(there + FR);
    await waitForHighlights(later);
    expect(await answers(pages.a)).toBe(false);
    expect(await count(pages.a)).toBe(0);
    await later.close();
  });

  it('switched back to every web page, without a reinstall: registered everywhere, and the open pages of every site are highlighted again', async () => {
    await onlyAllowed(false);
    expect((await registered()).map((r) => r.matches)).toEqual([WEB_PAGES]);
    for (const p of Object.values(pages)) await waitForHighlights(p);
    // The sites allowed before are kept for the next time.
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('siteAccess'));
    expect(stored).toEqual({ siteAccess: { mode: 'everywhere', allowed: ['localhost'] } });
    for (const p of Object.values(pages)) await p.close();
  });
});

// Only a missing browser skips (scripts/ensure-firefox.sh installs it), as in firefox.test.ts.
describe.skipIf(!existsSync(firefox.FIREFOX))('where Repères runs, in Firefox', () => {
  let ff: firefox.LaunchedFirefox;
  let server: Awaited<ReturnType<typeof serve>>;
  let extensionPage: FirefoxPage;
  beforeAll(async () => {
    server = await serve([join(ROOT, 'samples')]);
    ff = await firefox.launchFirefox();
    extensionPage = await firefox.openExtensionPage(ff, `moz-extension://${ff.uuid}/options.html`);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });
  // Runs in an extension page, where Firefox's promise-based `browser` global exists.
  const registeredFor = () =>
    extensionPage.evaluate(async () =>
      (await (globalThis as unknown as { browser: typeof chrome }).browser.scripting.getRegisteredContentScripts()).map((r) => r.matches),
    );

  it('registers the content script with scripting.registerContentScripts, everywhere and then only where allowed', async () => {
    await expect.poll(registeredFor).toEqual([WEB_PAGES]);
    const page = await ff.browser.newPage();
    await page.goto(server.url + FR);
    await firefox.waitForHighlights(page);

    await (await extensionPage.waitForSelector('input[name=only-allowed]'))!.click();
    await expect.poll(registeredFor).toEqual([]);
    await expect.poll(async () => (await firefox.highlights(page)).length).toBe(0);

    // Firefox's MV2 build cannot request the access its manifest already holds: the popup allows the site all the same.
    const popup = await firefox.openPopupFor(ff, page);
    await (await popup.waitForSelector('#site-access'))!.click();
    await firefox.waitForHighlights(page);
    await expect.poll(registeredFor).toEqual([sitePatterns('127.0.0.1')]);

    await popup.waitForFunction(() => document.getElementById('site-access')?.textContent?.startsWith('Stop allowing'));
    await (await popup.$('#site-access'))!.click();
    await expect.poll(async () => (await firefox.highlights(page)).length).toBe(0);
    await expect.poll(registeredFor).toEqual([]);
    await popup.close();
    await page.close();
  });
});
