// Dynamic pages: text added, removed, replaced by a single-page-app
// navigation, or a storm of mutations; highlights follow without a reload.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, highlights, hoverText, launch, ROOT, serve, waitForHighlights, type Launched } from './harness';

let browser: Launched;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
const errors: string[] = [];
const texts = async () => (await highlights(page)).map((h) => h.text).sort();
type Hooks = { addPost(t: string): void; removeFirst(): void; navigate(p: string, t: string): void; storm(n: number): void };

beforeAll(async () => {
  server = await serve([join(ROOT, 'tests/e2e/fixtures')]);
  browser = await launch();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/dynamic.html`);
  await waitForHighlights(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a page that changes', () => {
  it('highlights text added after load, and forgets text removed', async () => {
    expect(await texts()).toEqual(['Zamir Kabulov']);
    await page.evaluate(() => (window as unknown as Hooks).addPost('Then Imran Khan answered from Islamabad.'));
    await expect.poll(texts).toEqual(['Imran Khan', 'Islamabad', 'Zamir Kabulov']);
    await page.evaluate(() => (window as unknown as Hooks).removeFirst());
    await expect.poll(texts).toEqual(['Imran Khan', 'Islamabad']);
  });

  it('follows a single-page-app navigation', async () => {
    await page.evaluate(() => (window as unknown as Hooks).navigate('/dynamic/next', 'Sergey Lavrov arrived in Doha.'));
    await expect.poll(texts).toEqual(['Doha', 'Sergey Lavrov']);
  });

  it('rescans an edited paragraph in place: no name doubled, and the new one answers the pointer', async () => {
    await page.evaluate(() => (window as unknown as Hooks).navigate('/dynamic/edit', 'Sergey Lavrov arrived in Doha.'));
    await expect.poll(texts).toEqual(['Doha', 'Sergey Lavrov']);
    // One text node's data changed: the incremental path, not a full rescan.
    await page.evaluate(() => {
      (document.querySelector('#feed p')!.firstChild as Text).data = 'Sergey Lavrov left Doha for Kabul.';
    });
    await expect.poll(texts).toEqual(['Doha', 'Kabul', 'Sergey Lavrov']);
    await hoverText(page, 'Kabul');
    await expect.poll(() => cardText(page)).toContain('Kabul');
    await page.mouse.move(0, 0);
  });

  it('holds its highlights as static ranges, which the page’s own DOM changes do not have to update', async () => {
    const kinds = await page.evaluate(() =>
      [...(CSS.highlights as unknown as Map<string, Set<AbstractRange>>).entries()]
        .filter(([name]) => name.startsWith('reperes-'))
        .flatMap(([, h]) => [...h].map((r) => (r instanceof StaticRange ? 'static' : r.constructor.name))),
    );
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['static']));
  });

  it('survives a mutation storm and still highlights what it brought', async () => {
    await page.evaluate(() => (window as unknown as Hooks).storm(5000));
    await expect.poll(async () => (await texts()).filter((t) => t === 'Islamabad').length, { timeout: 10_000 }).toBe(50);
    expect(errors).toEqual([]);
  });
});
