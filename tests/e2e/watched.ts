// A page opened for the hostile tests: its errors collected from the start,
// and its own timer read, to show the page keeps working.
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Watched {
  page: Page;
  /** Uncaught errors, console errors, and Repères' own warnings, from the start. */
  errors: string[];
}

/** Opens `url` in a new tab, listening for errors before it loads. */
export async function openWatched(context: BrowserContext, url: string): Promise<Watched> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${String(e)}`));
  page.on('console', (m) => {
    // The browser's own request for a favicon the test server does not have is no error of the page's.
    if (m.location().url.endsWith('/favicon.ico')) return;
    if (m.type() === 'error' || m.text().startsWith('[Repères]')) errors.push(`console.${m.type()}: ${m.text()} (${m.location().url})`);
  });
  await page.goto(url);
  return { page, errors };
}

/** How often the page's own timer (`window.ticks`, in every hostile page) has fired. */
const ticks = (page: Page) => page.evaluate(() => (window as unknown as { ticks: number }).ticks);

/** The page's own timer still fires. */
export async function expectTicking(page: Page): Promise<void> {
  const before = await ticks(page);
  await expect.poll(() => ticks(page)).toBeGreaterThan(before);
}
