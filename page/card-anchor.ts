// Where the hover card points: the line of the mention under the pointer (a
// name can wrap over two lines), and an element beside it whose scrolling
// ancestors move the card along.

import type { Point } from './pointer';

export interface CardAnchor {
  /** Read again each time the card is placed: the page scrolls and reflows under it. */
  rect: () => DOMRect;
  context: Element | undefined;
}

type MentionRange = Pick<Range, 'getClientRects' | 'getBoundingClientRect' | 'startContainer'>;

export function anchorOf(range: MentionRange, pointer: Point | null): CardAnchor {
  return { rect: () => anchorRect(range, pointer), context: range.startContainer.parentElement ?? undefined };
}

/** The rectangle of the mention's line under the pointer; its first line when the pointer is on none (a tap, the keyboard). */
export function anchorRect(range: Omit<MentionRange, 'startContainer'>, pointer: Point | null): DOMRect {
  const rects = Array.from(range.getClientRects());
  if (pointer) {
    const hit = rects.find((r) => pointer.y >= r.top - 1 && pointer.y <= r.bottom + 1);
    if (hit) return hit;
  }
  return rects[0] ?? range.getBoundingClientRect();
}
