// Opening a name's hover card in a test, however the page settles: hover
// away, then onto the name, until the card shows what is expected.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { cardText, hoverText } from './harness';
import { HOVER_SETTLED_MS } from './probes';

/** Hovers away, then onto `name`, and returns the card text once it shows `expected`. */
export async function cardFor(page: Page, name: string, expected: string): Promise<string | null> {
  await page.bringToFront();
  await expect
    .poll(
      async () => {
        await page.mouse.move(1, 1);
        await page.waitForTimeout(HOVER_SETTLED_MS);
        await hoverText(page, name);
        await page.waitForTimeout(HOVER_SETTLED_MS);
        return cardText(page);
      },
      { timeout: 15_000, interval: 200 },
    )
    .toContain(expected);
  return cardText(page);
}
