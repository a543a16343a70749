// End-to-end harness: Debian's Chromium with the built extension loaded,
// and a static server on localhost for the pages under test.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { hasHighlights, highlights, type HighlightInfo } from './probes';
import { DEFAULT_SITE_ACCESS, sameRegistration, scriptMatches, type SiteAccess } from '../../core/site-access';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT_DIR = resolve(ROOT, process.env.REPERES_OUT_DIR ?? '.output');
export const EXTENSION_DIR = join(OUT_DIR, 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves `dirs` (first match wins) on 127.0.0.1 at a free port. */
export async function serve(dirs: string[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    for (const dir of dirs) {
      const file = join(dir, path);
      if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close: () => Promise<void>;
}

export async function launch(opts: { headless?: boolean; colorScheme?: 'light' | 'dark'; userDataDir?: string; hasTouch?: boolean } = {}): Promise<Launched> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'reperes-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    hasTouch: opts.hasTouch ?? false,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // The background registers the content script as it starts (ADR 6): a page opened before then has none.
  await registrationFollowsSetting(worker);
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the content script is registered where the stored site access
 * says (ADR 6): the background registers it as it starts and after every
 * change of the setting, and a page loaded before then is left as it is.
 */
export async function registrationFollowsSetting(worker: Worker, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const { stored, matches } = await worker.evaluate(async () => ({
      stored: (await chrome.storage.local.get('siteAccess')).siteAccess as SiteAccess | undefined,
      matches: (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []),
    }));
    if (sameRegistration({ matches }, { matches: scriptMatches(stored ?? DEFAULT_SITE_ACCESS) })) return;
    if (Date.now() > end) throw new Error(`the content script is registered for ${JSON.stringify(matches)}, not where the setting says`);
  }
}

export { cardText, highlights, hoverText, type HighlightInfo } from './probes';

/** Waits until Repères has registered at least one highlight on the page. */
export async function waitForHighlights(page: Page, timeout = 15_000): Promise<HighlightInfo[]> {
  await page.waitForFunction(hasHighlights, undefined, { timeout });
  return highlights(page);
}

/** Opens the popup as a page for `page`'s tab (the real popup needs a toolbar). */
export async function openPopupFor(launched: Launched, page: Page): Promise<Page> {
  const tabId = await tabIdOf(launched, page);
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** The tab id of `page`. Without the "tabs" permission tab URLs are hidden,
 * so the page is brought to the front and the active tab is taken. */
export async function tabIdOf(launched: Launched, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await launched.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

/**
 * The marks a tab's frames reported to the background (every mark shown,
 * painted or not: only those near the viewport are in CSS.highlights,
 * page/viewport-painter.ts); 0 before its scan ended.
 */
export async function reportedMarks(launched: Launched, tabId: number): Promise<number> {
  return launched.worker.evaluate(async (id) => {
    const all = ((await chrome.storage.session.get('frameCounts')).frameCounts ?? {}) as Record<string, Record<string, Record<string, number>>>;
    let n = 0;
    for (const frame of Object.values(all[String(id)] ?? {})) for (const count of Object.values(frame)) n += count;
    return n;
  }, tabId);
}

/**
 * Opens the real toolbar popup for `page` (chrome.action.openPopup() in the
 * service worker) and returns a way to evaluate expressions in it. The popup
 * is a DevTools target, not a Playwright page, so it is reached over CDP.
 */
export async function openToolbarPopup(launched: Launched, page: Page): Promise<{ evaluate: <T>(expression: string) => Promise<T> }> {
  await page.bringToFront();
  await launched.worker.evaluate(() => chrome.action.openPopup());
  const cdp = await launched.context.newCDPSession(page);
  let targetId: string | undefined;
  for (let i = 0; i < 50 && !targetId; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    targetId = targetInfos.find((t) => t.url === `chrome-extension://${launched.extensionId}/popup.html`)?.targetId;
    if (!targetId) await new Promise((ok) => setTimeout(ok, 100));
  }
  if (!targetId) throw new Error('the toolbar popup did not open');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  return {
    evaluate<T>(expression: string): Promise<T> {
      const id = nextId++;
      return new Promise<T>((ok, fail) => {
        const onMessage = (e: { sessionId?: string; message: string }) => {
          const m = JSON.parse(e.message) as { id?: number; result?: { result: { value: T }; exceptionDetails?: unknown } };
          if (m.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          if (!m.result || m.result.exceptionDetails) fail(new Error(`evaluation failed: ${e.message}`));
          else ok(m.result.result.value);
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } }),
        });
      });
    },
  };
}

/** A browser with the extension and a server for `dirs`, for one test file: `open(path)` loads a page and waits for its highlights. */
export function session(dirs: string[], opts: Parameters<typeof launch>[0] = {}) {
  const state = {} as { browser: Launched; server: Awaited<ReturnType<typeof serve>> };
  return {
    state,
    async start(): Promise<void> {
      state.server = await serve(dirs);
      state.browser = await launch(opts);
    },
    async stop(): Promise<void> {
      await state.browser?.close();
      await state.server?.close();
    },
    async open(path: string): Promise<Page> {
      const page = await state.browser.context.newPage();
      await page.goto(state.server.url + path);
      await waitForHighlights(page);
      return page;
    },
  };
}
