// The first card in a tab opened after the service worker restarted, with a
// big archive: in Chromium with the built extension, the reader's data put
// in through the options page (an archive of articles as a collection, a
// list of names as a pack), then, several times, the worker stopped as
// Chrome stops an idle one, a news page opened in a new tab, and a name on
// it hovered. Timed in the page: from the navigation to the first highlight,
// and from the pointer's move onto the name to the card shown; then the
// popup opened for the tab, from its opening to its first related article.
// The same visit with the worker left running is the comparison.
//
// Standalone: npx tsx scripts/bench/wake.ts [--runs N] (the extension built first, in
// $REPERES_OUT_DIR or .output, as the end-to-end tests expect it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { DWELL_MS } from '../../core/hover';
import type { Dataset } from '../../core/model';
import { UI_HOST_TAG } from '../../page/collect';
import { DERIVED_DB_NAME, SLICES_KEY, TERMS_KEY } from '../../store/derived';
import { cardText, launch, ROOT, serve, type Launched } from '../../tests/e2e/harness';
import { wakeData } from './wake-data';

export interface WakeFigures {
  /** Articles in the imported collection. */
  articles: number;
  /** Names in the imported pack. */
  names: number;
  /** Visits of each kind: after a restart, and with the worker running. */
  runs: number;
  /** After a restart: from the end of the dwell to the card shown, median; 0 or less means the card was ready at the dwell. */
  firstCardMs: number;
  firstCardWorstMs: number;
  /** After a restart: from the pointer's move onto the name to the card shown, the dwell included, median. */
  firstCardTotalMs: number;
  /** After a restart and the card: from the popup's opening to its first related article, median (the popup asks for the full dataset). */
  popupMs: number;
  popupWorstMs: number;
  /** The same with the worker running. */
  warmPopupMs: number;
  /** After a restart: from the tab's navigation to its first highlight, median. */
  firstHighlightMs: number;
  firstHighlightWorstMs: number;
  /** The same, with the worker running and its data built. */
  warmFirstCardMs: number;
  warmFirstCardWorstMs: number;
  warmFirstHighlightMs: number;
}

export interface WakeOptions {
  runs?: number;
  articles?: number;
  names?: number;
  /** Where progress goes during the long setup (nothing by default). */
  log?: (line: string) => void;
}

/** One step of an import (reading and scanning the file, or storing it): the preview of a big archive scans every article for names. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;
/** The background's first build with everything imported, the new pack's scan over every article included. */
const TAKEN_IN_TIMEOUT_MS = 10 * 60_000;
/** A stop asked through the DevTools protocol is carried out at once; this only bounds a hang. */
const STOP_TIMEOUT_MS = 15_000;
/** A tab's first highlight after a restart waits for the background's rebuild. */
const HIGHLIGHT_TIMEOUT_MS = 5 * 60_000;
/** The card after the hover: generous, so that a slow card is measured rather than failed. */
const CARD_TIMEOUT_MS = 2 * 60_000;
/** Set on the worker's global scope before a stop; a worker that really restarted has lost it. */
const MARKER = '__reperesWakeMarker';
/** Between two looks at whether the derived indexes are stored. */
const STORED_POLL_MS = 250;

/** What the page records of itself, in its own performance.now() time (from the navigation's start). */
interface Probe {
  firstHighlight: number | null;
  /** Set just before the hover: only the pointer moves and the card after it count. */
  armed: boolean;
  moved: number | null;
  card: number | null;
}
type ProbeWindow = Window & { __reperesWake?: Probe };

/**
 * Runs in the page's main world before its own scripts (an init script),
 * and must be self-contained. The content script's marks are out of reach
 * (isolated world), but what it draws is not: the highlight registry and
 * the open shadow root of the card's host are the page's own.
 */
function installProbe(hostTag: string): void {
  const probe: Probe = { firstHighlight: null, armed: false, moved: null, card: null };
  (window as ProbeWindow).__reperesWake = probe;
  // A highlight shows at a frame: looked for at each one until the first.
  const frame = () => {
    for (const [name, h] of CSS.highlights as unknown as Map<string, Set<unknown>>) {
      if (name.startsWith('reperes-') && h.size > 0) {
        probe.firstHighlight = performance.now();
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // Capturing at the window: before the content script's own listener on the document sees the move.
  window.addEventListener(
    'pointermove',
    () => {
      if (probe.armed && probe.moved === null) probe.moved = performance.now();
    },
    { capture: true, passive: true },
  );
  // The card host shows its card by making its mount visible (page/card-host.tsx): an observer sees it as it happens, not a frame later.
  const watchCard = (host: Element) => {
    const root = host.shadowRoot;
    if (!root) return;
    const check = () => {
      if (probe.armed && probe.card === null && root.querySelector('div')?.style.visibility === 'visible') probe.card = performance.now();
    };
    new MutationObserver(check).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
    check();
  };
  const findHost = new MutationObserver(() => {
    const host = document.querySelector(hostTag);
    if (!host) return;
    findHost.disconnect();
    watchCard(host);
  });
  findHost.observe(document, { childList: true, subtree: true });
}

/** Rethrows what `work` throws, saying which step of the bench it was. */
async function step<T>(what: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    throw new Error(`wake bench: ${what}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** Waits for `ok` or `bad` in the options page; `bad` (an error message) fails with its text. */
async function outcome(ok: Locator, bad: Locator, what: string, timeout: number): Promise<void> {
  await step(what, ok.or(bad).first().waitFor({ timeout }));
  if ((await bad.count()) > 0) throw new Error(`wake bench: ${what}: ${(await bad.first().textContent())?.trim()}`);
}

/** One import through the options page: a file picked in `input`, its preview confirmed with `confirm`, until `done` says it is stored. */
interface ImportSteps {
  what: string;
  input: string;
  confirm: string;
  /** Where the page reports a failure of this import. */
  error: string;
  done: (options: Page) => Locator;
}

async function importThrough(options: Page, file: string, steps: ImportSteps, log: (line: string) => void): Promise<void> {
  const error = options.locator(steps.error);
  let t0 = Date.now();
  await options.setInputFiles(steps.input, file);
  await outcome(options.locator(`${steps.confirm}:enabled`), error, `the ${steps.what}’s preview`, IMPORT_TIMEOUT_MS);
  log(`${steps.what} previewed in ${Date.now() - t0} ms`);
  t0 = Date.now();
  await options.locator(steps.confirm).click();
  const done = steps.done(options);
  await outcome(done, error, `storing the ${steps.what}`, IMPORT_TIMEOUT_MS);
  log(`${steps.what} stored in ${Date.now() - t0} ms: ${await done.textContent()}`);
}

/** Imports the archive, then the list, through the options page's own controls, as a reader does. */
async function importAsAReader(launched: Launched, files: { articles: string; names: string }, log: (line: string) => void): Promise<void> {
  const options = await launched.context.newPage();
  try {
    await options.goto(`chrome-extension://${launched.extensionId}/options.html`);
    await step('the options page', options.waitForSelector('input[name=files]'));
    const archive: ImportSteps = {
      what: 'archive',
      input: 'input[name=files]',
      confirm: '.preview button[name=confirm]',
      error: '.import__status .message--error, .preview .problem--error',
      done: (o) => o.locator('.import__status .message--ok'),
    };
    const list: ImportSteps = {
      what: 'list',
      input: 'input[name=list-file]',
      confirm: '.list-preview button[name=list-confirm]',
      error: '.lists .message--error',
      done: (o) => o.locator('.lists [role=status]', { hasText: /^Imported/ }),
    };
    await importThrough(options, files.articles, archive, log);
    await importThrough(options, files.names, list, log);
  } finally {
    await options.close();
  }
}

/**
 * The extension's service worker, seen and stopped through the DevTools
 * protocol's ServiceWorker domain (on a page's session: the extension's
 * worker is in the profile's default storage partition, as the page is).
 * Stopping it is what Chrome does to an idle worker: its thread ends, and
 * everything the background held in memory goes with it.
 */
class ExtensionWorker {
  private status = new Map<string, string>();
  /** How many times the worker has gone to "stopped", whoever stopped it. */
  stops = 0;
  private listeners = new Set<() => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly context: BrowserContext,
    private readonly prefix: string,
  ) {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(prefix)) continue;
        if (v.runningStatus === 'stopped' && this.status.get(v.versionId) !== 'stopped') this.stops++;
        this.status.set(v.versionId, v.runningStatus);
      }
      for (const l of this.listeners) l();
    });
  }

  static async attach(page: Page, launched: Launched): Promise<ExtensionWorker> {
    const cdp = await launched.context.newCDPSession(page);
    const worker = new ExtensionWorker(cdp, launched.context, `chrome-extension://${launched.extensionId}/`);
    await cdp.send('ServiceWorker.enable');
    // Enabling reports the current versions; the extension's worker is running then (launch() waited for it).
    await worker.until(() => worker.running() !== undefined, STOP_TIMEOUT_MS, 'the extension’s service worker is not reported running');
    return worker;
  }

  running(): string | undefined {
    for (const [id, s] of this.status) if (s === 'running') return id;
    return undefined;
  }

  private until(done: () => boolean, timeout: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise<void>((ok, fail) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        ok();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        fail(new Error(`wake bench: ${what} within ${timeout} ms`));
      }, timeout);
      this.listeners.add(check);
    });
  }

  /** The extension's worker as Playwright sees it (it attaches to a restarted one as it starts). */
  private playwrightWorker() {
    const w = this.context.serviceWorkers().find((x) => x.url().startsWith(this.prefix));
    if (!w) throw new Error('wake bench: Playwright sees no service worker of the extension');
    return w;
  }

  /**
   * Whether the indexes derived from the reader's current data are stored
   * (store/derived.ts): the keys of the stored slices and title index end
   * with the data's revision.
   * As source, for the reason `visit` gives; a database not there yet is
   * left uncreated.
   */
  async indexesStored(): Promise<boolean> {
    return this.playwrightWorker().evaluate(`(async () => {
      const { datasetRevision = 0 } = await chrome.storage.local.get('datasetRevision');
      const request = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      const open = indexedDB.open(${JSON.stringify(DERIVED_DB_NAME)});
      open.onupgradeneeded = () => open.transaction.abort();
      const db = await request(open).catch(() => null);
      if (!db) return false;
      try {
        const meta = db.transaction('meta').objectStore('meta');
        const [slices, terms] = await Promise.all([request(meta.get(${JSON.stringify(SLICES_KEY)})), request(meta.get(${JSON.stringify(TERMS_KEY)}))]);
        const current = (key) => typeof key === 'string' && key.endsWith(':' + datasetRevision);
        return current(slices) && current(terms?.key);
      } finally {
        db.close();
      }
    })()`);
  }

  /** The tab id of `page`, brought to the front (see tabIdOf in the end-to-end harness), from the worker running now. */
  async tabId(page: Page): Promise<number> {
    await page.bringToFront();
    const id = await this.playwrightWorker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    if (id < 0) throw new Error(`wake bench: no tab for ${page.url()}`);
    return id;
  }

  async mark(): Promise<void> {
    await this.playwrightWorker().evaluate((key) => {
      (globalThis as Record<string, unknown>)[key] = true;
    }, MARKER);
  }

  /** Whether the running worker still has the marker: false once it really restarted. */
  async marked(): Promise<boolean> {
    return this.playwrightWorker().evaluate((key) => (globalThis as Record<string, unknown>)[key] === true, MARKER);
  }

  /** Stops the worker and checks that it is gone: reported stopped, and no longer a DevTools target. */
  async stop(): Promise<void> {
    const id = this.running();
    if (id === undefined) throw new Error('wake bench: no running service worker to stop');
    await this.mark();
    const before = this.stops;
    await step('stopping the service worker', this.cdp.send('ServiceWorker.stopWorker', { versionId: id }));
    await this.until(() => this.stops > before && this.status.get(id) === 'stopped', STOP_TIMEOUT_MS, 'the service worker did not stop');
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    if (targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(this.prefix))) {
      throw new Error('wake bench: the service worker is reported stopped but its target is still there');
    }
  }

  /** After a visit that followed a stop: the worker was started again, afresh. */
  async checkRestarted(): Promise<void> {
    await this.until(() => this.running() !== undefined, STOP_TIMEOUT_MS, 'the service worker did not start again');
    if (await this.marked()) throw new Error('wake bench: the service worker kept its global state: it did not restart');
  }

  detach(): Promise<void> {
    return this.cdp.detach();
  }
}

interface Visit {
  firstHighlightMs: number;
  /** Pointer move onto the name → card shown. */
  cardMs: number;
  /** After the card: the popup opened for the tab → its first related article shown. */
  popupMs: number;
}

/** Opens `url` in a new tab, waits (at most `highlightTimeout` each) for its first highlight and for `name`'s, hovers `name` and waits for its card. */
async function visit(
  context: BrowserContext,
  url: string,
  name: string,
  titleMark: string,
  highlightTimeout = HIGHLIGHT_TIMEOUT_MS,
  popup?: (page: Page) => Promise<number>,
): Promise<Visit> {
  const page = await context.newPage();
  try {
    // In front: frames (and so the probe's and the content script's) run in a visible tab only.
    await page.bringToFront();
    // As source: tsx names the probe's inner functions through a helper of its own (__name), which the page lacks and is given here.
    await page.addInitScript({ content: `(() => { const __name = (f) => f; (${installProbe.toString()})(${JSON.stringify(UI_HOST_TAG)}); })();` });
    await step(`loading ${url}`, page.goto(url));
    await step(
      'waiting for the first highlight',
      page.waitForFunction(() => (window as ProbeWindow).__reperesWake?.firstHighlight != null, undefined, { timeout: highlightTimeout }),
    );
    // The name's place on screen, from the highlight registry (the page scans in slices: the name may come a little after the first).
    const found = await step(
      `waiting for ${name} to be highlighted`,
      page.waitForFunction(
        (text) => {
          for (const [key, h] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
            if (!key.startsWith('reperes-')) continue;
            for (const a of h) {
              const r = document.createRange();
              r.setStart(a.startContainer, a.startOffset);
              r.setEnd(a.endContainer, a.endOffset);
              const box = r.getClientRects()[0];
              if (r.toString() === text && box) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
            }
          }
          return null;
        },
        name,
        { timeout: highlightTimeout },
      ),
    );
    const at = await found.jsonValue();
    if (!at) throw new Error(`wake bench: ${name} has no place on screen`);
    await page.evaluate(() => {
      const probe = (window as ProbeWindow).__reperesWake;
      if (probe) probe.armed = true;
    });
    // One move, straight onto the name: the page sees a single pointer move there, which starts the dwell.
    await page.mouse.move(at.x, at.y);
    await step(
      `waiting for ${name}’s card`,
      page.waitForFunction(() => (window as ProbeWindow).__reperesWake?.card != null, undefined, { timeout: CARD_TIMEOUT_MS }),
    );
    const probe = await page.evaluate(() => (window as ProbeWindow).__reperesWake);
    if (probe?.firstHighlight == null || probe.moved === null || probe.card === null) throw new Error(`wake bench: the page recorded ${JSON.stringify(probe)}`);
    // The card measured must be the name's, listing articles of the imported archive.
    const text = (await cardText(page)) ?? '';
    if (!text.includes(name) || !text.includes(titleMark)) throw new Error(`wake bench: ${name}’s card lists no imported article: ${text.slice(0, 300)}`);
    return { firstHighlightMs: probe.firstHighlight, cardMs: probe.card - probe.moved, popupMs: popup ? await popup(page) : NaN };
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};
const round = (x: number) => Math.round(x * 10) / 10;

export async function benchWake(opts: WakeOptions = {}): Promise<WakeFigures> {
  const runs = opts.runs ?? 5;
  const articles = opts.articles ?? 20_000;
  const names = opts.names ?? 100_000;
  const log = opts.log ?? (() => undefined);
  const dataset = JSON.parse(readFileSync(join(ROOT, 'generated/dataset.json'), 'utf8')) as Dataset;
  const data = wakeData(dataset, articles, names);
  const dir = mkdtempSync(join(tmpdir(), 'reperes-bench-wake-'));
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let launched: Launched | undefined;
  try {
    const files = { articles: join(dir, 'archive.csv'), names: join(dir, 'newsroom-names.csv') };
    writeFileSync(files.articles, data.articlesCsv);
    writeFileSync(files.names, data.namesCsv);
    writeFileSync(join(dir, 'wake.html'), data.pageHtml);
    server = await serve([dir]);
    const url = `${server.url}/wake.html`;
    launched = await launch();
    const { context } = launched;
    // A blank tab stays open throughout: the DevTools session lives on it, and the window with it.
    const anchor = context.pages()[0] ?? (await context.newPage());
    const worker = await ExtensionWorker.attach(anchor, launched);

    await importAsAReader(launched, files, log);
    // Taken in: the background has built its data with the archive and the pack (its first build scans the archive for the
    // pack's names), and a tab shows a name of the list with its card.
    let t0 = Date.now();
    const [hovered] = data.pageNames;
    await visit(context, url, hovered, data.titleMark, TAKEN_IN_TIMEOUT_MS);
    log(`imports taken in after ${Date.now() - t0} ms`);
    // And its indexes stored, as they are seconds after an import: Chrome stops only a worker idle for 30 s. A worker stopped
    // while it writes them rebuilds on its next wake.
    t0 = Date.now();
    while (!(await worker.indexesStored())) {
      if (Date.now() - t0 > TAKEN_IN_TIMEOUT_MS) throw new Error('wake bench: the derived indexes were not stored');
      await anchor.waitForTimeout(STORED_POLL_MS);
    }
    log(`indexes stored after ${Date.now() - t0} ms more`);

    /** Opens the popup for `page`'s tab, as the toolbar button does, and times it until its first related article. */
    const popup = async (page: Page): Promise<number> => {
      const tab = await worker.tabId(page);
      const view = await context.newPage();
      try {
        const t0 = Date.now();
        await step('opening the popup', view.goto(`chrome-extension://${launched!.extensionId}/popup.html?tab=${tab}`));
        await step('waiting for related coverage in the popup', view.waitForSelector('#related-articles li', { timeout: CARD_TIMEOUT_MS }));
        return Date.now() - t0;
      } finally {
        await view.close();
      }
    };
    const cold: Visit[] = [];
    const warm: Visit[] = [];
    for (let i = 0; i < runs; i++) {
      t0 = Date.now();
      await worker.stop();
      cold.push(await visit(context, url, hovered, data.titleMark, HIGHLIGHT_TIMEOUT_MS, popup));
      await worker.checkRestarted();
      // With the worker left running: no stop between this visit and the one before, and its global state still there after it
      // (which also shows that the marker, lost over a restart, is kept otherwise).
      const stops = worker.stops;
      await worker.mark();
      warm.push(await visit(context, url, hovered, data.titleMark, HIGHLIGHT_TIMEOUT_MS, popup));
      if (worker.stops !== stops || !(await worker.marked()))
        throw new Error('wake bench: the service worker restarted during a visit meant to find it running');
      log(`run ${i + 1}/${runs}: after a restart ${JSON.stringify(cold.at(-1))}, running ${JSON.stringify(warm.at(-1))} (${Date.now() - t0} ms)`);
    }
    await worker.detach();

    const after = (v: Visit[]) => v.map((x) => x.cardMs - DWELL_MS);
    return {
      articles,
      names,
      runs,
      firstCardMs: round(median(after(cold))),
      firstCardWorstMs: round(Math.max(...after(cold))),
      firstCardTotalMs: round(median(cold.map((x) => x.cardMs))),
      popupMs: round(median(cold.map((x) => x.popupMs))),
      popupWorstMs: round(Math.max(...cold.map((x) => x.popupMs))),
      warmPopupMs: round(median(warm.map((x) => x.popupMs))),
      firstHighlightMs: round(median(cold.map((x) => x.firstHighlightMs))),
      firstHighlightWorstMs: round(Math.max(...cold.map((x) => x.firstHighlightMs))),
      warmFirstCardMs: round(median(after(warm))),
      warmFirstCardWorstMs: round(Math.max(...after(warm))),
      warmFirstHighlightMs: round(median(warm.map((x) => x.firstHighlightMs))),
    };
  } finally {
    await launched?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : undefined;
  benchWake({ ...(runs ? { runs } : {}), log: (line) => console.error(line) }).then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
