// Names Repères does not know yet: the popup lists those of the page, with a
// guessed type; "Add" opens the options page with the form filled in, and
// the name is then highlighted in the tab.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlights, openPopupFor, ROOT, session, type Launched } from './harness';

const s = session([join(ROOT, 'tests/e2e/fixtures/import')]);
let browser: Launched;
beforeAll(async () => {
  await s.start();
  browser = s.state.browser;
});
afterAll(() => s.stop());

describe('names Repères does not know yet', () => {
  it('the popup lists a page’s unknown names; adding one highlights it in that tab', async () => {
    const page = await s.open('/list-names.html');
    const popup = await openPopupFor(browser, page);
    const listed = () => popup.locator('#unknown-names-list li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-name')));
    await expect.poll(listed, { timeout: 15_000 }).toEqual(expect.arrayContaining(['Talvio Brennick', 'Port Quillan']));
    // Kabul is known: it is on the page's list of names, not here.
    expect(await listed()).not.toContain('Kabul');
    expect(await popup.locator('li[data-name="Talvio Brennick"] .chip').getAttribute('class')).toContain('chip--person');

    const [options] = await Promise.all([browser.context.waitForEvent('page'), popup.locator('li[data-name="Talvio Brennick"] button[name=add-name]').click()]);
    await options.waitForSelector('input[name=entity-name]');
    expect(await options.locator('input[name=entity-name]').inputValue()).toBe('Talvio Brennick');
    expect(await options.locator('select[name=entity-type]').inputValue()).toBe('person');
    await options.locator('.entity-form button[type=submit]').click();
    await expect.poll(async () => (await highlights(page)).map((h) => `${h.text}:${h.type}`), { timeout: 15_000 }).toContain('Talvio Brennick:person');
    await options.locator('.entity-list button[name=delete-entity]').click();
    await Promise.all([options.close(), page.close()]);
  });
});
