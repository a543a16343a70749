// Reloading or updating the extension: the old content script notices and
// leaves nothing behind in open tabs (no orphan highlights, styles, UI or
// errors), so a new one can never double them.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlights, hoverText, ROOT, session } from './harness';
import { HOVER_SETTLED_MS } from './probes';

const s = session([join(ROOT, 'samples')]);
beforeAll(() => s.start());
afterAll(() => s.stop());

describe('extension reload', () => {
  it('tears down every highlight, style and listener in an open tab', async () => {
    const { browser } = s.state;
    const page = await s.open('/fr-afghanistan-russie.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const name = (await highlights(page)).find((h) => h.text === 'Kabulov')!.rect;
    await hoverText(page, 'Kabulov'); // creates the card's host too
    await page.waitForFunction(() => !!document.querySelector('reperes-ui'));
    await browser.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    const state = () =>
      page.evaluate(() => ({
        highlights: [...(CSS.highlights as unknown as Map<string, unknown>).keys()].filter((k) => k.startsWith('reperes-')).length,
        sheets: document.adoptedStyleSheets.length,
        hosts: document.querySelectorAll('reperes-ui').length,
      }));
    await expect.poll(state, { timeout: 10_000 }).toEqual({ highlights: 0, sheets: 0, hosts: 0 });
    // The old listeners are gone too: moving back over the name that opened a card opens nothing.
    await page.mouse.move(10, 10);
    await page.mouse.move(name.x + name.width / 2, name.y + name.height / 2, { steps: 5 });
    await page.waitForTimeout(HOVER_SETTLED_MS);
    expect((await state()).hosts).toBe(0);
    expect(errors).toEqual([]);
  });
});
