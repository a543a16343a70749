// Bring your own articles, end to end: a CSV imported in the options page
// reaches the hover card, the popup and the reader in tabs already open; an
// entity added there is highlighted at once; a bad file stores nothing; a
// collection can be switched off, exported and deleted.
import { cardFor } from './card-for';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlights, openPopupFor, ROOT, session, type Launched } from './harness';

const FIXTURES = join(ROOT, 'tests/e2e/fixtures/import');
const s = session([join(ROOT, 'samples'), FIXTURES]);
let browser: Launched;
const requests: string[] = [];
beforeAll(async () => {
  await s.start();
  browser = s.state.browser;
  browser.context.on('request', (r) => requests.push(r.url()));
});
afterAll(() => s.stop());

const TITLE = 'Test archive: a note that names Zamir Kabulov';

async function optionsPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('input[name=files]');
  return page;
}

describe('importing a collection', () => {
  it('a CSV shows a preview, then its article is in the card and the popup of a tab opened before', async () => {
    const page = await s.open('/archive-note.html');
    const options = await optionsPage();
    await options.setInputFiles('input[name=files]', join(FIXTURES, 'archive.csv'));
    await options.waitForSelector('.preview');
    expect(await options.locator('.preview__count').textContent()).toMatch(/^2 articles, from 2023-02-14 to 2023-03-01/);
    expect(await options.locator('.preview__langs').textContent()).toMatch(/EN 1, FR 1/);
    const found = await options.locator('.preview__entities [data-entity]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity')));
    expect(found).toEqual(expect.arrayContaining(['zamir-kabulov', 'kabul', 'mazar-i-sharif', 'taliban']));
    expect(await options.locator('.problem--error').count()).toBe(0);
    expect(await options.locator('input[name=collection-name]').inputValue()).toBe('archive');
    await options.locator('button[name=confirm]').click();
    await expect.poll(() => options.locator('.message--ok').textContent()).toBe('Imported 2 articles into “archive”.');
    await expect.poll(() => options.locator('.collection .collection__name').allTextContents()).toEqual(['archive']);

    // The tab was open before the import: its card now lists the imported article.
    const card = await cardFor(page, 'Zamir Kabulov', TITLE);
    expect(card).toContain('Test Archive');
    // With the sentence around the name, from the article's text (stored apart, read when a card needs it).
    expect(card).toContain('This test article names Zamir Kabulov, the Russian envoy, and Kabul.');

    const popup = await openPopupFor(browser, page);
    const related = popup.locator('#related-articles li', { hasText: TITLE });
    await expect.poll(() => related.count()).toBe(1);
    expect(await related.locator('.article__meta').textContent()).toContain('archive');
    const id = (await related.getAttribute('data-article'))!;
    // A query of the title's words (before, an unfinished empty-query answer could list it by chance).
    await popup.fill('#reperes-search', 'test archive');
    await expect.poll(() => popup.locator('#search-results li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-article')))).toContain(id);

    // The reader shows it, with a link to the original and its names highlighted.
    const reader = await browser.context.newPage();
    await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${encodeURIComponent(id)}`);
    await reader.waitForSelector('.reader__title');
    expect(await reader.locator('.reader__title').textContent()).toBe(TITLE);
    expect(await reader.locator('.reader__source a').getAttribute('href')).toBe('https://archive.example/kabulov-note');
    await expect.poll(async () => (await highlights(reader)).map((h) => h.text)).toContain('Zamir Kabulov');
    await Promise.all([reader.close(), popup.close(), options.close(), page.close()]);
  });

  it('a collection switched off leaves the card, comes back on, exports as JSON and is deleted whole', async () => {
    const page = await s.open('/fr-afghanistan-russie.html');
    const options = await optionsPage();
    const row = options.locator('.collection').first();
    await row.locator('input[name=enabled]').uncheck();
    await expect.poll(() => cardFor(page, 'Zamir Kabulov', 'Zamir Kabulov').then((t) => t?.includes(TITLE))).toBe(false);
    await row.locator('input[name=enabled]').check();
    await cardFor(page, 'Zamir Kabulov', TITLE);

    const [download] = await Promise.all([options.waitForEvent('download'), row.locator('button[name=export]').click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      format: string;
      name: string;
      articles: { title: string; text: string; url?: string }[];
    };
    expect(exported.format).toBe('reperes-collection');
    expect(exported.name).toBe('archive');
    expect(exported.articles.map((a) => a.title)).toEqual([TITLE, 'Archive de test : une note sur Mazar-i-Sharif']);
    expect(exported.articles[0]?.text).toContain('It exists only for the end-to-end test');

    await row.locator('button[name=rename]').click();
    await row.locator('input[name=rename]').fill('Archive 2023');
    await row.locator('button[type=submit]').click();
    await expect.poll(() => options.locator('.collection__name').allTextContents()).toEqual(['Archive 2023']);

    await options.locator('.collection button[name=delete]').click();
    await options.locator('.collection button[name=confirm-delete]').click();
    await expect.poll(() => options.locator('.collection').count()).toBe(0);
    await expect.poll(() => cardFor(page, 'Zamir Kabulov', 'Zamir Kabulov').then((t) => t?.includes(TITLE))).toBe(false);
    await Promise.all([options.close(), page.close()]);
  });

  it('a file with a missing column lists the problem and cannot be imported; nothing is stored', async () => {
    const options = await optionsPage();
    await options.setInputFiles('input[name=files]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('title,date\nA title,2021-08-15\n') });
    await options.waitForSelector('.preview');
    expect(await options.locator('.problem--error').first().textContent()).toMatch(/bad\.csv, row 1.*text/);
    expect(await options.locator('button[name=confirm]').isDisabled()).toBe(true);
    await options.reload();
    await options.waitForSelector('input[name=files]');
    expect(await options.locator('.collection').count()).toBe(0);
    await options.close();
  });

  it('a long import shows progress, stays responsive and can be cancelled; nothing is stored', async () => {
    const options = await optionsPage();
    const rows = ['title,date,lang,text'];
    const body = 'Zamir Kabulov said in Moscow that the talks on Kabul would go on. '.repeat(20);
    for (let i = 0; i < 20_000; i++) rows.push(`"Row ${i}",2022-05-01,en,"${body}"`);
    await options.setInputFiles('input[name=files]', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await options.waitForSelector('.progress progress');
    // The page answers while the worker parses: the name field can be typed into.
    await options.fill('input[name=collection-name]', 'still responsive');
    await options.locator('button[name=cancel]').click();
    await expect.poll(() => options.locator('.import__status').textContent()).toBe('Import cancelled: nothing was stored.');
    expect(await options.locator('.preview').count()).toBe(0);
    expect(await options.locator('.collection').count()).toBe(0);
    await options.close();
  });

  it('an entity of one’s own is highlighted at once in an open tab, with its card, and can be edited', async () => {
    const page = await s.open('/own-entity.html');
    expect((await highlights(page)).map((h) => h.text)).not.toContain('Meridian Relief Network');
    const options = await optionsPage();
    await options.fill('input[name=entity-name]', 'Meridian Relief Network');
    await options.selectOption('select[name=entity-type]', 'organization');
    await options.fill('textarea[name=entity-aliases]', 'MRN');
    await options.fill('textarea[name=entity-description]', 'A test organisation <b>added</b> by the reader.');
    await options.locator('.entity-form button[type=submit]').click();
    await expect.poll(() => options.locator('.entity-list li').count()).toBe(1);
    await expect
      .poll(async () => (await highlights(page)).map((h) => `${h.text}:${h.type}`), { timeout: 15_000 })
      .toContain('Meridian Relief Network:organization');
    const card = await cardFor(page, 'Meridian Relief Network', 'Meridian Relief Network');
    // Shown as text, tags and all.
    expect(card).toContain('A test organisation <b>added</b> by the reader.');

    // Edited (a place now, say), it is highlighted as one at once.
    await options.locator('.entity-list button[name=edit-entity]').click();
    expect(await options.locator('input[name=entity-name]').inputValue()).toBe('Meridian Relief Network');
    await options.selectOption('select[name=entity-type]', 'place');
    await options.locator('.entity-form button[type=submit]').click();
    await expect.poll(async () => (await highlights(page)).map((h) => `${h.text}:${h.type}`), { timeout: 15_000 }).toContain('Meridian Relief Network:place');
    expect(await options.locator('.entity-list li').count()).toBe(1);

    // A name Repères already knows is refused, naming its owner.
    await options.fill('input[name=entity-name]', 'Kabul');
    await options.locator('.entity-form button[type=submit]').click();
    await expect.poll(() => options.locator('.field__error').first().textContent()).toContain('already a name of Kabul');

    await options.locator('.entity-list button[name=delete-entity]').click();
    await expect.poll(async () => (await highlights(page)).map((h) => h.text), { timeout: 15_000 }).not.toContain('Meridian Relief Network');
    await Promise.all([options.close(), page.close()]);
  });

  it('a colour and the fill chosen in the options page reach the highlights of an open tab at once', async () => {
    const page = await s.open('/own-entity.html');
    /** The page's ::highlight() rules for places, as Repères adopted them. */
    const placeRule = () =>
      page.evaluate(() =>
        document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).find((text) => text.startsWith('::highlight(reperes-place)')),
      );
    expect(await placeRule()).toMatch(/dotted/);
    const options = await optionsPage();
    await options.locator('input[name=color-place]').fill('#123456');
    await expect.poll(placeRule, { timeout: 15_000 }).toMatch(/rgb\(18, 52, 86\)/);
    expect(await placeRule()).toContain('background-color');
    await options.locator('input[name=fill]').uncheck();
    await expect.poll(placeRule, { timeout: 15_000 }).not.toContain('background-color');
    await options.getByRole('button', { name: 'Default colours' }).click();
    await expect.poll(placeRule, { timeout: 15_000 }).toContain('background-color');
    await Promise.all([options.close(), page.close()]);
  });

  it('a CSV list and a Wikidata query file become packs: their names highlighted in a tab opened before, with the imported descriptions', async () => {
    const page = await s.open('/list-names.html');
    expect((await highlights(page)).map((h) => h.text)).not.toContain('Talvio Brennick');
    const options = await optionsPage();
    const importList = async (file: string, type?: string) => {
      await options.setInputFiles('input[name=list-file]', join(FIXTURES, file));
      await options.waitForSelector('.list-preview');
      if (type) await options.selectOption('select[name=list-type]', type);
      await options.locator('button[name=list-confirm]').click();
      await expect.poll(() => options.locator('.lists [role=status]').textContent(), { timeout: 15_000 }).toMatch(/^Imported/);
    };
    await importList('beat.csv');
    await expect.poll(() => options.locator('.pack-list li').count()).toBe(1);
    // The query results say no type: the preview asks, and the reader chooses place.
    await importList('wikidata-query.json', 'place');
    await expect.poll(() => options.locator('.pack-list li').count()).toBe(2);
    await expect
      .poll(async () => (await highlights(page)).map((h) => `${h.text}:${h.type}`), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['Talvio Brennick:person', 'Port Quillan:place']));
    expect(await cardFor(page, 'Talvio Brennick', 'A fictional spokesman from the test list')).toContain('Talvio Brennick');
    expect(await cardFor(page, 'Port Quillan', 'fictional harbour town of the Wikidata test file')).toContain('Port Quillan');
    // Switched off, its names are no longer highlighted; deleted, it is gone.
    await options.locator('.pack-list li', { hasText: 'beat' }).locator('input[name=enabled]').uncheck();
    await expect.poll(async () => (await highlights(page)).map((h) => h.text), { timeout: 15_000 }).not.toContain('Talvio Brennick');
    for (let n = 2; n > 0; n--) {
      await options.locator('.pack-list li').first().locator('button[name=delete]').click();
      await options.locator('.pack-list li').first().locator('button[name=confirm-delete]').click();
      await expect.poll(() => options.locator('.pack-list li').count()).toBe(n - 1);
    }
    await expect.poll(async () => (await highlights(page)).map((h) => h.text), { timeout: 15_000 }).not.toContain('Port Quillan');
    await Promise.all([options.close(), page.close()]);
  });

  it('after an import, the names its articles have that Repères does not know are offered; one added is found in them at once', async () => {
    const page = await s.open('/list-names.html');
    const options = await optionsPage();
    await options.setInputFiles('input[name=files]', join(FIXTURES, 'unknown-names.csv'));
    await options.waitForSelector('.preview button[name=confirm]');
    await options.locator('button[name=confirm]').click();
    const offered = () => options.locator('.suggestion-list li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-name')));
    await expect.poll(offered, { timeout: 15_000 }).toContain('Talvio Brennick');
    expect(await offered()).not.toContain('Kabul');
    await options.locator('.suggestion-list li[data-name="Talvio Brennick"] button[name=add-suggestion]').click();
    await expect.poll(() => options.locator('.entity-list li').count()).toBe(1);
    // Its card lists the imported articles that name it: found in them without importing them again.
    await expect.poll(async () => (await highlights(page)).map((h) => h.text), { timeout: 15_000 }).toContain('Talvio Brennick');
    expect(await cardFor(page, 'Talvio Brennick', 'Talks end without a deal')).toContain('Harbour talks resume');
    await options.locator('.entity-list button[name=delete-entity]').click();
    await options.locator('.collection button[name=delete]').click();
    await options.locator('.collection button[name=confirm-delete]').click();
    await expect.poll(() => options.locator('.collection').count()).toBe(0);
    await Promise.all([options.close(), page.close()]);
  });

  it('made no network request beyond the test server and its own files, options page, import and export included', () => {
    const outside = requests.filter((u) => !u.startsWith(s.state.server.url) && !/^(chrome-extension|data|blob):/.test(u));
    expect(requests.some((u) => u.includes('/options.html'))).toBe(true);
    expect(requests.some((u) => u.includes('/reader.html'))).toBe(true);
    expect(outside).toEqual([]);
  });
});
