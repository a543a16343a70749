// Hostile and odd pages: Repères works or stays out of the way, never throws
// into the page, and the page keeps working.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlights, ROOT, session, waitForHighlights, type Launched } from './harness';

const s = session([join(ROOT, 'tests/e2e/fixtures/hostile')]);
let browser: Launched;
beforeAll(async () => {
  await s.start();
  browser = s.state.browser;
});
afterAll(() => s.stop());

/** Opens a page, listening for its errors from the start (some pages here break the highlight check `open` waits on). */
async function visit(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(s.state.server.url + path);
  return { page, errors };
}

describe('hostile pages', () => {
  it('a strict Content-Security-Policy: highlights still drawn, no error', async () => {
    const { page, errors } = await visit('/csp.html');
    const found = await waitForHighlights(page);
    expect(found.map((h) => h.text)).toEqual(expect.arrayContaining(['Zamir Kabulov', 'Kabul']));
    const a = await page.evaluate(() => (window as unknown as { alive: number }).alive);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { alive: number }).alive)).toBeGreaterThan(a);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page that overrides DOM methods, MutationObserver and CSS: Repères runs in its own world', async () => {
    const { page, errors } = await visit('/overrides.html');
    await page.waitForTimeout(1500);
    // The page's own CSS object was replaced, so the test reads the highlights from the extension's side: the
    // badge counts what was found.
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    await expect.poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('3');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shadow roots, a same-origin frame and text rewritten every 10 ms: no error, the page keeps ticking', async () => {
    const { page, errors } = await visit('/shadow-iframe.html');
    await waitForHighlights(page);
    expect((await highlights(page)).map((h) => h.text)).toContain('Sergey Lavrov');
    const before = await page.evaluate(() => (window as unknown as { alive: () => number }).alive());
    await page.waitForTimeout(1200);
    const after = await page.evaluate(() => (window as unknown as { alive: () => number }).alive());
    expect(after - before).toBeGreaterThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });
});
