// A switch survives a browser restart: the setting is in local storage, and
// a page opened after the restart is highlighted accordingly.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlights, launch, openPopupFor, ROOT, serve, waitForHighlights } from './harness';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

let server: Awaited<ReturnType<typeof serve>>;
const profile = mkdtempSync(join(tmpdir(), 'reperes-profile-'));

beforeAll(async () => {
  server = await serve([join(ROOT, 'samples')]);
});
afterAll(async () => {
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('settings across restarts', () => {
  it('keeps people switched off after the browser restarts', async () => {
    const first = await launch({ userDataDir: profile });
    try {
      const page = await first.context.newPage();
      await page.goto(`${server.url}/fr-afghanistan-russie.html`);
      await waitForHighlights(page);
      const popup = await openPopupFor(first, page);
      await popup.uncheck('input[name=person]');
      await expect.poll(async () => (await highlights(page)).filter((h) => h.type === 'person').length).toBe(0);
    } finally {
      await first.context.close();
    }

    const second = await launch({ userDataDir: profile });
    try {
      const again = await second.context.newPage();
      await again.goto(`${server.url}/fr-afghanistan-russie.html`);
      const found = await waitForHighlights(again);
      expect(found.some((h) => h.type === 'place')).toBe(true);
      expect(found.some((h) => h.type === 'person')).toBe(false);
      const popup2 = await openPopupFor(second, again);
      await popup2.waitForSelector('input[name=person]');
      expect(await popup2.isChecked('input[name=person]')).toBe(false);
    } finally {
      await second.context.close();
    }
  });
});
