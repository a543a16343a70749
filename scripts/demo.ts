// npm run demo — shows Repères on the bundled sample pages. Builds first
// (see package.json), serves samples/ on localhost and opens Chromium with
// the extension loaded. Without a display it runs headless and writes
// screenshots to demo-output/; with one, it leaves the browser open.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cardText, hoverText, launch, openPopupFor, ROOT, serve, waitForHighlights } from '../tests/e2e/harness';

const OUT = join(ROOT, 'demo-output');
const headless = !process.env.DISPLAY;

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
