// Accessibility in a real browser: axe-core judges the popup, the options
// page (empty, with an import preview, with a collection), the reader page
// and an open hover card against WCAG 2.1 A and AA, in the light and the dark
// colour scheme; and the card stays visible in forced colours (Windows high
// contrast), where the browser replaces the page's colours with the system's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults, NodeResult, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, hoverText, openPopupFor, ROOT, session, waitForHighlights, type Launched } from './harness';
import { CARD_SETTLED_MS } from './probes';

/** axe's own build, evaluated through the driver: the extension pages' CSP refuses a script element. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const WCAG_21_AA: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
};
const FR = '/fr-afghanistan-russie.html';
const BUNDLED_ARTICLE = '2021-09-11-islamabad-chefs-renseignement';

const s = session([join(ROOT, 'samples'), join(ROOT, 'tests/e2e/fixtures')]);
let browser: Launched;
beforeAll(async () => {
  await s.start();
  browser = s.state.browser;
});
afterAll(() => s.stop());

/** A selector as axe gives it: a path through shadow roots is a list of selectors, one per tree. */
const selector = (t: NodeResult['target'][number]) => (Array.isArray(t) ? t.join(' >>> ') : t);

/** One line per failing element: what to fix and where. */
function describeViolations(where: string, violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => {
      const why = (n.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      return `${where}: ${v.id} (${v.impact ?? 'no impact'}) at ${n.target.map(selector).join(', ')}${why ? ` — ${why}` : ''}`;
    }),
  );
}

/**
 * Text whose contrast axe could not work out: a check that never ran would
 * pass unseen. A lone glyph (the close button's ×) is left to axe's judgement.
 */
function undecidedContrast(where: string, results: AxeResults): string[] {
  const undecided = results.incomplete
    .filter((r) => r.id === 'color-contrast')
    .map((r) => ({ ...r, nodes: r.nodes.filter((n) => !n.any.some((c) => (c.data as { messageKey?: string } | null)?.messageKey === 'shortTextContent')) }));
  return describeViolations(`${where}, contrast undecided`, undecided);
}

/** Runs axe in `page` (on `within`, a selector, or the whole document), under the emulated colour scheme. */
async function runAxe(page: Page, scheme: Scheme, within?: string): Promise<AxeResults> {
  await page.emulateMedia({ colorScheme: scheme });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
  // Judged at rest: an entrance (the card's fade, run again when its host moves) would lower every contrast.
  await page.waitForFunction((sel) => {
    const host = sel ? document.querySelector(sel) : null;
    return [...document.getAnimations(), ...(host?.shadowRoot?.getAnimations() ?? [])].every((a) => a.playState !== 'running');
  }, within ?? null);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    ([sel, options]) => {
      const { axe } = window as unknown as { axe: typeof import('axe-core') };
      const context = sel ? document.querySelector(sel) : document;
      if (!context) throw new Error(`nothing matches ${sel}`);
      return axe.run(context, options);
    },
    [within ?? null, WCAG_21_AA] as const,
  );
}

/** Audits `page` in both schemes and fails with every violation of both listed. */
async function expectAccessible(page: Page, where: string, within?: string): Promise<AxeResults[]> {
  const lines: string[] = [];
  const runs: AxeResults[] = [];
  for (const scheme of SCHEMES) {
    const results = await runAxe(page, scheme, within);
    runs.push(results);
    lines.push(...describeViolations(`${where} [${scheme}]`, results.violations), ...undecidedContrast(`${where} [${scheme}]`, results));
  }
  expect(lines, `WCAG 2.1 A/AA violations:\n${lines.join('\n')}`).toEqual([]);
  return runs;
}

async function optionsPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('input[name=files]');
  return page;
}

/** Hovers `name` on `page` until its card shows, settled past its entrance. */
async function openCard(page: Page, name: string): Promise<void> {
  await hoverText(page, name);
  await expect.poll(() => cardText(page), { timeout: 5000 }).toContain(name);
  await page.waitForTimeout(CARD_SETTLED_MS);
}

/**
 * Moves the card's host from <html>, where Repères puts it, into <body>
 * while `audit` runs: axe lays out only what is in <body> to find what lies
 * behind a text, and leaves the contrast of anything else undecided.
 */
async function withHostInBody<T>(page: Page, audit: () => Promise<T>): Promise<T> {
  await page.evaluate(() => document.body.append(document.querySelector('reperes-ui')!));
  try {
    return await audit();
  } finally {
    await page.evaluate(() => document.documentElement.append(document.querySelector('reperes-ui')!));
  }
}

describe('WCAG 2.1 A and AA, light and dark (axe-core)', () => {
  it('the popup for a page with highlights, and with search results', async () => {
    const page = await s.open(FR);
    const popup = await openPopupFor(browser, page);
    await popup.waitForSelector('#page-entities li');
    await popup.waitForSelector('#related-articles li');
    await expectAccessible(popup, 'popup');
    await popup.fill('#reperes-search', 'kabul');
    await popup.waitForSelector('#search-results li');
    // An entity filter brings its chip and the chip's clear button.
    await popup.locator('#related-articles .chip').first().click();
    await popup.waitForSelector('.filter-entity');
    await expectAccessible(popup, 'popup, searching');
    await Promise.all([popup.close(), page.close()]);
  });

  it('the options page: empty, with an import preview, with problems, with a collection and an entity stored', async () => {
    const options = await optionsPage();
    await expectAccessible(options, 'options, empty');

    await options.setInputFiles('input[name=files]', join(ROOT, 'samples/archive-demo.csv'));
    await options.waitForSelector('.preview');
    await expectAccessible(options, 'options, preview');

    await options.setInputFiles('input[name=files]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('title,date\nA title,2021-08-15\n') });
    await options.waitForSelector('.problem--error');
    await expectAccessible(options, 'options, preview with problems');

    await options.locator('button[name=discard]').click();
    await options.setInputFiles('input[name=files]', join(ROOT, 'samples/archive-demo.csv'));
    await options.waitForSelector('.preview button[name=confirm]:enabled');
    await options.locator('button[name=confirm]').click();
    await options.waitForSelector('.message--ok');
    await options.fill('input[name=entity-name]', 'Meridian Relief Network');
    await options.selectOption('select[name=entity-type]', 'organization');
    await options.locator('.entity-form button[type=submit]').click();
    await options.waitForSelector('.collection');
    await options.waitForSelector('.entity-list li');
    await expectAccessible(options, 'options, stored');

    await options.locator('.collection button[name=delete]').click();
    await options.waitForSelector('.collection button[name=confirm-delete]');
    await expectAccessible(options, 'options, confirming a deletion');
    await options.close();
  });

  it('the reader page', async () => {
    const reader = await browser.context.newPage();
    await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${BUNDLED_ARTICLE}`);
    await reader.waitForSelector('.reader__title');
    await waitForHighlights(reader);
    await expectAccessible(reader, 'reader');
    await reader.close();
  });

  it('an open hover card, judged inside its shadow root (the test page itself is not)', async () => {
    const page = await s.open(FR);
    for (const name of ['Zamir Kabulov', 'Mazar-i-Sharif']) {
      await openCard(page, name);
      const runs = await withHostInBody(page, () => expectAccessible(page, `hover card of ${name}`, 'reperes-ui'));
      expect(await cardText(page), 'the card stayed open while it was judged').toContain(name);
      // axe did look into the shadow root: what it judged there has a path through it.
      for (const run of runs) expect(run.passes.some((r) => r.nodes.some((n) => Array.isArray(n.target[0])))).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(page)).toBeNull();
    }
    await page.close();
  });
});

describe('forced colours (Windows high contrast)', () => {
  it('the hover card keeps a visible border and legible text, its mentions marked, in either scheme', async () => {
    const page = await s.open(FR);
    await openCard(page, 'Zamir Kabulov');
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme, forcedColors: 'active' });
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      const look = await page.evaluate(() => {
        const root = document.querySelector('reperes-ui')!.shadowRoot!;
        const style = (sel: string) => getComputedStyle(root.querySelector(sel)!);
        const card = style('.card');
        const texts = ['.card', '.card__name', '.card__type', '.card__role', '.card__close', '.card__link', '.card__article-meta', '.card__snippet'];
        return {
          borderStyle: card.borderTopStyle,
          borderWidth: parseFloat(card.borderTopWidth),
          borderColour: card.borderTopColor,
          background: card.backgroundColor,
          text: texts.map((sel) => [sel, style(sel).color] as const),
          mark: { colour: style('.card__snippet mark').color, background: style('.card__snippet mark').backgroundColor },
        };
      });
      expect(look.borderStyle, scheme).not.toBe('none');
      expect(look.borderWidth, scheme).toBeGreaterThan(0);
      expect(look.borderColour, scheme).not.toBe(look.background);
      for (const [sel, colour] of look.text) expect(colour, `${sel} [${scheme}]`).not.toBe(look.background);
      // The mention in a snippet stands out from the card, and stays legible.
      expect(look.mark.background, scheme).not.toBe(look.background);
      expect(look.mark.colour, scheme).not.toBe(look.mark.background);
    }
    await page.close();
  });
});
