// @vitest-environment happy-dom
// The painter that follows the screen. happy-dom has no layout: the view and
// each mark's place are faked through the painter's options, and frames and
// the task after them through fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_NAME } from '../../core/appearance';
import type { EntityType } from '../../core/model';
import { Highlighter, type Mark, type MarkPainter } from '../../page/highlights';
import { FAR_SCREENS, NEAR_SCREENS, ViewportPainter, type Extent, type View } from '../../page/viewport-painter';
import { fakeScannerTimers, inPlacePainter, installHighlightStandIn, settle } from './live';

const registry = installHighlightStandIn();
/** The viewport's height in the tests. */
const H = 100;

let view: View;
/** Where each mark is (document coordinates); a mark missing here cannot be placed. */
let places: Map<AbstractRange, Extent | ((v: View) => Extent)>;
let painter: MarkPainter | null;

beforeEach(() => {
  fakeScannerTimers();
  view = { top: 0, height: H };
  places = new Map();
  painter = null;
});
afterEach(() => {
  painter?.destroy();
  document.body.innerHTML = '';
  vi.useRealTimers();
});

/** Marks measured so far. */
let measured = 0;

const options = () => ({
  view: () => view,
  measurer: (v: View) => (r: AbstractRange) => {
    measured++;
    const p = places.get(r);
    return typeof p === 'function' ? p(v) : (p ?? null);
  },
});

/** The shipping painter on the fake layout, every category shown. */
function highlighter(): Highlighter {
  const p = new Highlighter(document, options());
  for (const type of ['person', 'organization', 'place'] as const) p.setEnabled(type, true);
  painter = p;
  return p;
}

/** A mark over the text of a new paragraph (at the end of `parent`, or before `before`), placed at `top` (or not placed at all: null). */
function mark(top: number | null, type: EntityType = 'person', parent: Element = document.body, before?: Mark): Mark {
  const p = document.createElement('p');
  p.textContent = 'Imran Khan';
  if (before) before.range.startContainer.parentElement!.before(p);
  else parent.append(p);
  const range = document.createRange();
  range.setStart(p.firstChild!, 0);
  range.setEnd(p.firstChild!, 10);
  if (top !== null) places.set(range, { top, bottom: top + 10 });
  return { entity: 'imran-khan', type, range };
}

/** The ranges registered for Repères now. */
function painted(): Set<AbstractRange> {
  const out = new Set<AbstractRange>();
  for (const [name, h] of registry) if (name.startsWith('reperes-')) for (const r of h) out.add(r);
  return out;
}
const isPainted = (m: Mark) => painted().has(m.range);

/** The window scrolled to `top`, as the browser tells it: a scroll event at the document. */
function scrollTo(top: number): void {
  view = { ...view, top };
  document.dispatchEvent(new Event('scroll'));
}

describe('ViewportPainter', () => {
  it('paints the marks near the viewport, not those far below it', async () => {
    const p = highlighter();
    const near = [mark(0), mark(50), mark(H + NEAR_SCREENS * H - 20)];
    const far = [mark(20 * H), mark(100 * H)];
    p.add([...near, ...far]);
    // Nothing before the frame: marks are measured after one.
    expect(painted().size).toBe(0);
    await settle();
    expect(near.every(isPainted)).toBe(true);
    expect(far.some(isPainted)).toBe(false);
  });

  it('after a scroll and a frame, paints the marks now in view and drops those left far behind', async () => {
    const p = highlighter();
    const top = mark(10);
    const below = mark(20 * H);
    p.add([top, below]);
    await settle();
    scrollTo(20 * H - 50);
    // Not before the frame.
    expect(isPainted(below)).toBe(false);
    await settle();
    expect(isPainted(below)).toBe(true);
    expect(isPainted(top)).toBe(false);
    // And back.
    scrollTo(0);
    await settle();
    expect(isPainted(top)).toBe(true);
    expect(isPainted(below)).toBe(false);
  });

  it('changes nothing while the viewport stays well inside the painted window, and at most once a frame', async () => {
    const add = vi.fn();
    const remove = vi.fn();
    const p = new ViewportPainter(document, inPlacePainter({ add, remove }), options());
    painter = p;
    const marks = Array.from({ length: 60 }, (_, k) => mark(k * H));
    p.add(marks);
    await settle();
    expect(add).toHaveBeenCalledTimes(1);
    // The window reaches FAR_SCREENS beyond the viewport: scrolling less than FAR - NEAR screens moves nothing.
    for (let y = 10; y < (FAR_SCREENS - NEAR_SCREENS) * H; y += 30) {
      scrollTo(y);
      await settle();
    }
    expect(add).toHaveBeenCalledTimes(1);
    expect(remove).not.toHaveBeenCalled();
    // Many scroll events in one frame: one update.
    for (let y = 0; y < 10; y++) scrollTo(30 * H + y);
    await settle();
    expect(add).toHaveBeenCalledTimes(2);
    expect(remove).toHaveBeenCalledTimes(1);
    const shown = new Set((add.mock.calls[1]![0] as Mark[]).map((m) => marks.indexOf(m)));
    expect(shown.has(30)).toBe(true);
    expect(shown.has(0)).toBe(false);
  });

  it('paints a new mark near the viewport in the next frame; one further out waits for the window to move', async () => {
    const add = vi.fn();
    const p = new ViewportPainter(document, inPlacePainter({ add }), options());
    painter = p;
    p.add([mark(0)]);
    await settle();
    expect(add).toHaveBeenCalledTimes(1);
    // In the painted window, but more than NEAR_SCREENS away: no change for it.
    const further = mark((NEAR_SCREENS + 2) * H);
    p.add([further]);
    await settle();
    expect(add).toHaveBeenCalledTimes(1);
    const near = mark(H / 2);
    p.add([near]);
    await settle();
    expect(add).toHaveBeenCalledTimes(2);
    // The window moved around the viewport: both are in it now.
    expect(add.mock.calls[1]![0]).toEqual(expect.arrayContaining([near, further]));
  });

  it("paints a change's marks that lie among the painted ones in the frame of the change, unmeasured; a scan's wait for a frame", async () => {
    const p = highlighter();
    scrollTo(10 * H);
    const a = mark(10 * H);
    const b = mark(11 * H);
    p.add([a, b]);
    await settle();
    expect(isPainted(a) && isPainted(b)).toBe(true);
    // Measuring would lay the page out in Repères' task: a change's marks are not measured before they are painted.
    const measuredBefore = measured;
    const between = mark(10.5 * H, 'person', document.body, b);
    const scanned = mark(10.6 * H, 'person', document.body, b);
    const after = mark(11.5 * H);
    const before = mark(9.5 * H, 'person', document.body, a);
    p.add([scanned]);
    p.add([between, after, before], 'change');
    expect(measured).toBe(measuredBefore);
    expect(isPainted(between)).toBe(true);
    // Outside the painted span in document order, or found by a scan: after a frame, once measured.
    expect(isPainted(after) || isPainted(before) || isPainted(scanned)).toBe(false);
    await settle();
    expect(isPainted(after) && isPainted(before) && isPainted(scanned)).toBe(true);
  });

  it("paints a change's marks after a frame while nothing is painted yet", async () => {
    const p = highlighter();
    const changed = mark(0);
    p.add([changed], 'change');
    expect(isPainted(changed)).toBe(false);
    await settle();
    expect(isPainted(changed)).toBe(true);
  });

  it('switches whole categories, and removes marks at once', async () => {
    const p = highlighter();
    const person = mark(0, 'person');
    const place = mark(10, 'place');
    p.add([person, place]);
    await settle();
    p.setEnabled('place', false);
    expect(registry.has(HIGHLIGHT_NAME.place)).toBe(false);
    expect(isPainted(person)).toBe(true);
    p.setEnabled('place', true);
    expect(isPainted(place)).toBe(true);
    p.remove([person]);
    expect(isPainted(person)).toBe(false);
    expect(isPainted(place)).toBe(true);
  });

  it('setMarks replaces every mark: those already placed show at once, new ones after a frame', async () => {
    const p = highlighter();
    const [a, b, c] = [mark(0), mark(10), mark(20)];
    p.setMarks([a, b]);
    await settle();
    p.setMarks([b, c]);
    expect(isPainted(a)).toBe(false);
    expect(isPainted(b)).toBe(true);
    expect(isPainted(c)).toBe(false);
    await settle();
    expect(isPainted(c)).toBe(true);
    p.setMarks([]);
    expect(painted().size).toBe(0);
  });

  it('always paints a mark it cannot place, and those inside a container that scrolled', async () => {
    const p = highlighter();
    const unplaced = mark(null);
    const box = document.createElement('div');
    document.body.append(box);
    const inBox = mark(50 * H, 'person', box);
    p.add([unplaced, inBox]);
    await settle();
    expect(isPainted(unplaced)).toBe(true);
    expect(isPainted(inBox)).toBe(false);
    // Scroll does not bubble: the painter listens on the way down.
    box.dispatchEvent(new Event('scroll'));
    await settle();
    expect(isPainted(inBox)).toBe(true);
    // And later marks in it too, wherever they are measured.
    const later = mark(80 * H, 'person', box);
    p.add([later]);
    await settle();
    expect(isPainted(later)).toBe(true);
  });

  it('keeps painting a mark that moves with the viewport (a fixed header), without measuring the page again', async () => {
    const p = highlighter();
    const header = mark(null);
    places.set(header.range, (v) => ({ top: v.top + 5, bottom: v.top + 15 }));
    // Another mark, and how often it is measured: once, the layout has not changed.
    const other = mark(null);
    let measured = 0;
    places.set(other.range, () => (measured++, { top: 500 * H, bottom: 500 * H + 10 }));
    p.add([header, other]);
    await settle();
    expect(isPainted(header)).toBe(true);
    scrollTo(50 * H);
    await settle();
    expect(isPainted(header)).toBe(true);
    scrollTo(100 * H);
    await settle();
    expect(isPainted(header)).toBe(true);
    expect(measured).toBe(1);
  });

  it('measures again when the layout changes: a mark moved into view is painted', async () => {
    const p = highlighter();
    const m = mark(40 * H);
    p.add([m]);
    await settle();
    expect(isPainted(m)).toBe(false);
    places.set(m.range, { top: 30, bottom: 40 });
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(isPainted(m)).toBe(true);
  });

  it('measures in slices, one per frame, the first marks first', async () => {
    let clock = 0;
    const measurer = options().measurer;
    const p = new Highlighter(document, { ...options(), now: () => clock, measurer: (v) => (r) => ((clock += 1), measurer(v)(r)) });
    for (const type of ['person', 'organization', 'place'] as const) p.setEnabled(type, true);
    painter = p;
    const marks = Array.from({ length: 200 }, (_, k) => mark(k % 50));
    p.add(marks);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(1);
    const first = painted();
    expect(first.size).toBeGreaterThan(0);
    expect(first.size).toBeLessThan(marks.length);
    expect(first.has(marks[0]!.range)).toBe(true);
    await settle();
    expect(painted().size).toBe(marks.length);
  });

  it('leaves nothing behind once destroyed: no highlight, no listener, no frame', async () => {
    const disconnect = vi.spyOn(window.ResizeObserver.prototype, 'disconnect');
    const listens = [vi.spyOn(document, 'addEventListener'), vi.spyOn(window, 'addEventListener')];
    const p = highlighter();
    const shadow = document.createElement('div').attachShadow({ mode: 'open' });
    p.styleShadowRoot(shadow);
    p.add([mark(0), mark(10)]);
    await settle();
    expect(painted().size).toBe(2);
    p.destroy();
    painter = null;
    expect(painted().size).toBe(0);
    expect(disconnect).toHaveBeenCalled();
    // Every listener was added with a signal, now aborted: the browser has removed them.
    const signals = listens.flatMap((spy) => spy.mock.calls.map((call) => (call[2] as AddEventListenerOptions | undefined)?.signal));
    expect(signals.length).toBeGreaterThanOrEqual(2);
    expect(signals.every((s) => s?.aborted)).toBe(true);
    for (const spy of listens) spy.mockRestore();
    scrollTo(10 * H);
    window.dispatchEvent(new Event('resize'));
    expect(vi.getTimerCount()).toBe(0);
    disconnect.mockRestore();
  });
});
