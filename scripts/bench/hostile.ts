// Repères on hostile pages, in Chromium with the built extension: the longest
// share of one main-thread task its content script takes, from a Chrome
// trace (long-tasks.ts). The end-to-end tests check what happens on these
// pages; how long it holds the thread is measured here, against a budget.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, ROOT, serve } from '../../tests/e2e/harness';
import { bigNewsPage, manyTextNodesPage, writeReactPage } from '../../tests/e2e/hostile-pages';
import { tracedVisit, type LongTaskSummary } from './long-tasks';

export interface HostileFigures {
  page: string;
  /** Repères' longest CPU time within one task: what "no long task" is judged on. */
  longestReperesCpuMs: number;
  longestReperesWallMs: number;
  /** The longest task of any kind, the page's own included. */
  longestTaskMs: number;
}

/** How many of Repères' highlights the page has (0 when the page replaced the CSS object). */
const highlightCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    const registry = (globalThis as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS?.highlights;
    if (!registry?.forEach) return 0;
    registry.forEach((h, name) => {
      if (name.startsWith('reperes-')) n += h.size;
    });
    return n;
  });

/** Waits until the highlight count has not changed for `quietMs` (the scan and the page's rewrites have settled), at most `timeoutMs`. */
async function settled(page: Page, quietMs = 2000, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < end) {
    const n = await highlightCount(page);
    if (n !== last) [last, since] = [n, Date.now()];
    else if (n > 0 && Date.now() - since >= quietMs) return;
    await page.waitForTimeout(250);
  }
}

export async function benchHostile(): Promise<HostileFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reperes-bench-hostile-'));
  writeFileSync(join(dir, 'big.html'), bigNewsPage(5_000_000));
  writeFileSync(join(dir, 'nodes.html'), manyTextNodesPage(100_000));
  await writeReactPage(dir, 'react', 0);
  const server = await serve([dir, join(ROOT, 'tests/e2e/fixtures/hostile')]);
  const browser = await launch();
  const out: HostileFigures[] = [];
  try {
    for (const page of ['big.html', 'nodes.html', 'react.html', 'csp.html', 'shadow-iframe.html']) {
      const v = await tracedVisit(browser.context, `${server.url}/${page}`);
      await settled(v.page);
      const s: LongTaskSummary = await v.finish();
      out.push({ page, longestReperesCpuMs: s.longestReperesCpu, longestReperesWallMs: s.longestReperes, longestTaskMs: s.longestTask });
      await v.page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
