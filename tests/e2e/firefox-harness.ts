// Firefox end-to-end harness: Debian's Firefox ESR driven by puppeteer-core
// over WebDriver BiDi, with the built Firefox extension installed as a
// temporary add-on. The Chromium harness (harness.ts) provides the server.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { OUT_DIR } from './harness';
import { hasHighlights, highlights, type HighlightInfo } from './probes';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(OUT_DIR, 'firefox-mv2');

export interface LaunchedFirefox {
  browser: Browser;
  /** The add-on ID (browser_specific_settings.gecko.id of the built manifest). */
  addonId: string;
  /** The host of the extension's moz-extension:// URLs, fixed before launch. */
  uuid: string;
  close: () => Promise<void>;
}

export async function launchFirefox(): Promise<LaunchedFirefox> {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built Firefox extension in ${FIREFOX_EXTENSION_DIR}: run \`wxt build -b firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  // Firefox gives each install a random moz-extension:// UUID unless this pref names it.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    // WebDriver BiDi refuses to navigate to moz-extension:// pages without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      'intl.accept_languages': 'en-GB',
    },
  });
  try {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== addonId) throw new Error(`installed ${installed}, expected ${addonId}`);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return { browser, addonId, uuid, close: () => browser.close() };
}

export { cardText, highlights, hoverText } from './probes';

/** Waits until Repères has registered at least one highlight on the page. */
export async function waitForHighlights(page: Page, timeout = 15_000): Promise<HighlightInfo[]> {
  await page.waitForFunction(hasHighlights, { timeout });
  return highlights(page);
}

/**
 * Opens the popup as a page for `page`'s tab (the real popup needs a toolbar):
 * moz-extension://<uuid>/popup.html?tab=<id>. Without the "tabs" permission
 * tab URLs are hidden, so `page` is brought to the front and the popup asks
 * for the active tab.
 */
export async function openPopupFor(ff: LaunchedFirefox, page: Page): Promise<Page> {
  const popup = await openExtensionPage(ff, `moz-extension://${ff.uuid}/popup.html`);
  await page.bringToFront();
  const tabId = await popup.evaluate(
    // Runs in the extension page, where Firefox's promise-based `browser` global exists.
    async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    },
  );
  if (tabId < 0) throw new Error(`no tab for ${page.url()}`);
  await popup.evaluate((id) => location.replace(`popup.html?tab=${id}`), tabId);
  await waitThroughNavigation(popup, (id) => location.search === `?tab=${id}` && document.readyState === 'complete', tabId);
  await popup.bringToFront();
  return popup;
}

/**
 * Navigates `page` to a moz-extension:// URL. Firefox (153 ESR) reports no
 * BiDi navigation events for extension pages, so page.goto() never settles:
 * it is left to time out (quietly) and the document itself is waited for.
 */
export async function gotoExtensionPage(page: Page, url: string, timeout?: number): Promise<void> {
  void page.goto(url, { timeout: 5_000 }).catch(() => undefined);
  await waitThroughNavigation(page, (u) => location.href === u && document.readyState === 'complete', url, timeout);
}

/** How long one tab may take to show an extension page before another is opened for it. */
const EXTENSION_PAGE_ATTEMPT_MS = 8_000;
/** Tabs opened for one extension page, at most. */
const EXTENSION_PAGE_ATTEMPTS = 3;

/**
 * A new tab showing the moz-extension:// URL. Now and then Firefox's remote
 * agent keeps answering every poll of a new tab with the protocol error of a
 * swapped document, for as long as one waits: that tab is closed, and the
 * page is opened in another.
 */
export async function openExtensionPage(ff: LaunchedFirefox, url: string): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const page = await ff.browser.newPage();
    try {
      await gotoExtensionPage(page, url, EXTENSION_PAGE_ATTEMPT_MS);
      return page;
    } catch (e) {
      await page.close().catch(() => undefined);
      if (attempt >= EXTENSION_PAGE_ATTEMPTS) throw e;
    }
  }
}

/**
 * page.waitForFunction, again if the document was swapped under one of its
 * polls: Firefox's remote agent then fails that poll with a protocol error
 * ("right-hand side of 'in' should be an object") instead of polling on.
 */
async function waitThroughNavigation(page: Page, fn: (arg: string | number) => boolean, arg: string | number, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await page.waitForFunction(fn, { timeout: Math.max(1, end - Date.now()) }, arg);
      return;
    } catch (e) {
      // The protocol error comes as it is, or as the cause of puppeteer's "Waiting failed".
      const said = `${String(e)} ${String((e as { cause?: unknown }).cause ?? '')}`;
      if (Date.now() >= end || !said.includes('Protocol error')) throw e;
    }
  }
}
