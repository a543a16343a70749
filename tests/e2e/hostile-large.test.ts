// Hostile pages, large ones: a 5 MB news page, 100,000 text nodes, and a
// React page hydrating server-rendered HTML. Each is generated at test time.
// On each: no error in the page, and the page keeps working. How long
// Repères holds the main thread on them is measured by the bench
// (`npm run bench -- --check`, scripts/bench/hostile.ts), not here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLICE_BUDGET_MS } from '../../page/scan';
import { launch, reportedMarks, serve, tabIdOf, type Launched } from './harness';
import { bigNewsPage, manyTextNodesPage, writeReactPage } from './hostile-pages';
import { expectTicking, openWatched } from './watched';

let dir: string;
let browser: Launched;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reperes-hostile-'));
  writeFileSync(join(dir, 'big.html'), bigNewsPage(5_000_000));
  writeFileSync(join(dir, 'nodes.html'), manyTextNodesPage(100_000));
  await writeReactPage(dir, 'react', 0);
  await writeReactPage(dir, 'react-300ms', 300);
  await writeReactPage(dir, 'react-after-highlights', 'highlights');
  server = await serve([dir]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Drawn {
  count: number;
  /** Distinct highlighted texts. */
  texts: string[];
  /** Highlighted texts inside the element matching the selector. */
  within: string[];
}

/** Repères' highlights, read cheaply (no layout): the big pages hold thousands. */
function drawn(page: Page, selector = '#last'): Promise<Drawn> {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel);
    let count = 0;
    const texts = new Set<string>();
    const within: string[] = [];
    for (const [name, h] of CSS.highlights as unknown as Map<string, Highlight>) {
      if (!name.startsWith('reperes-')) continue;
      for (const r of h as unknown as Set<AbstractRange>) {
        count++;
        // Repères holds static ranges: read the text through a live copy.
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const text = live.toString();
        texts.add(text);
        if (box?.contains(r.startContainer)) within.push(text);
      }
    }
    return { count, texts: [...texts].sort(), within };
  }, selector);
}

/** Between two counts: a hundred of the scan's slices fit in it, so a count unchanged across it means the scan ended. */
const STABLE_AFTER_MS = 100 * SLICE_BUDGET_MS;

/** Waits until `selector` holds a highlight and the count has stopped growing (the full scan ended). */
async function scanned(page: Page, selector = '#last', timeout = 90_000): Promise<Drawn> {
  const end = Date.now() + timeout;
  let last = -1;
  for (;;) {
    const now = await drawn(page, selector);
    if (now.within.length > 0 && now.count === last) return now;
    if (Date.now() > end) throw new Error(`scan not done: ${now.count} highlights, ${now.within.length} in ${selector}`);
    last = now.count;
    await page.waitForTimeout(STABLE_AFTER_MS);
  }
}

/** The marks the page reported to the background once its whole scan ended. */
async function reported(page: Page): Promise<number> {
  return reportedMarks(browser, await tabIdOf(browser, page));
}

/** Waits for the whole page's scan to end, scrolls to `y` (`end`: the bottom) and waits for `selector` to hold a painted highlight. */
async function scannedAt(page: Page, y: number | 'end', selector: string): Promise<{ marks: number; drawn: Drawn }> {
  await expect.poll(() => reported(page), { timeout: 90_000 }).toBeGreaterThan(0);
  await page.evaluate((to) => scrollTo(0, to === 'end' ? document.documentElement.scrollHeight : to), y);
  await expect.poll(async () => (await drawn(page, selector)).within.length, { timeout: 10_000 }).toBeGreaterThan(0);
  return { marks: await reported(page), drawn: await drawn(page, selector) };
}

/** How many highlights are painted, at some point, in the last `count` paragraphs while the page is read from there to its end, a screen at a time. */
function paintedInTail(page: Page, count: number): Promise<number> {
  return page.evaluate(async (n) => {
    const ps = [...document.querySelectorAll('p')].slice(-n);
    const seen = new Set<AbstractRange>();
    scrollTo(0, ps[0]!.getBoundingClientRect().top + scrollY);
    for (;;) {
      // The painter updates in the frames after a scroll: a few of them.
      for (let f = 0; f < 4; f++) await new Promise((ok) => requestAnimationFrame(ok));
      for (const [name, h] of CSS.highlights as unknown as Map<string, Highlight>)
        if (name.startsWith('reperes-')) for (const r of h as unknown as Set<AbstractRange>) if (ps.some((p) => p.contains(r.startContainer))) seen.add(r);
      if (scrollY + innerHeight >= document.documentElement.scrollHeight) return seen.size;
      scrollBy(0, innerHeight);
    }
  }, count);
}

describe('large hostile pages', () => {
  it('a 5 MB news page: highlights throughout, to the last paragraph; no error, the page ticks', { timeout: 180_000 }, async () => {
    const v = await openWatched(browser.context, `${server.url}/big.html`);
    const { marks, drawn: atEnd } = await scannedAt(v.page, 'end', '#last');
    await expectTicking(v.page);
    expect(marks).toBeGreaterThan(5000);
    expect(atEnd.within).toEqual(['Mazar-i-Sharif']);
    // Names throughout: each of them, in the middle of the page.
    const { drawn: middle } = await scannedAt(v.page, await v.page.evaluate(() => document.documentElement.scrollHeight / 2), 'article');
    expect(middle.texts).toEqual(expect.arrayContaining(['Zamir Kabulov', 'Kabul', 'Taliban', 'Sergey Lavrov', 'Mazar-i-Sharif']));
    // Names in the last hundred paragraphs, not just the very last one.
    expect(await paintedInTail(v.page, 100)).toBeGreaterThan(50);
    expect(v.errors).toEqual([]);
    await v.page.close();
  });

  it('100,000 text nodes: highlights to the end; no error, the page ticks', { timeout: 180_000 }, async () => {
    const v = await openWatched(browser.context, `${server.url}/nodes.html`);
    const { marks, drawn: found } = await scannedAt(v.page, 'end', '#last');
    await expectTicking(v.page);
    const textNodes = await v.page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let n = 0;
      while (walker.nextNode()) n++;
      return n;
    });
    expect(textNodes).toBeGreaterThanOrEqual(100_000);
    // One name every 50 paragraphs of 10 nodes: 200 of them, and the last paragraph's.
    expect(marks).toBeGreaterThan(150);
    expect(found.within).toEqual(['Sergey Lavrov']);
    expect(v.errors).toEqual([]);
    await v.page.close();
  });

  for (const variant of ['react', 'react-300ms', 'react-after-highlights']) {
    it(`React 19 hydrating server-rendered HTML (${variant}): no hydration error, highlights, the button still works`, async () => {
      const v = await openWatched(browser.context, `${server.url}/${variant}.html`);
      const { page } = v;
      await page.waitForFunction(() => (window as unknown as { hydrated?: boolean }).hydrated === true, undefined, { timeout: 20_000 });
      const found = await scanned(page, 'main', 20_000);
      // Split by React's comment markers in the HTML ("Sergey<!-- --> Lavrov"), still one name.
      expect(found.texts).toEqual(expect.arrayContaining(['Zamir Kabulov', 'Taliban', 'Sergey Lavrov', 'Kabul', 'Mazar-i-Sharif']));
      await page.click('#counter');
      await expect.poll(() => page.textContent('#counter')).toBe('Clicked 1 times');
      await page.click('#counter');
      await expect.poll(() => page.textContent('#counter')).toBe('Clicked 2 times');
      // What React renders after a click is scanned too.
      await expect.poll(async () => (await drawn(page, 'ul')).within.length).toBe(4);
      await expectTicking(page);
      const state = await page.evaluate(() => {
        const w = window as unknown as { hydrationErrors: string[]; highlightsAtHydration: number };
        return { hydrationErrors: w.hydrationErrors, highlightsAtHydration: w.highlightsAtHydration };
      });
      expect(state.hydrationErrors).toEqual([]);
      // The race this variant is for did happen: Repères had drawn before React hydrated.
      if (variant === 'react-after-highlights') expect(state.highlightsAtHydration).toBeGreaterThan(0);
      expect(v.errors).toEqual([]);
      await page.close();
    });
  }
});
