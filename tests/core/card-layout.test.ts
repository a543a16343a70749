// The card's placement decisions, computed by @floating-ui/core against a
// fake viewport: no browser needed.
import { computePosition, type Platform, type Rect } from '@floating-ui/core';
import { describe, expect, it } from 'vitest';
import { CARD_GAP_PX, CARD_PLACEMENT, cardMiddleware, EDGE_PADDING_PX, MIN_CARD_HEIGHT_PX } from '../../core/card-layout';

const VIEWPORT = { width: 1280, height: 900 };
const CARD = { width: 360, height: 440 };

function place(mention: Rect) {
  let maxHeight = Infinity;
  const platform: Platform = {
    getElementRects: async () => ({ reference: mention, floating: { x: 0, y: 0, ...CARD } }),
    getDimensions: async () => CARD,
    getClippingRect: async () => ({ x: 0, y: 0, ...VIEWPORT }),
  };
  return computePosition({}, {}, { platform, placement: CARD_PLACEMENT, middleware: cardMiddleware((px) => (maxHeight = px)) }).then((r) => ({
    ...r,
    maxHeight,
  }));
}

describe('card layout', () => {
  it('goes below a mention with room, left-aligned with it', async () => {
    const r = await place({ x: 300, y: 100, width: 60, height: 20 });
    expect(r.placement).toBe('bottom-start');
    expect(r.x).toBe(300);
    expect(r.y).toBe(100 + 20 + CARD_GAP_PX);
  });

  it('flips above a mention near the bottom, and shifts left at the right edge: fully on screen', async () => {
    const r = await place({ x: 1240, y: 860, width: 36, height: 20 });
    expect(r.placement.startsWith('top')).toBe(true);
    expect(r.y + CARD.height).toBeLessThanOrEqual(860 - CARD_GAP_PX);
    expect(r.x + CARD.width).toBeLessThanOrEqual(VIEWPORT.width - EDGE_PADDING_PX);
    expect(r.x).toBeGreaterThanOrEqual(EDGE_PADDING_PX);
  });

  it('limits the height to the room left, but never below the minimum', async () => {
    const r = await place({ x: 300, y: 300, width: 60, height: 20 });
    expect(r.maxHeight).toBe(VIEWPORT.height - (300 + 20 + CARD_GAP_PX) - EDGE_PADDING_PX);
    const tight = await place({ x: 300, y: 440, width: 60, height: 20 });
    expect(tight.maxHeight).toBeGreaterThanOrEqual(MIN_CARD_HEIGHT_PX);
  });
});
