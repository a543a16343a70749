// Where the card points: the mention's line under the pointer, or its first line.
import { describe, expect, it } from 'vitest';
import { anchorOf, anchorRect } from '../../page/card-anchor';

/** A rectangle with only what the anchor reads. */
const rect = (top: number, bottom: number) => ({ top, bottom, left: 0, right: 10 }) as DOMRect;

/** A mention over two lines, at y 0–20 and 30–50. */
function twoLines(parent: Element | null = null) {
  const lines = [rect(0, 20), rect(30, 50)];
  const whole = rect(0, 50);
  return {
    getClientRects: () => lines as unknown as DOMRectList,
    getBoundingClientRect: () => whole,
    startContainer: { parentElement: parent } as Node,
    lines,
    whole,
  };
}

describe('anchorRect', () => {
  it('picks the line under the pointer, allowing a pixel either side', () => {
    const range = twoLines();
    expect(anchorRect(range, { x: 5, y: 40 })).toBe(range.lines[1]);
    expect(anchorRect(range, { x: 5, y: 29 })).toBe(range.lines[1]);
    expect(anchorRect(range, { x: 5, y: 10 })).toBe(range.lines[0]);
  });

  it('falls back to the first line with no pointer, or a pointer on no line', () => {
    const range = twoLines();
    expect(anchorRect(range, null)).toBe(range.lines[0]);
    expect(anchorRect(range, { x: 5, y: 25 })).toBe(range.lines[0]);
  });

  it('falls back to the bounding box when the range has no line boxes', () => {
    const range = { ...twoLines(), getClientRects: () => [] as unknown as DOMRectList };
    expect(anchorRect(range, { x: 5, y: 40 })).toBe(range.whole);
  });
});

describe('anchorOf', () => {
  it("points at the line under the pointer, with the mention's parent for context", () => {
    const parent = {} as Element;
    const range = twoLines(parent);
    const anchor = anchorOf(range, { x: 5, y: 40 });
    expect(anchor.rect()).toBe(range.lines[1]);
    expect(anchor.context).toBe(parent);
    expect(anchorOf(twoLines(null), null).context).toBeUndefined();
  });
});
