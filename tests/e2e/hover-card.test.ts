// The hover card in a real browser: placement at the viewport's edge,
// keyboard, touch, dark mode, the reader page, and not one network request.
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, highlights, hoverText, openPopupFor, ROOT, serve, session, tabIdOf, waitForHighlights, type Launched } from './harness';
import { CARD_SETTLED_MS } from './probes';

let browser: Launched;
let server: Awaited<ReturnType<typeof serve>>;
const requests: string[] = [];

const s = session([join(ROOT, 'samples'), join(ROOT, 'tests/e2e/fixtures')], { colorScheme: 'dark', hasTouch: true });
const open = s.open;
beforeAll(async () => {
  await s.start();
  ({ browser, server } = s.state);
  browser.context.on('request', (r: Request) => requests.push(r.url()));
});
afterAll(() => s.stop());

const cardBox = (page: Page) =>
  page.evaluate(() => {
    const card = document.querySelector('reperes-ui')?.shadowRoot?.querySelector('.card');
    if (!card) return null;
    const r = card.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, bg: getComputedStyle(card).backgroundColor };
  });

describe('hover card', () => {
  it('flips above a mention in the bottom-right corner and stays fully on screen', async () => {
    const page = await open('/corner.html');
    await hoverText(page, 'Kabul');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Kabul');
    await page.waitForTimeout(CARD_SETTLED_MS);
    const box = (await cardBox(page))!;
    const viewport = page.viewportSize()!;
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(viewport.width);
    expect(box.bottom).toBeLessThanOrEqual(viewport.height);
    const mention = await page.evaluate(() => document.getElementById('corner')!.getBoundingClientRect().top);
    expect(box.bottom).toBeLessThanOrEqual(mention);
    await page.close();
  });

  it('is out of reach of the page’s CSS, and its own CSS stays out of the page', async () => {
    const page = await open('/hostile-css.html');
    await hoverText(page, 'Zamir Kabulov');
    await expect.poll(() => cardText(page), { timeout: 5000 }).not.toBeNull();
    const inside = await page.evaluate(() => {
      const name = document.querySelector('reperes-ui')!.shadowRoot!.querySelector('.card__name')!;
      const s = getComputedStyle(name);
      return { color: s.color, size: s.fontSize, bg: getComputedStyle(name.closest('.card')!).backgroundColor };
    });
    expect(inside.color).not.toBe('rgb(255, 0, 0)');
    expect(inside.size).not.toBe('31px');
    expect(inside.bg).not.toBe('rgb(0, 255, 0)');
    const pageCard = await page.evaluate(() => getComputedStyle(document.getElementById('page-card')!).borderTopWidth);
    expect(pageCard).toBe('9px');
    await page.close();
  });

  it('follows its mention when a scrolling container scrolls, and on a zoomed page', async () => {
    const page = await open('/scroller.html');
    await hoverText(page, 'Gulbuddin Hekmatyar');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Hezb-e-Islami');
    await page.waitForTimeout(CARD_SETTLED_MS);
    const before = (await cardBox(page))!.top;
    await page.evaluate(() => {
      document.getElementById('box')!.scrollTop = 30;
    });
    await expect.poll(async () => (await cardBox(page))!.top).toBeCloseTo(before - 30, 0);
    // Zoom: the layout viewport shrinks; the card still fits on screen.
    await page.evaluate(() => {
      document.getElementById('box')!.scrollTop = 0;
      (document.body.style as CSSStyleDeclaration & { zoom: string }).zoom = '2';
    });
    await page.keyboard.press('Escape');
    await hoverText(page, 'Gulbuddin Hekmatyar');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Hezb-e-Islami');
    await page.waitForTimeout(CARD_SETTLED_MS);
    const box = (await cardBox(page))!;
    const viewport = page.viewportSize()!;
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(viewport.width);
    expect(box.bottom).toBeLessThanOrEqual(viewport.height);
    await page.close();
  });

  it('follows the dark colour scheme', async () => {
    const page = await open('/fr-afghanistan-russie.html');
    await hoverText(page, 'Kabulov');
    await expect.poll(() => cardText(page), { timeout: 5000 }).not.toBeNull();
    expect((await cardBox(page))!.bg).toBe('rgb(31, 34, 40)');
    await page.close();
  });

  it('moves through mentions from the keyboard command, with focus in the card; Escape closes it', async () => {
    const page = await open('/corner.html');
    const tabId = await tabIdOf(browser, page);
    const step = (direction: 1 | -1) =>
      browser.worker.evaluate(([id, d]) => chrome.tabs.sendMessage(id, { type: 'page:step', direction: d }), [tabId, direction] as const);
    await step(1);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Zamir Kabulov');
    await expect.poll(() => page.evaluate(() => document.querySelector('reperes-ui')?.shadowRoot?.activeElement?.className ?? '')).toContain('card');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('reperes-ui')!.shadowRoot!.activeElement!.tagName)).toBe('BUTTON');
    await step(1);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Islamabad');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    await step(-1);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Kabul');
    await page.close();
  });

  it('opens on a tap and closes on a tap elsewhere', async () => {
    const page = await open('/corner.html');
    const r = (await highlights(page)).find((h) => h.type === 'place' && h.text === 'Islamabad')!.rect;
    const rect = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    await page.touchscreen.tap(rect.x, rect.y);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Islamabad');
    await page.touchscreen.tap(400, 400);
    await expect.poll(() => cardText(page)).toBeNull();
    await page.close();
  });

  it('opens an article of the card in the reader page', async () => {
    const page = await open('/fr-afghanistan-russie.html');
    await hoverText(page, 'Hairatan');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Hairatan');
    await page.waitForTimeout(CARD_SETTLED_MS);
    const link = await page.evaluate(() => {
      const el = document.querySelector('reperes-ui')!.shadowRoot!.querySelector('.card__link')!;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.x + 10, y: r.y + r.height / 2 };
    });
    await page.mouse.move(link.x, link.y, { steps: 5 });
    const [reader] = await Promise.all([browser.context.waitForEvent('page'), page.mouse.click(link.x, link.y)]);
    await reader.waitForSelector('.reader__title');
    expect(reader.url()).toMatch(/^chrome-extension:\/\/[a-z]+\/reader\.html\?id=2021-/);
    expect((await waitForHighlights(reader)).map((h) => h.text)).toContain('Hairatan');
    await reader.close();
    await page.close();
  });

  it('"Not this one" hides a wrong match on this page only', async () => {
    const page = await open('/corner.html');
    const other = await open('/fr-afghanistan-russie.html');
    const has = async (p: Page, text: string) => (await highlights(p)).some((h) => h.type === 'place' && h.text === text);
    await page.bringToFront();
    await hoverText(page, 'Islamabad');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Islamabad');
    await page.waitForTimeout(CARD_SETTLED_MS);
    const button = await page.evaluate(() => {
      const r = document.querySelector('reperes-ui')!.shadowRoot!.querySelector('.card__action--reject')!.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(button.x, button.y, { steps: 5 });
    await page.mouse.click(button.x, button.y);
    await expect.poll(() => has(page, 'Islamabad')).toBe(false);
    expect(await has(other, 'Islamabad')).toBe(true);
    await page.reload();
    await waitForHighlights(page);
    expect(await has(page, 'Islamabad')).toBe(false);
    await page.close();
    await other.close();
  });

  it('made no network request beyond the test server and its own files', async () => {
    const page = await open('/fr-afghanistan-russie.html');
    const popup = await openPopupFor(browser, page);
    await popup.waitForSelector('#related-articles li');
    await popup.close();
    await page.close();
    const outside = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('chrome-extension://') && !u.startsWith('data:'));
    expect(requests.length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });
});
