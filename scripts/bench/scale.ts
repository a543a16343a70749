// The scale case: what a tab costs when Repères knows the shipped names,
// 100,000 and 1,000,000 (scale-names.ts), on the bench's own pages. A
// "background" page packs the alias index and answers; each bench page
// plays the tab: it sends its word hashes and builds its index from the
// answer (scale-harness.ts). Also: building the persisted index and a woken
// worker's first answer, at the largest size.
import type { Page } from 'playwright-core';
import type { SpotterEntry } from '../../core/model';
import { FIRST_NAMES, realNames, SCALE_SYLLABLES } from './scale-names';

export interface ScaleRow {
  aliases: number;
  /** The tab's work before it can scan: hashing its words, building its index from the answer. */
  initMs: number;
  /** Bytes between the background and the tab for the long bench page: the word hashes, the aliases back (as JSON). */
  tabBytes: number;
  /** The JS heap the tab's index and its marks add to the long page, after a collection. */
  tabHeapBytes: number;
  /** The first full scan of the bench pages with their own indexes (median of runs). */
  scanMs: number;
  /** How many aliases the long page received. */
  aliasesSent: number;
  /** The background's lookup for the long page. */
  answerMs: number;
  /** Packing the index (the background's build, once per data change). */
  packMs: number;
  packedBytes: number;
  /** A woken worker's first answer for the long page: the stored index read back and looked up. */
  wakeMs: number;
  /** Of which reading the stored index back. */
  wakeReadMs: number;
  /** Writing the packed index to IndexedDB. */
  persistMs: number;
}

type Scale = {
  build(real: SpotterEntry[], firstNames: readonly string[], syllables: readonly string[], n: number): { aliases: number; packMs: number; packedBytes: number };
  persist(): Promise<{ ms: number }>;
  answer(words: number[], fresh: number): { entries: SpotterEntry[]; ms: number };
  wake(words: number[]): Promise<{ ms: number; openMs: number; readMs: number; sent: number }>;
  words(): { first: number[]; all: number[]; ms: number };
  learn(entries: SpotterEntry[]): { ms: number; aliases: number };
  learnMore(entries: SpotterEntry[]): { aliases: number };
  scan(): { ms: number; marks: number };
  forget(): void;
};
type Win = { __reperesScale: Scale };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * @param open opens one of the bench's pages with the harness injected;
 * `apart`: from another site, so in a renderer process of its own, as the
 * service worker is (pages of one process share one JavaScript heap, and
 * the background's million names would weigh on the tab's collections)
 * @param pages the bench's own pages, the long one first
 */
export async function benchScale(
  open: (name: string, apart?: boolean) => Promise<Page>,
  pages: readonly string[],
  shipped: readonly SpotterEntry[],
  sizes: readonly number[],
  runs: number,
): Promise<ScaleRow[]> {
  const real = realNames(shipped);
  const rows: ScaleRow[] = [];
  for (const n of sizes) {
    const background = await open(pages[0]!, true);
    const built = await background.evaluate(([r, f, s, k]) => (window as unknown as Win).__reperesScale.build(r, f, s, k), [
      n <= shipped.length ? shipped.slice(0, n) : real,
      FIRST_NAMES,
      SCALE_SYLLABLES,
      n,
    ] as const);
    const persisted = await background.evaluate(() => (window as unknown as Win).__reperesScale.persist());
    let longWords: number[] = [];
    let row: Partial<ScaleRow> = { aliases: built.aliases, packMs: built.packMs, packedBytes: built.packedBytes, persistMs: persisted.ms, scanMs: 0 };
    for (const [k, name] of pages.entries()) {
      const tab = await open(name);
      const before = await heapUsed(tab);
      const init: number[] = [];
      let words: number[] = [];
      let answer: { entries: SpotterEntry[]; ms: number } = { entries: [], ms: 0 };
      let bytes = 0;
      for (let r = 0; r < runs; r++) {
        const w = await tab.evaluate(() => (window as unknown as Win).__reperesScale.words());
        words = w.all;
        // First the text the scan starts with; the scan can start once this answer is in the index.
        const firstAnswer = await background.evaluate(([x, f]) => (window as unknown as Win).__reperesScale.answer(x, f), [w.first, w.first.length] as const);
        const learnt = await tab.evaluate((e) => (window as unknown as Win).__reperesScale.learn(e), firstAnswer.entries);
        init.push(w.ms + learnt.ms);
        // Then the rest of the page, while that text is scanned.
        const fresh = w.all.length - w.first.length;
        answer = await background.evaluate(([x, f]) => (window as unknown as Win).__reperesScale.answer(x, f), [w.all, fresh] as const);
        await tab.evaluate((e) => (window as unknown as Win).__reperesScale.learnMore(e), answer.entries);
        bytes =
          JSON.stringify({ words: w.first, fresh: w.first.length }).length +
          JSON.stringify(firstAnswer.entries).length +
          JSON.stringify({ words: w.all, fresh }).length +
          JSON.stringify(answer.entries).length;
        answer = { entries: [...firstAnswer.entries, ...answer.entries], ms: firstAnswer.ms + answer.ms };
      }
      const scans: number[] = [];
      for (let r = 0; r < runs; r++) {
        await tab.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
        scans.push((await tab.evaluate(() => (window as unknown as Win).__reperesScale.scan())).ms);
      }
      row.scanMs! += median(scans);
      if (k === 0) {
        longWords = words;
        const after = await heapUsed(tab);
        row = {
          ...row,
          initMs: median(init),
          tabBytes: bytes,
          tabHeapBytes: after - before,
          aliasesSent: answer.entries.length,
          answerMs: answer.ms,
        };
      }
      await tab.close();
    }
    await background.close();
    // A woken worker: a fresh page of the same origin, nothing in memory but what it reads back.
    const woken = await open(pages[0]!, true);
    const wake = await woken.evaluate((x) => (window as unknown as Win).__reperesScale.wake(x), longWords);
    row.wakeMs = wake.ms;
    row.wakeReadMs = wake.readMs;
    await woken.close();
    rows.push(row as ScaleRow);
  }
  return rows;
}
