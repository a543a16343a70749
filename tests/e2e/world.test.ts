// The world pack in a real browser: names from any page are highlighted,
// a namesake is chosen by the page's other names and its card offers the
// others, a card says when its description was last known true, and known
// names inside longer unknown ones stay unmarked.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, hoverText, ROOT, session, waitForHighlights } from './harness';

const s = session([join(ROOT, 'tests/e2e/fixtures')]);
beforeAll(() => s.start());
afterAll(() => s.stop());

describe('the world pack on a page', () => {
  it('highlights names from anywhere, decides Georgia by Tbilisi, and leaves names inside unknown ones alone', async () => {
    const page = await s.open('/world.html');
    const found = await waitForHighlights(page);
    const texts = found.map((h) => h.text);
    for (const name of ['Tbilisi', 'Georgia', 'European Union', 'London', 'Keir Starmer', 'Ukraine']) expect(texts, name).toContain(name);
    // "China" opens "China Airlines", a name Repères does not know; "nice" is a word here.
    expect(texts).not.toContain('China');
    expect(texts.filter((t) => /nice/i.test(t))).toEqual([]);

    await hoverText(page, 'Georgia');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Did you mean');
    const georgia = (await cardText(page))!;
    expect(georgia).toContain('“Georgia”: chosen because Tbilisi is on this page.');
    expect(georgia).toContain('Georgia (U.S. state)');

    await hoverText(page, 'Keir Starmer');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Keir Starmer');
    const starmer = (await cardText(page))!;
    expect(starmer).toMatch(/as of [A-Z][a-z]+ 20\d\d/);
    expect(starmer).toContain('No article in the dataset mentions it yet.');
    await page.close();
  });
});
