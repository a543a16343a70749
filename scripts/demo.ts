// npm run demo — shows Repères on the bundled sample pages. Builds first
// (see package.json), serves samples/ on localhost and opens Chromium with
// the extension loaded. Without a display it runs headless and writes
// screenshots to demo-output/; with one, it leaves the browser open.
// The store-*.png screenshots are at the size the stores ask for (1280 × 800).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { cardText, hoverText, launch, openPopupFor, ROOT, serve, waitForHighlights } from '../tests/e2e/harness';

const OUT = join(ROOT, 'demo-output');
const headless = !process.env.DISPLAY;
const STORE = { width: 1280, height: 800 };
// The toolbar popup's size: its own width (popup.css), and the height Chrome allows a popup at most.
const POPUP = { width: 380, height: 600 };

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await serve([join(ROOT, 'samples')]);
  const browser = await launch({ headless });
  const shots: string[] = [];
  const shot = async (page: import('playwright-core').Page, name: string) => {
    const path = join(OUT, name);
    await page.screenshot({ path });
    shots.push(path);
  };
  const save = async (image: Sharp, name: string) => {
    const path = join(OUT, name);
    // The Chrome Web Store takes screenshots without an alpha channel.
    await image.removeAlpha().png().toFile(path);
    shots.push(path);
  };

  const fr = await browser.context.newPage();
  await fr.goto(`${server.url}/fr-afghanistan-russie.html`);
  const found = await waitForHighlights(fr);
  console.log(`French sample: ${found.length} mentions highlighted`);
  await shot(fr, '1-highlights-fr.png');

  await hoverText(fr, 'Kabulov');
  await fr.waitForFunction(() => {
    const mount = document.querySelector('reperes-ui')?.shadowRoot?.querySelector('div');
    return mount?.style.visibility === 'visible';
  });
  await fr.waitForTimeout(400); // let the card's fade-in finish
  console.log(`Hover card: ${(await cardText(fr))?.slice(0, 80)}…`);
  await shot(fr, '2-hover-card.png');

  // A place's card, with its locator map drawn offline.
  await fr.keyboard.press('Escape');
  await hoverText(fr, 'Hairatan');
  await fr.waitForFunction(() => !!document.querySelector('reperes-ui')?.shadowRoot?.querySelector('.card__map'));
  await fr.waitForTimeout(400);
  await shot(fr, '2b-place-card.png');

  const en = await browser.context.newPage();
  await en.goto(`${server.url}/en-kabul-evacuation.html`);
  console.log(`English sample (dark page): ${(await waitForHighlights(en)).length} mentions highlighted`);
  await shot(en, '3-highlights-en-dark.png');

  const popup = await openPopupFor(browser, fr);
  await popup.setViewportSize({ width: 380, height: 760 });
  await popup.waitForSelector('#related-articles li');
  await shot(popup, '4-popup.png');
  await popup.fill('#reperes-search', 'kabol');
  await popup.waitForSelector('#search-results li');
  await shot(popup, '5-popup-search.png');

  // A reader's own archive: the options page previews it, then imports it.
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.setInputFiles('input[name=files]', join(ROOT, 'samples/archive-demo.csv'));
  await options.waitForSelector('.preview');
  await shot(options, '6-options-import-preview.png');
  await options.locator('button[name=confirm]').click();
  await options.waitForSelector('.message--ok');
  console.log(`Options page: ${await options.locator('.message--ok').textContent()}`);
  await shot(options, '7-options-collection.png');

  // For the store listings, on a tab of their own at the stores' size.
  const store = await browser.context.newPage();
  await store.setViewportSize(STORE);
  await store.goto(`${server.url}/fr-afghanistan-russie.html`);
  await waitForHighlights(store);
  const article = await store.screenshot();
  // The marks without colour: they must still stand out for readers who do not see it.
  await save(sharp(article).grayscale(), '8-highlights-greyscale.png');

  await hoverText(store, 'Kabulov');
  await store.waitForFunction(() => document.querySelector('reperes-ui')?.shadowRoot?.querySelector('div')?.style.visibility === 'visible');
  await store.waitForTimeout(400); // let the card's fade-in finish
  await shot(store, 'store-1-card-1280x800.png');

  // The popup over its article, where the toolbar drops it (top right), drawn
  // into the article's screenshot: the popup is a page of the extension, which
  // no web page may frame.
  const storePopup = await openPopupFor(browser, store);
  await storePopup.setViewportSize(POPUP);
  await storePopup.waitForSelector('#related-articles li');
  const popupImage = await storePopup.screenshot();
  const at = { left: STORE.width - POPUP.width - 16, top: 8 };
  const frame = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${STORE.width}" height="${STORE.height}">` +
      `<filter id="blur" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="8"/></filter>` +
      `<rect x="${at.left}" y="${at.top + 4}" width="${POPUP.width}" height="${POPUP.height}" fill="#000" opacity="0.3" filter="url(#blur)"/>` +
      `</svg>`,
  );
  const border = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${STORE.width}" height="${STORE.height}">` +
      `<rect x="${at.left - 0.5}" y="${at.top - 0.5}" width="${POPUP.width + 1}" height="${POPUP.height + 1}" fill="none" stroke="#c4c7c5"/>` +
      `</svg>`,
  );
  await save(
    sharp(article).composite([
      { input: frame, left: 0, top: 0 },
      { input: popupImage, ...at },
      { input: border, left: 0, top: 0 },
    ]),
    'store-2-popup-1280x800.png',
  );
  await storePopup.close();

  console.log('\nScreenshots:');
  for (const s of shots) console.log(`  ${s}`);

  if (headless) {
    await browser.close();
    await server.close();
    return;
  }
  await popup.close();
  await fr.bringToFront();
  console.log(`\nChromium is open with Repères on ${server.url}/fr-afghanistan-russie.html. Close it or press Ctrl+C to end.`);
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
