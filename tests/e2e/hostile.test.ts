// Hostile and odd pages: Repères works or stays out of the way, never throws
// into the page, and the page keeps working. Large pages:
// hostile-large.test.ts; time on the main thread: the bench (scripts/bench/hostile.ts).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, highlights, hoverText, ROOT, session, waitForHighlights, type Launched } from './harness';
import { HOVER_SETTLED_MS, readCard, readHighlights } from './probes';
import { expectTicking, openWatched, type Watched } from './watched';

const s = session([join(ROOT, 'tests/e2e/fixtures/hostile')]);
let browser: Launched;
beforeAll(async () => {
  await s.start();
  browser = s.state.browser;
});
afterAll(() => s.stop());

/** Opens a page listening for its errors from the start (some pages here break the highlight check `open` waits on). */
function visit(path: string): Promise<Watched> {
  return openWatched(browser.context, s.state.server.url + path);
}

describe('hostile pages', () => {
  it('a strict Content-Security-Policy: highlights still drawn, no error', async () => {
    const v = await visit('/csp.html');
    const { page, errors } = v;
    const found = await waitForHighlights(page);
    expect(found.map((h) => h.text)).toEqual(expect.arrayContaining(['Zamir Kabulov', 'Kabul']));
    await expectTicking(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page that overrides DOM methods, MutationObserver and CSS: Repères runs in its own world', async () => {
    const v = await visit('/overrides.html');
    const { page, errors } = v;
    // The page's own CSS object was replaced, so the test reads the highlights from the extension's side: the
    // badge counts what was found.
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    await expect.poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 15_000 }).toBe('3');
    // The page's own timer: its setInterval was left alone.
    await expectTicking(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shadow roots, a same-origin frame and text rewritten every 10 ms: no error, the page keeps ticking', async () => {
    const v = await visit('/shadow-iframe.html');
    const { page, errors } = v;
    await waitForHighlights(page);
    const texts = (await highlights(page)).map((h) => h.text);
    expect(texts).toContain('Sergey Lavrov');
    // The open shadow root is read, styled for highlights, and hit-tested; the closed one stays closed.
    expect(texts).toContain('Islamabad');
    expect(texts).not.toContain('Tashkent');
    expect(await page.evaluate(() => document.getElementById('open-host')!.shadowRoot!.adoptedStyleSheets.length)).toBe(1);
    await hoverText(page, 'Islamabad');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Islamabad');
    // The same-origin frame is read by its own content script: its names are highlighted there, and open cards there.
    const [frame, slot] = [await (await page.$('#frame'))!.contentFrame(), await (await page.$('#slot'))!.contentFrame()];
    await expect.poll(() => frame!.evaluate(readHighlights).then((hs) => hs.map((h) => h.text)), { timeout: 10_000 }).toEqual(['Kabul']);
    // A same-origin frame with a few words, and an about:blank frame the page writes into (ad slots), are left alone.
    expect(await slot!.evaluate(readHighlights)).toEqual([]);
    const blank = await (await page.$('#blank'))!.contentFrame();
    expect(await blank!.evaluate(() => document.body.textContent!.length)).toBeGreaterThan(200);
    expect(await blank!.evaluate(readHighlights)).toEqual([]);
    // The frame's content box starts inside its border.
    const box = await page.locator('#frame').evaluate((f) => {
      const r = f.getBoundingClientRect();
      return { x: r.x + f.clientLeft, y: r.y + f.clientTop };
    });
    await page.mouse.move(1, 1);
    await page.waitForTimeout(HOVER_SETTLED_MS);
    const [kabul] = await frame!.evaluate(readHighlights);
    await page.mouse.move(box.x + kabul!.rect.x + kabul!.rect.width / 2, box.y + kabul!.rect.y + kabul!.rect.height / 2, { steps: 4 });
    await expect.poll(() => frame!.evaluate(readCard), { timeout: 5000 }).toContain('Kabul');
    // Its own 10 ms timer still runs (how fast is the bench's business, not a test's).
    await expectTicking(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});
