// Backup and restore, end to end: in one browser profile, a collection, an
// entity of one's own, a list of names and a hidden entity; everything
// exported in one file from the options page; a fresh profile restores it
// (after a preview) and highlights the same names on the same pages, the
// hidden one left out, the collection listed and in the cards; the same file
// restored again has nothing to change.
import { cardFor } from './card-for';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, highlights, hoverText, launch, ROOT, serve, waitForHighlights, type Launched } from './harness';

const FIXTURES = join(ROOT, 'tests/e2e/fixtures/import');
const FR = '/fr-afghanistan-russie.html';
const PAGES = [FR, '/own-entity.html', '/list-names.html', '/archive-note.html'];
const TITLE = 'Test archive: a note that names Zamir Kabulov';
/** Long enough for a whole profile's setup, which imports, scans and rebuilds several times. */
const PROFILE_TIMEOUT = 180_000;

let server: Awaited<ReturnType<typeof serve>>;
const dir = mkdtempSync(join(tmpdir(), 'reperes-backup-'));
const backupFile = join(dir, 'backup.json');
const launched: Launched[] = [];
/** Each page's highlights in profile A, once everything was added. */
const seen = new Map<string, string[]>();

beforeAll(async () => {
  server = await serve([join(ROOT, 'samples'), FIXTURES]);
});
afterAll(async () => {
  for (const b of launched) await b.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<Launched> {
  const b = await launch();
  launched.push(b);
  return b;
}

async function open(browser: Launched, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url + path);
  await waitForHighlights(page);
  return page;
}

async function optionsPage(browser: Launched): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('input[name=backup-file]');
  return page;
}

/** A page's highlights as "text:type", sorted: what two profiles must agree on. */
const signature = async (page: Page) => (await highlights(page)).map((h) => `${h.text}:${h.type}`).sort();

describe('backup and restore', () => {
  it(
    'profile A: a collection, an entity, a list of names and a hidden entity, exported in one file',
    async () => {
      const a = await start();
      const options = await optionsPage(a);

      await options.setInputFiles('input[name=files]', join(FIXTURES, 'archive.csv'));
      await options.waitForSelector('.preview button[name=confirm]');
      await options.locator('button[name=confirm]').click();
      await expect.poll(() => options.locator('.collection .collection__name').allTextContents(), { timeout: 15_000 }).toEqual(['archive']);

      await options.fill('input[name=entity-name]', 'Meridian Relief Network');
      await options.selectOption('select[name=entity-type]', 'organization');
      await options.fill('textarea[name=entity-aliases]', 'MRN');
      await options.locator('.entity-form button[type=submit]').click();
      await expect.poll(() => options.locator('.entity-list li').count()).toBe(1);

      await options.setInputFiles('input[name=list-file]', join(FIXTURES, 'beat.csv'));
      await options.waitForSelector('.list-preview');
      await options.locator('button[name=list-confirm]').click();
      await expect.poll(() => options.locator('.lists [role=status]').textContent(), { timeout: 15_000 }).toMatch(/^Imported/);

      // "Don't highlight this" on ISI's card.
      const fr = await open(a, FR);
      await fr.bringToFront();
      await hoverText(fr, 'ISI');
      await expect.poll(() => cardText(fr), { timeout: 5000 }).toContain('Inter-Services Intelligence');
      const button = await fr.evaluate(() => {
        const el = document.querySelector('reperes-ui')!.shadowRoot!.querySelector('.card__action--hide')!.getBoundingClientRect();
        return { x: el.x + el.width / 2, y: el.y + el.height / 2 };
      });
      await fr.mouse.move(button.x, button.y, { steps: 5 });
      await fr.mouse.click(button.x, button.y);
      await expect.poll(async () => (await signature(fr)).filter((h) => h.startsWith('ISI:'))).toEqual([]);
      await fr.close();

      // What this profile shows, once every change has reached the background.
      const expected: Record<string, string> = {
        [FR]: 'Zamir Kabulov:person',
        '/own-entity.html': 'Meridian Relief Network:organization',
        '/list-names.html': 'Talvio Brennick:person',
        '/archive-note.html': 'Zamir Kabulov:person',
      };
      for (const path of PAGES) {
        const page = await open(a, path);
        await expect.poll(() => signature(page), { timeout: 15_000 }).toContain(expected[path]);
        seen.set(path, await signature(page));
        await page.close();
      }
      expect(seen.get(FR)).not.toContain('ISI:organization');

      const [download] = await Promise.all([options.waitForEvent('download'), options.locator('button[name=backup-export]').click()]);
      await download.saveAs(backupFile);
      expect(download.suggestedFilename()).toMatch(/^reperes-backup-\d{4}-\d{2}-\d{2}\.json$/);
      await expect.poll(() => options.locator('.backup__status').textContent()).toMatch(/^Exported as reperes-backup-/);
      const backup = JSON.parse(readFileSync(backupFile, 'utf8')) as {
        format: string;
        version: number;
        settings: { hiddenEntities: string[] };
        entities: { name: { en: string } }[];
        packs: { meta: { name: string }; content: { entities: unknown[] } }[];
        collections: { meta: { name: string }; articles: { title: string; body: string }[] }[];
      };
      expect(backup).toMatchObject({ format: 'reperes-backup', version: 1 });
      expect(backup.settings.hiddenEntities).toEqual(['isi']);
      expect(backup.entities.map((e) => e.name.en)).toEqual(['Meridian Relief Network']);
      expect(backup.packs.map((p) => [p.meta.name, p.content.entities.length])).toEqual([['beat', 2]]);
      expect(backup.collections.map((c) => [c.meta.name, c.articles.length])).toEqual([['archive', 2]]);
      expect(backup.collections[0]!.articles.map((a) => a.title)).toContain(TITLE);
      await a.close();
      launched.splice(launched.indexOf(a), 1);
    },
    PROFILE_TIMEOUT,
  );

  let b: Launched;
  it(
    'profile B: a damaged file changes nothing; the backup is previewed, applied, and the same names are highlighted',
    async () => {
      expect(seen.size).toBe(PAGES.length);
      b = await start();
      const options = await optionsPage(b);

      // A damaged file: its problem with its place, nothing to apply, nothing stored.
      await options.setInputFiles('input[name=backup-file]', {
        name: 'damaged.json',
        mimeType: 'application/json',
        buffer: Buffer.from(readFileSync(backupFile, 'utf8').replace('"enabled": true', '"enabled": "yes"')),
      });
      await options.waitForSelector('.backup-preview__blocked');
      expect(await options.locator('.backup-preview .problem--error').first().textContent()).toMatch(
        /^Error damaged\.json, line \d+: \w+\[0\]\.meta\.enabled: expected true or false, found "yes"$/,
      );
      expect(await options.locator('button[name=backup-apply]').count()).toBe(0);
      await options.locator('button[name=backup-cancel]').click();
      expect(await options.locator('.collection').count()).toBe(0);

      await options.setInputFiles('input[name=backup-file]', backupFile);
      await options.waitForSelector('.backup-preview');
      expect(await options.locator('.backup-preview__settings').getAttribute('data-change')).toBe('true');
      expect(await options.locator('.backup-preview__entities').textContent()).toBe('Your entities: 1 added, 0 updated, 0 unchanged');
      expect(await options.locator('.backup-preview__packs').textContent()).toBe('Lists of names: 1 added (beat), 0 replaced, 0 unchanged');
      expect(await options.locator('.backup-preview__collections').textContent()).toBe(
        'Collections: 1 added (archive), 0 replaced, 0 unchanged; 2 articles to store',
      );
      expect(await options.locator('.backup-preview .problem').count()).toBe(0);
      await options.locator('button[name=backup-apply]').click();
      await expect.poll(() => options.locator('.backup__status').textContent(), { timeout: 15_000 }).toMatch(/^Restored/);
      await expect.poll(() => options.locator('.collection .collection__name').allTextContents()).toEqual(['archive']);
      expect(await options.locator('.entity-list li').count()).toBe(1);
      // The lists section reads its packs as the page opens.
      await options.reload();
      await options.waitForSelector('input[name=backup-file]');
      await expect.poll(() => options.locator('.pack-list li .collection__name').allTextContents()).toEqual(['beat']);

      for (const path of PAGES) {
        const page = await open(b, path);
        await expect.poll(() => signature(page), { timeout: 15_000 }).toEqual(seen.get(path));
        if (path === '/archive-note.html') expect(await cardFor(page, 'Zamir Kabulov', TITLE)).toContain('Test Archive');
        await page.close();
      }
      await options.close();
    },
    PROFILE_TIMEOUT,
  );

  it('profile B: the same file again has nothing to change and offers nothing to apply', async () => {
    const options = await optionsPage(b);
    const revision = () => b.worker.evaluate(async () => (await chrome.storage.local.get('datasetRevision')).datasetRevision as number | undefined);
    const before = await revision();
    await options.setInputFiles('input[name=backup-file]', backupFile);
    await options.waitForSelector('.backup-preview');
    expect(await options.locator('.backup-preview__nothing').textContent()).toBe('Nothing to change: this browser already has everything this backup holds.');
    expect(await options.locator('button[name=backup-apply]').count()).toBe(0);
    expect(await revision()).toBe(before);
    await options.close();
  });
});
