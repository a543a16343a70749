// What the end-to-end tests read from a page, shared by the Chromium
// (playwright-core) and Firefox (puppeteer-core) harnesses: both drivers'
// pages can evaluate a function and move the mouse, which is all these need.

import { DWELL_MS, GRACE_MS } from '../../core/hover';

/**
 * Waits in the end-to-end tests, from the hover card's own timing
 * (core/hover.ts): long enough for a dwell to open a card and a grace to
 * close one, so that what is on screen after it is settled.
 */
export const HOVER_SETTLED_MS = DWELL_MS + GRACE_MS;
/** After a card appears: its entrance animation (120 ms, hover-card.css) is well over. */
export const CARD_SETTLED_MS = GRACE_MS;

export interface HighlightInfo {
  type: string;
  text: string;
  rect: { x: number; y: number; width: number; height: number };
}

/** The part of a Playwright or Puppeteer page the probes use. */
export interface ProbePage {
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void> };
}

/** In the page: the ranges Repères registered in CSS.highlights. */
export function readHighlights(): HighlightInfo[] {
  const out: HighlightInfo[] = [];
  for (const [name, h] of CSS.highlights as unknown as Map<string, Highlight>) {
    if (!name.startsWith('reperes-')) continue;
    // Repères registers static ranges where the browser has them: read each through a live copy.
    for (const a of h as unknown as Set<AbstractRange>) {
      const r = document.createRange();
      try {
        r.setStart(a.startContainer, a.startOffset);
        r.setEnd(a.endContainer, a.endOffset);
      } catch {
        continue; // bounds past text the page has since shortened: not shown either
      }
      const b = r.getClientRects()[0] ?? r.getBoundingClientRect();
      out.push({ type: name.slice('reperes-'.length), text: r.toString(), rect: { x: b.x, y: b.y, width: b.width, height: b.height } });
    }
  }
  return out;
}

/** In the page: whether Repères has registered at least one highlight. */
export function hasHighlights(): boolean {
  return [...(CSS.highlights as unknown as Map<string, Highlight>).keys()].some((k) => k.startsWith('reperes-') && (CSS.highlights.get(k)?.size ?? 0) > 0);
}

/** In the page: the text of the hover card, or null when no card is shown. */
export function readCard(): string | null {
  const host = document.querySelector('reperes-ui');
  const mount = host?.shadowRoot?.querySelector('div');
  if (!mount || mount.style.visibility !== 'visible') return null;
  return mount.textContent;
}

/**
 * What the French sample page must show in any browser: its names by
 * category, demonyms left alone, every highlight over visible text.
 * (`check` is the test framework's expect, passed in to keep this module free of it.)
 */
export function expectSeedHighlights(found: HighlightInfo[], check: (ok: boolean, what: string) => void): void {
  const has = (type: string, text: string) =>
    check(
      found.some((h) => h.type === type && h.text === text),
      `${type} ${text}`,
    );
  has('person', 'Zamir Kabulov');
  has('person', 'Kabulov');
  has('organization', 'ISI');
  has('organization', 'talibans');
  has('place', 'Mazar-i-Sharif');
  // Demonyms are not countries.
  check(!found.some((h) => /^(russes?|pakistanaise?s?)$/i.test(h.text)), 'no demonym highlighted');
  for (const h of found) check(h.rect.width * h.rect.height > 0, `${h.text} is visible`);
}

/** What Zamir Kabulov's card on the French sample must say, in any browser. */
export const KABULOV_CARD = ['La Russie évacue son consulat de Mazar-i-Sharif', 'Zamir Kabulov', 'Person', 'Russian diplomat'] as const;

export function highlights(page: ProbePage): Promise<HighlightInfo[]> {
  return page.evaluate(readHighlights);
}

export function cardText(page: ProbePage): Promise<string | null> {
  return page.evaluate(readCard);
}

/** Moves the pointer to the middle of the first highlight whose text is `text`. */
export async function hoverText(page: ProbePage, text: string): Promise<void> {
  const all = await highlights(page);
  const h = all.find((x) => x.text === text);
  if (!h) throw new Error(`no highlight "${text}" among ${all.map((x) => x.text).join(', ')}`);
  await page.mouse.move(h.rect.x + h.rect.width / 2, h.rect.y + h.rect.height / 2, { steps: 4 });
}
