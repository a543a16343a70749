// Where the hover card goes: below the mention, or above it when there is
// no room, shifted sideways to stay on screen, and never taller than the
// room it has. The decisions are @floating-ui/core's middleware (the DOM
// package runs the same ones), declared once here so they are tested
// without a browser.

import { flip, offset, shift, size, type Middleware, type Placement } from '@floating-ui/core';

/** Gap between the mention and the card: the pointer crosses it within the grace period. */
export const CARD_GAP_PX = 6;
/** Distance kept from the viewport's edges. */
export const EDGE_PADDING_PX = 8;
/** The card never gets shorter than this; it scrolls inside. */
export const MIN_CARD_HEIGHT_PX = 160;

export const CARD_PLACEMENT: Placement = 'bottom-start';

/** The middleware, in order; `onMaxHeight` receives the height the card may take. */
export function cardMiddleware(onMaxHeight: (px: number) => void): Middleware[] {
  return [
    offset(CARD_GAP_PX),
    flip({ padding: EDGE_PADDING_PX }),
    shift({ padding: EDGE_PADDING_PX }),
    size({
      padding: EDGE_PADDING_PX,
      apply: ({ availableHeight }) => onMaxHeight(Math.max(MIN_CARD_HEIGHT_PX, availableHeight)),
    }),
  ];
}
