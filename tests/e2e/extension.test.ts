// Repères end to end: the built extension in Debian's Chromium, on pages
// served from localhost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, highlights, hoverText, openPopupFor, openToolbarPopup, ROOT, session, tabIdOf, waitForHighlights, type Launched } from './harness';
import { expectSeedHighlights, KABULOV_CARD, readCard, readHighlights, HOVER_SETTLED_MS } from './probes';

let browser: Launched;
const FR = '/fr-afghanistan-russie.html';
const EN = '/en-kabul-evacuation.html';

const s = session([join(ROOT, 'samples'), join(ROOT, 'tests/e2e/fixtures')]);
const open = s.open;
beforeAll(async () => {
  await s.start();
  ({ browser } = s.state);
});
afterAll(() => s.stop());

describe('highlights', () => {
  it('marks the seed’s names by category and leaves the page’s DOM as it was', async () => {
    const page = await open(FR);
    const found = await highlights(page);
    expectSeedHighlights(found, (ok, what) => expect(ok, what).toBe(true));

    const reference = await browser.context.newPage();
    await reference.setContent(readFileSync(join(ROOT, 'samples', FR), 'utf8'));
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(await reference.evaluate(() => document.body.innerHTML));
    await reference.close();
    await page.close();
  });

  it('never highlights inside inputs, text areas, editors, scripts, styles, hidden or preformatted text', async () => {
    const page = await open('/editable.html');
    const found = await highlights(page);
    const containers = await page.evaluate(() =>
      [...(CSS.highlights as unknown as Map<string, Set<AbstractRange>>).values()].flatMap((h) =>
        [...h].map((r) => (r.startContainer.parentElement as HTMLElement).id),
      ),
    );
    expect(found.map((h) => h.text).sort()).toEqual(['Mazar-i-Sharif', 'Zamir Kabulov']);
    expect(new Set(containers)).toEqual(new Set(['plain']));
    await page.close();
  });

  it('shows the number of distinct entities on the toolbar badge', async () => {
    const page = await open(EN);
    const distinct = new Set((await highlights(page)).map((h) => h.text.toLowerCase())).size;
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).not.toBe('');
    const badge = Number(await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId));
    expect(badge).toBeGreaterThan(5);
    expect(badge).toBeLessThanOrEqual(distinct);
    await page.close();
  });

  it('adds up the page and its same-origin frame: badge and popup count the names in both', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${s.state.server.url}/frame-article.html`);
    const frame = (await (await page.$('#article'))!.contentFrame())!;
    await expect.poll(() => frame.evaluate(readHighlights).then((hs) => hs.map((h) => h.text))).toEqual(['Mazar-i-Sharif']);
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('2');
    const popup = await openPopupFor(browser, page);
    const entities = () => popup.locator('#page-entities li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-entity')).sort());
    await expect.poll(entities).toEqual(['doha', 'mazar-i-sharif']);
    // A click on the name only the frame holds reveals it there, with its card.
    await popup.locator('#page-entities li[data-entity=mazar-i-sharif] button').click();
    await expect.poll(() => frame.evaluate(readCard), { timeout: 5000 }).toContain('Mazar-i-Sharif');
    await popup.close();
    await page.close();
  });
});

describe('hover card', () => {
  it('opens on hover after a dwell, lists the articles, stays open over the card, closes after leaving both, and on Escape', async () => {
    const page = await open(FR);
    await hoverText(page, 'Kabulov');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain(KABULOV_CARD[0]);
    const text = (await cardText(page))!;
    for (const part of KABULOV_CARD) expect(text).toContain(part);

    // Into the card: it stays.
    const box = await page.evaluate(() => {
      const el = document.querySelector('reperes-ui')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      return { x: el.x + el.width / 2, y: el.y + 20 };
    });
    await page.mouse.move(box.x, box.y, { steps: 6 });
    await page.waitForTimeout(HOVER_SETTLED_MS);
    expect(await cardText(page)).not.toBeNull();

    // Away from both: it closes after the grace period.
    await page.mouse.move(5, 880, { steps: 3 });
    await expect.poll(() => cardText(page), { timeout: 3000 }).toBeNull();

    // Escape closes it too.
    await hoverText(page, 'ISI');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Inter-Services Intelligence');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page), { timeout: 2000 }).toBeNull();
    await page.close();
  });

  it('does not open when the pointer only sweeps across a name', async () => {
    const page = await open(FR);
    await hoverText(page, 'Hairatan');
    await page.mouse.move(5, 880);
    await page.waitForTimeout(HOVER_SETTLED_MS);
    expect(await cardText(page)).toBeNull();
    await page.close();
  });
});

describe('popup', () => {
  it('the real toolbar popup describes the active tab', async () => {
    const page = await open(FR);
    const popup = await openToolbarPopup(browser, page);
    const read = () =>
      popup.evaluate<{ entities: number; related: string[] }>(
        `({ entities: document.querySelectorAll('#page-entities li').length,
            related: [...document.querySelectorAll('#related-articles li')].map((li) => li.dataset.article) })`,
      );
    await expect.poll(async () => (await read()).entities, { timeout: 5000 }).toBeGreaterThan(10);
    expect((await read()).related[0]).toBe('2021-09-11-islamabad-chefs-renseignement');
    // Its foot opens the options page (collections and the reader's entities) in a tab.
    const [options] = await Promise.all([browser.context.waitForEvent('page'), popup.evaluate(`document.getElementById('manage').click()`)]);
    await options.waitForSelector('input[name=files]');
    expect(options.url()).toBe(`chrome-extension://${browser.extensionId}/options.html`);
    await options.close();
    await page.close();
  });

  it('lists the page’s entities with counts, related articles with shared entities, and finds articles from a misspelling', async () => {
    const page = await open(FR);
    const popup = await openPopupFor(browser, page);
    await popup.waitForSelector('#page-entities li');
    const kabulov = await popup.locator('#page-entities li[data-entity=zamir-kabulov]').textContent();
    expect(kabulov).toMatch(/Zamir Kabulov.*, 2 mentions$/);
    const related = popup.locator('#related-articles li');
    expect(await related.count()).toBeGreaterThan(2);
    const ids = await related.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-article')));
    expect(ids).toContain('2021-07-05-consulat-russe-mazar-i-sharif');
    expect(await popup.locator('#related-articles li[data-article="2021-07-05-consulat-russe-mazar-i-sharif"] .chip').allTextContents()).toContain('Hairatan');

    await popup.fill('#reperes-search', 'kabol');
    // Results come from the background: wait for the answer to this query.
    const found = () => popup.locator('#search-results li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-article')));
    await expect.poll(found).toContain('2021-08-15-taliban-enter-kabul');
    await popup.close();
    await page.close();
  });

  it('switching places off removes place highlights from every open tab at once, without a reload, and back on', async () => {
    const a = await open(FR);
    const b = await open(EN);
    const navigations: string[] = [];
    for (const p of [a, b]) p.on('framenavigated', (f) => navigations.push(f.url()));
    const popup = await openPopupFor(browser, a);
    await popup.waitForSelector('input[name=place]');

    await popup.uncheck('input[name=place]');
    for (const p of [a, b]) {
      await expect.poll(async () => (await highlights(p)).filter((h) => h.type === 'place').length).toBe(0);
      expect((await highlights(p)).some((h) => h.type === 'person')).toBe(true);
    }
    await popup.check('input[name=place]');
    for (const p of [a, b]) await expect.poll(async () => (await highlights(p)).filter((h) => h.type === 'place').length).toBeGreaterThan(0);
    expect(navigations).toEqual([]);
    await popup.close();
    await a.close();
    await b.close();
  });

  it('first mention only, off for this site and pause apply live in every open tab, and the badge and icon follow', async () => {
    const a = await open(FR);
    const b = await open(EN);
    const total = async (p: Page) => (await highlights(p)).length;
    const distinct = async (p: Page) => new Set((await highlights(p)).map((h) => h.text.toLowerCase())).size;
    const badge = async (p: Page) => {
      const id = await tabIdOf(browser, p);
      return browser.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), id);
    };
    const before = { a: await total(a), b: await total(b) };
    const popup = await openPopupFor(browser, a);
    await popup.waitForSelector('input[name=first-only]');

    await popup.check('input[name=first-only]');
    for (const p of [a, b]) await expect.poll(() => total(p)).toBeLessThan(before[p === a ? 'a' : 'b']);
    expect((await highlights(a)).filter((h) => h.text === 'Kabulov')).toEqual([]); // "Zamir Kabulov" came first
    await popup.uncheck('input[name=first-only]');
    for (const p of [a, b]) await expect.poll(() => total(p)).toBe(before[p === a ? 'a' : 'b']);

    await popup.check('input[name=site-off]'); // both tabs are on 127.0.0.1
    for (const p of [a, b]) await expect.poll(() => total(p)).toBe(0);
    await expect.poll(() => badge(a)).toBe('');
    await popup.uncheck('input[name=site-off]');
    for (const p of [a, b]) await expect.poll(() => total(p)).toBe(before[p === a ? 'a' : 'b']);
    await expect.poll(() => badge(a)).not.toBe('');

    await popup.check('input[name=pause]');
    for (const p of [a, b]) await expect.poll(() => total(p)).toBe(0);
    await expect.poll(() => badge(b)).toBe('');
    expect(await browser.worker.evaluate(() => chrome.action.getTitle({}))).toBe('Repères (paused)');
    await popup.uncheck('input[name=pause]');
    for (const p of [a, b]) await expect.poll(() => distinct(p)).toBeGreaterThan(5);
    expect(await browser.worker.evaluate(() => chrome.action.getTitle({}))).toBe('Repères');
    for (const p of [popup, a, b]) await p.close();
  });

  it('opens a related article in the reader page, with its names marked', async () => {
    const page = await open(FR);
    const popup = await openPopupFor(browser, page);
    await popup.waitForSelector('#related-articles li');
    expect(await popup.locator('#related-articles li .article__reason').first().textContent()).toMatch(/names in common|Also mentions/);
    const [reader] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.locator('#related-articles li[data-article="2021-07-05-consulat-russe-mazar-i-sharif"] .article__open').click(),
    ]);
    await reader.waitForSelector('.reader__title');
    expect(reader.url()).toContain('reader.html?id=2021-07-05-consulat-russe-mazar-i-sharif');
    expect(await reader.locator('.reader__title').textContent()).toBe('La Russie évacue son consulat de Mazar-i-Sharif');
    const marked = (await waitForHighlights(reader)).map((h) => h.text);
    expect(marked).toContain('Zamir Kabulov');
    expect(marked).toContain('Hairatan');
    // The reader page opens the same cards as a news page.
    await hoverText(reader, 'Hairatan');
    await expect.poll(() => cardText(reader), { timeout: 5000 }).toContain('Afghan town on the Amu Darya');
    await reader.close();
    await page.close();
  });

  it('filters search by entity (a chip), language and dates', async () => {
    const page = await open(FR);
    const popup = await openPopupFor(browser, page);
    await popup.waitForSelector('#related-articles li');
    const ids = () => popup.locator('#search-results li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-article')!));
    await popup.locator('#related-articles button.chip[data-entity=hairatan]').first().click();
    await expect.poll(ids).toContain('2021-07-05-consulat-russe-mazar-i-sharif');
    await expect.poll(async () => (await ids()).length).toBeLessThan(15);
    await popup.locator('.filter-entity .chip__clear').click();
    await popup.selectOption('select[name=lang]', 'en');
    await popup.fill('input[name=from]', '2021-08-15');
    await popup.fill('input[name=to]', '2021-08-31');
    await popup.fill('#reperes-search', 'kabul');
    await expect.poll(ids).toContain('2021-08-26-kabul-airport-bombing');
    await expect.poll(async () => ((l) => l.length > 0 && l.every((id) => id >= '2021-08-15' && id < '2021-09-01'))(await ids())).toBe(true);
    await popup.close();
    await page.close();
  });

  it('a click on one of the page’s entities scrolls to its next mention and opens its card', async () => {
    const page = await open(FR);
    const popup = await openPopupFor(browser, page);
    await popup.waitForSelector('#page-entities li[data-entity=qamar-javed-bajwa]');
    await popup.locator('#page-entities li[data-entity=qamar-javed-bajwa] button').click();
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Qamar Javed Bajwa');
    // Screen readers hear which mention it is, and focus is in the card for the keyboard.
    const spoken = () => page.evaluate(() => document.querySelector('reperes-ui')?.shadowRoot?.querySelector('[role=status]')?.textContent);
    await expect.poll(spoken, { timeout: 5000 }).toMatch(/^mention 1 (of|sur) \d+, Qamar Javed Bajwa$/);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('reperes-ui')?.shadowRoot?.activeElement?.className ?? ''), { timeout: 5000 })
      .toContain('card');
    const top = async () => (await highlights(page)).find((h) => h.type === 'person' && h.text === 'Qamar Javed Bajwa')!.rect.y;
    await expect.poll(top, { timeout: 5000 }).toBeLessThan(900);
    expect(await top()).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('"Don\'t highlight this" on a card hides the entity in every tab, and the popup can undo it', async () => {
    const a = await open(FR);
    const b = await open(EN);
    const has = async (p: Page, text: string) => (await highlights(p)).some((h) => h.text === text);
    expect(await has(a, 'ISI')).toBe(true);
    expect(await has(b, 'ISI')).toBe(true);
    await a.bringToFront();
    await hoverText(a, 'ISI');
    await expect.poll(() => cardText(a), { timeout: 5000 }).toContain('Inter-Services Intelligence');
    const button = await a.evaluate(() => {
      const el = document.querySelector('reperes-ui')!.shadowRoot!.querySelector('.card__action--hide')!.getBoundingClientRect();
      return { x: el.x + el.width / 2, y: el.y + el.height / 2 };
    });
    await a.mouse.move(button.x, button.y, { steps: 5 });
    await a.mouse.click(button.x, button.y);
    for (const p of [a, b]) await expect.poll(() => has(p, 'ISI')).toBe(false);
    expect(await has(a, 'Zamir Kabulov')).toBe(true);

    const popup = await openPopupFor(browser, a);
    await popup.waitForSelector('.hidden-entities li[data-entity=isi]');
    await popup.click('.hidden-entities li[data-entity=isi] .undo');
    for (const p of [a, b]) await expect.poll(() => has(p, 'ISI')).toBe(true);
    for (const p of [popup, a, b]) await p.close();
  });
});
