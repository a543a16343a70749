// Repères in Firefox: the built Firefox add-on (firefox-mv2) in Debian's
// Firefox ESR, on pages served from localhost: highlights, the hover card and
// a category switch from the popup.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, serve } from './harness';
import {
  cardText,
  FIREFOX,
  openExtensionPage,
  highlights,
  hoverText,
  launchFirefox,
  openPopupFor,
  waitForHighlights,
  type LaunchedFirefox,
} from './firefox-harness';
import { expectSeedHighlights, KABULOV_CARD, HOVER_SETTLED_MS } from './probes';

const FR = '/fr-afghanistan-russie.html';
const EN = '/en-kabul-evacuation.html';
const HAS_FIREFOX = existsSync(FIREFOX);

// Only a missing browser skips (scripts/ensure-firefox.sh installs it); a missing build fails.
describe.skipIf(!HAS_FIREFOX)(
  HAS_FIREFOX ? 'Firefox' : `Firefox (skipped: no Firefox at ${FIREFOX}; run scripts/ensure-firefox.sh or set FIREFOX_PATH)`,
  () => {
    let ff: LaunchedFirefox;
    let server: Awaited<ReturnType<typeof serve>>;

    beforeAll(async () => {
      server = await serve([join(ROOT, 'samples'), join(ROOT, 'tests/e2e/fixtures'), join(ROOT, 'tests/e2e/fixtures/import')]);
      ff = await launchFirefox();
    });
    afterAll(async () => {
      await ff?.close();
      await server?.close();
    });

    async function open(path: string): Promise<Page> {
      const page = await ff.browser.newPage();
      await page.goto(server.url + path);
      await waitForHighlights(page);
      return page;
    }

    it('runs a Firefox with the Custom Highlight API', async () => {
      const version = await ff.browser.version();
      expect(version).toMatch(/^firefox\/\d+/i);
      const page = await ff.browser.newPage();
      expect(await page.evaluate(() => typeof Highlight === 'function' && 'highlights' in CSS)).toBe(true);
      await page.close();
    });

    it('marks the seed’s names by category with CSS highlights and leaves the page’s DOM as it was', async () => {
      const page = await open(FR);
      const found = await highlights(page);
      expectSeedHighlights(found, (ok, what) => expect(ok, what).toBe(true));

      // The Highlight API, not the wrapper fallback: the body is the served one.
      const served = readFileSync(join(ROOT, 'samples', FR), 'utf8');
      const same = await page.evaluate((html) => document.body.innerHTML === new DOMParser().parseFromString(html, 'text/html').body.innerHTML, served);
      expect(same).toBe(true);
      expect(await page.evaluate(() => document.querySelectorAll('reperes-mark').length)).toBe(0);

      const en = await open(EN);
      const enFound = await highlights(en);
      expect(enFound.some((h) => h.type === 'place' && h.text === 'Kabul')).toBe(true);
      expect(enFound.some((h) => h.type === 'organization' && h.text === 'Taliban')).toBe(true);
      await en.close();
      await page.close();
    });

    it('opens the hover card, in a shadow root, after a dwell on a name; Escape closes it', async () => {
      const page = await open(FR);
      expect(await cardText(page)).toBeNull();
      await hoverText(page, 'Kabulov');
      await expect.poll(() => cardText(page), { timeout: 5000 }).toContain(KABULOV_CARD[0]);
      const text = (await cardText(page))!;
      for (const part of KABULOV_CARD) expect(text).toContain(part);
      // The card is inside the extension's host element's shadow root, not in the page's DOM.
      const where = await page.evaluate(() => ({
        inPage: document.querySelector('.card') !== null,
        inShadow: document.querySelector('reperes-ui')?.shadowRoot?.querySelector('.card__name')?.textContent ?? null,
      }));
      expect(where).toEqual({ inPage: false, inShadow: 'Zamir Kabulov' });

      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(page), { timeout: 2000 }).toBeNull();
      await page.close();
    });

    it('switching places off in the popup removes place highlights without a reload, and back on', async () => {
      const page = await open(FR);
      const places = async () => (await highlights(page)).filter((h) => h.type === 'place').length;
      expect(await places()).toBeGreaterThan(0);
      // A reload would lose this.
      await page.evaluate(() => {
        (window as unknown as { reperesTestMarker?: string }).reperesTestMarker = 'same document';
      });

      const popup = await openPopupFor(ff, page);
      // The popup talks to this tab's content script: it lists the page's entities.
      await popup.waitForSelector('#page-entities li[data-entity=zamir-kabulov]', { timeout: 10_000 });
      await popup.waitForSelector('input[name=place]');
      expect(await popup.$eval('input[name=place]', (el) => (el as HTMLInputElement).checked)).toBe(true);

      await popup.click('input[name=place]');
      expect(await popup.$eval('input[name=place]', (el) => (el as HTMLInputElement).checked)).toBe(false);
      await expect.poll(places, { timeout: 5000 }).toBe(0);
      expect((await highlights(page)).some((h) => h.type === 'person' && h.text === 'Zamir Kabulov')).toBe(true);

      await popup.click('input[name=place]');
      await expect.poll(places, { timeout: 5000 }).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { reperesTestMarker?: string }).reperesTestMarker)).toBe('same document');
      await popup.close();
      await page.close();
    });

    it('imports a CSV in the options page (worker, IndexedDB), and the card of an open tab lists the imported article', async () => {
      const page = await open('/archive-note.html');
      const options = await openExtensionPage(ff, `moz-extension://${ff.uuid}/options.html`);
      const input = await options.waitForSelector('input[name=files]');
      await input!.uploadFile(join(ROOT, 'tests/e2e/fixtures/import/archive.csv'));
      await options.waitForSelector('.preview', { timeout: 15_000 });
      expect(await options.$eval('.preview__count', (el) => el.textContent)).toMatch(/^2 articles/);
      await options.click('button[name=confirm]');
      await options.waitForSelector('.message--ok', { timeout: 15_000 });

      await page.bringToFront();
      await expect
        .poll(
          async () => {
            await page.mouse.move(1, 1);
            await new Promise((r) => setTimeout(r, HOVER_SETTLED_MS));
            await hoverText(page, 'Zamir Kabulov');
            await new Promise((r) => setTimeout(r, HOVER_SETTLED_MS));
            return cardText(page);
          },
          { timeout: 15_000, interval: 200 },
        )
        .toContain('Test archive: a note that names Zamir Kabulov');
      await options.close();
      await page.close();
    });
  },
);
