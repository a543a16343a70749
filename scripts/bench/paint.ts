// What Repères' highlights cost the browser's rendering, in Chromium with the
// built extension, on the bench's largest page (the 5 MB news page).
//
// Rendering is not script: the long-task check (long-tasks.ts) attributes it
// to no one. Blink rebuilds a marker per registered highlight range, and
// invalidates the text under each, whenever a Highlight, the DOM or the
// style changes; then it repaints. So the figure is the renderer main
// thread's rendering time (its CPU time in style, layout, pre-paint, paint,
// layerize, commit) over a fixed sequence, once the scan has settled:
//   1. the page adds a paragraph naming someone at its top (what a live page
//      does; the frame after it revalidates every highlight), and a few
//      frames pass;
//   2. the page is scrolled down by SCREENS screens, one per two frames;
//   3. the page adds a paragraph in view, and a few frames pass.
// The page makes its changes in tasks, as it does with a network response
// or a timer. Repères paints the marks of a change in the frame that
// renders it (page/viewport-painter.ts); a change made in the page's own
// animation-frame callback is painted a frame later, and costs one more
// pre-paint.
// The same sequence is timed on the same page with Repères' highlights taken
// out of the registry (CSS.highlights cleared, then put back): the same
// renderer, DOM, layout and caches, the content script still running (its
// script is not rendering); the only difference is the highlights the
// browser draws. A second browser without the extension would differ in
// more than that (another process, a cold cache). Runs alternate between the
// two, and each figure is the median of RUNS.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, reportedMarks, serve, tabIdOf, type Launched } from '../../tests/e2e/harness';
import { bigNewsPage } from '../../tests/e2e/hostile-pages';
import { pageProcesses, startTrace, type TraceEvent } from './long-tasks';

export interface PaintFigures {
  /** Median rendering time (the renderer main thread's CPU time) over the sequence, with Repères' highlights, ms. */
  paintMs: number;
  /** The same without them, ms. */
  paintMsWithout: number;
  /** Repères' marks on the page (all of them, painted or not). */
  marks: number;
  page: string;
}

/** The page: the hostile bench's largest. */
const PAGE_BYTES = 5_000_000;
/** Runs of each kind: the median of a few evens out what the rest of the machine does meanwhile. */
const RUNS = 5;
/** Screens scrolled in the sequence: enough to leave the first screenful's highlights behind. */
const SCREENS = 5;
/** Frames let pass after each of the page's changes: the live scanner takes them in the next frame, the painter the one after. */
const SETTLE_FRAMES = 10;
/** Between runs: the scroll back to the top and the painter's work after it are done. */
const BETWEEN_RUNS_MS = 1500;
/** Rendering events (trace names) on the renderer main thread. */
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
/** Only the timeline: the sampling profiler the long-task bench needs would slow every event down. */
const CATEGORIES = ['__metadata', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];
/** The painted count must hold this long for the page to count as settled. */
const QUIET_MS = 1500;
/** At most this long for the scan to end. */
const SCAN_TIMEOUT_MS = 120_000;

// In the page, as strings: the bench's TypeScript transform would add helpers the page does not have.
const SEQUENCE = `(async ({ screens, frames }) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const wait = async (n) => { for (let k = 0; k < n; k++) await frame(); };
  const task = () => new Promise((r) => setTimeout(r, 0));
  const live = (before) => {
    const p = document.createElement('p');
    p.className = 'bench-live';
    p.textContent = 'Meanwhile Imran Khan spoke to reporters in Islamabad.';
    before.before(p);
  };
  live(document.querySelector('article p'));
  await wait(frames);
  for (let k = 0; k < screens; k++) {
    scrollBy(0, innerHeight);
    await wait(2);
  }
  await task();
  live(document.elementFromPoint(innerWidth / 2, innerHeight / 2).closest('p') ?? document.querySelector('article p'));
  await wait(frames);
})`;

/** Takes Repères' highlights out of the registry (kept aside) or puts them back; then scrolls to the top. */
const SET_HIGHLIGHTS = `((on) => {
  const reg = CSS.highlights;
  const kept = (globalThis.__benchKept ??= new Map());
  if (on) { for (const [name, h] of kept) reg.set(name, h); kept.clear(); }
  else for (const [name, h] of [...reg]) if (name.startsWith('reperes-')) { kept.set(name, h); reg.delete(name); }
  for (const p of document.querySelectorAll('p.bench-live')) p.remove();
  scrollTo(0, 0);
})`;

/** How many ranges Repères has registered (those painted). */
const PAINTED = `(() => { let n = 0; for (const [name, h] of CSS.highlights) if (name.startsWith('reperes-')) n += h.size; return n; })()`;

/** Waits for the scan to end (the page's counts reached the background) and the painted highlights to hold still. */
async function settled(browser: Launched, page: Page): Promise<number> {
  const tabId = await tabIdOf(browser, page);
  const end = Date.now() + SCAN_TIMEOUT_MS;
  let marks = 0;
  while (!(marks = await reportedMarks(browser, tabId))) {
    if (Date.now() > end) throw new Error('the scan did not end');
    await page.waitForTimeout(250);
  }
  let last = -1;
  let since = Date.now();
  while (Date.now() - since < QUIET_MS) {
    const n = await page.evaluate<number>(PAINTED);
    if (n !== last) [last, since] = [n, Date.now()];
    await page.waitForTimeout(250);
  }
  return marks;
}

/**
 * Rendering time on the page's renderer main thread(s), ms: the thread's
 * own CPU time in the outermost rendering events (one nested in another
 * counts once), by event name. CPU time rather than wall time: what the
 * rest of the machine does meanwhile stays out of it.
 */
export function renderingMs(events: TraceEvent[], pageUrl: string): { total: number; by: Record<string, number> } {
  const pids = pageProcesses(events, pageUrl);
  const mains = new Set<string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!pids || pids.has(e.pid))) mains.add(`${e.pid}:${e.tid}`);
  const rendering = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && RENDERING.has(e.name) && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const by: Record<string, number> = {};
  let total = 0;
  const reach = new Map<string, number>();
  for (const e of rendering) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (reach.get(thread) ?? -Infinity)) continue;
    reach.set(thread, e.ts + e.dur!);
    const ms = Math.min(e.tdur ?? e.dur!, e.dur!) / 1000;
    total += ms;
    by[e.name] = (by[e.name] ?? 0) + ms;
  }
  return { total, by };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function benchPaint(): Promise<PaintFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'reperes-bench-paint-'));
  const html = bigNewsPage(PAGE_BYTES);
  writeFileSync(join(dir, 'big.html'), html);
  const server = await serve([dir]);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const url = `${server.url}/big.html`;
    await page.goto(url);
    const marks = await settled(browser, page);
    const times = { with: [] as number[], without: [] as number[] };
    const parts = { with: {} as Record<string, number[]>, without: {} as Record<string, number[]> };
    for (let run = 0; run < 2 * RUNS; run++) {
      const on = run % 2 === 0;
      await page.evaluate(`${SET_HIGHLIGHTS}(${on})`);
      await page.waitForTimeout(BETWEEN_RUNS_MS);
      const trace = await startTrace(browser.context, page, CATEGORIES);
      await page.evaluate(`${SEQUENCE}(${JSON.stringify({ screens: SCREENS, frames: SETTLE_FRAMES })})`);
      const kind = on ? 'with' : 'without';
      const { total, by } = renderingMs(await trace.stop(), server.url);
      times[kind].push(total);
      for (const name of RENDERING) (parts[kind][name] ??= []).push(by[name] ?? 0);
    }
    await page.evaluate(`${SET_HIGHLIGHTS}(true)`);
    const round = (x: number) => Math.round(x * 10) / 10;
    const medians = (p: Record<string, number[]>) =>
      Object.entries(p)
        .map(([name, xs]) => `${name} ${round(median(xs))}`)
        .join(', ');
    console.log(`[paint] rendering CPU per run, with highlights: ${times.with.map(round).join(', ')} ms; without: ${times.without.map(round).join(', ')} ms`);
    console.log(`[paint] medians by event, with: ${medians(parts.with)}; without: ${medians(parts.without)} (ms)`);
    return {
      paintMs: round(median(times.with)),
      paintMsWithout: round(median(times.without)),
      marks,
      page: `big.html (${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB)`,
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
