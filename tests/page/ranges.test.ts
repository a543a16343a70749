// @vitest-environment happy-dom
// Mark ranges: static where the browser has StaticRange, read through one
// scratch Range, with bounds clamped to text that has since shrunk.
import { afterEach, describe, expect, it } from 'vitest';
import { comparePoints, liveCopy, makeRange, withLive } from '../../page/ranges';
import { FakeStaticRange } from './live';

const g = globalThis as { StaticRange?: unknown };
const had = g.StaticRange;
afterEach(() => {
  g.StaticRange = had;
  document.body.innerHTML = '';
});

describe('mark ranges', () => {
  it('are static where the browser has StaticRange and static ones are asked for, live otherwise', () => {
    document.body.innerHTML = '<p>Zamir Kabulov</p>';
    const text = document.querySelector('p')!.firstChild!;
    g.StaticRange = undefined;
    expect(makeRange(document, text, 0, text, 5, 'static')).toBeInstanceOf(Range);
    g.StaticRange = FakeStaticRange;
    expect(makeRange(document, text, 0, text, 5, 'static')).toBeInstanceOf(FakeStaticRange);
    expect(makeRange(document, text, 0, text, 5, 'live')).toBeInstanceOf(Range);
  });

  it('are read through a live Range with their bounds clamped to text that has shrunk since', () => {
    document.body.innerHTML = '<p>Zamir Kabulov spoke</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const r = new FakeStaticRange({ startContainer: text, startOffset: 6, endContainer: text, endOffset: 13 }) as unknown as AbstractRange;
    expect(withLive(r, (live) => live.toString())).toBe('Kabulov');
    text.data = 'Zamir Kab';
    expect(withLive(r, (live) => live.toString())).toBe('Kab');
    // A copy of its own keeps its bounds after the scratch range moves on.
    const copy = liveCopy(r)!;
    withLive(new FakeStaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 }) as unknown as AbstractRange, () => null);
    expect(copy.toString()).toBe('Kab');
  });

  it('compare points in one tree, clamping offsets past a node’s end', () => {
    document.body.innerHTML = '<p>one</p><p>two</p>';
    const [a, b] = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
    expect(comparePoints(a!, 1, b!, 0)).toBe(-1);
    expect(comparePoints(b!, 0, a!, 1)).toBe(1);
    expect(comparePoints(a!, 1, a!, 1)).toBe(0);
    expect(comparePoints(a!, 99, a!, 3)).toBe(0);
  });
});
