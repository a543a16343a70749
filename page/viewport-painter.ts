// Paints only the marks near the screen. The browser's rendering work for
// custom highlights grows with the ranges registered: every change to a
// registered Highlight, and every change to the page's DOM or style, has
// Blink rebuild a marker for each registered range and invalidate the text
// under it, at the next frame. On a long page with thousands of marks that
// is frame time no script check sees. This painter holds every mark, but
// hands to the painter under it (HighlightSets, the Highlight objects) only
// those within a window around the viewport, so that work follows the screen.
//
// Where marks are: a mark is a StaticRange, with no geometry. Each is
// measured once, after a frame (layout is then clean, so a read costs no
// forced layout), through its start node's parent element, whose box one
// cached read serves for every mark in it; a parent taller than the viewport
// says little about where the name is, and the mark's own live range is
// measured instead (a range read costs more). Positions are kept in
// document coordinates, sorted, and a scroll only binary-searches them. They
// are measured again, a slice per frame, when the layout may have changed
// (the window resized, the page's size changed, a position found stale).
//
// Changes are few: each change to the Highlights costs the browser
// pre-paint and paint work that grows with the page rather than with the
// ranges changed (scripts/bench/paint.ts measures it). So the painted window
// reaches FAR_SCREENS beyond the viewport and moves only when the viewport
// comes within NEAR_SCREENS of its edge, or a mark that near is not painted
// (new, or moved there); marks found further out wait for its next move.
// What cannot be placed (no box, inside a scrolled container, in an element
// that moves with the viewport) is always painted.

import type { EntityType } from '../core/model';
import type { Appearance } from '../core/appearance';
import type { Mark, MarkPainter, MarkSource } from './highlights';
import { withLive } from './ranges';
import { compareRanges } from './shadow';
import { SLICE_BUDGET_MS } from './scan';

/** The viewport in document coordinates: its top (the window's scroll) and its height. */
export interface View {
  top: number;
  height: number;
}

/** A mark's vertical extent, in document coordinates. */
export interface Extent {
  top: number;
  bottom: number;
}

/** Measures marks during one task (it may keep what it reads for that task): null when a mark cannot be placed. */
export type Measure = (range: AbstractRange) => Extent | null;

export interface ViewportPainterOptions {
  /** Where the viewport is now. Default: the window's scroll and inner height. */
  view?: () => View;
  /** A measuring function for one task, given the view read at its start. Default: the layout, as described above. */
  measurer?: (view: View) => Measure;
  /** The clock that ends a measuring slice. */
  now?: () => number;
}

/**
 * How far around the viewport marks must be painted, in viewport heights:
 * a mark under the pointer is on screen (the pointer's hit test asks the
 * browser which highlights are there), and one scrolled into view within a
 * frame is too.
 */
export const NEAR_SCREENS = 1;

/**
 * How far around the viewport the painted window reaches when it moves, in
 * viewport heights: each move is a change to the Highlights, whose cost to
 * the browser hardly depends on how many ranges it holds, so the window
 * moves only once every few screens of scrolling; but every range it holds
 * is rebuilt at each change of the page's DOM, so it stays a few screens.
 */
export const FAR_SCREENS = 4;

/**
 * Measuring runs in slices of this length, one per frame, as the scan does
 * (page/scan.ts): thousands of marks take several times a long task.
 */
export const MEASURE_SLICE_MS = SLICE_BUDGET_MS;

/** Below this, two positions are the same: layouts round to fractions of a pixel. */
const SAME_PX = 1;

/** While measuring, the clock is read once every this many marks: a read costs about as much as a mark. */
const CLOCK_EVERY = 16;

type Kind = 'new' | 'placed' | 'pinned';

interface Entry {
  mark: Mark;
  kind: Kind;
  top: number;
  bottom: number;
  /** The viewport's top when it was measured: a mark that moves with the viewport (fixed, sticky) is found by it. */
  at: number;
}

/** The window's own layout: a box per parent element, read once a task. */
export function layoutMeasurer(view: View): Measure {
  const boxes = new Map<Element, DOMRect>();
  return (range) => {
    const node = range.startContainer;
    if (!node.isConnected) return null;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    let box: DOMRect | null = null;
    if (el) {
      box = boxes.get(el) ?? null;
      if (!box) boxes.set(el, (box = el.getBoundingClientRect()));
    }
    if (!box || box.height > view.height) box = withLive(range, (live) => live.getBoundingClientRect());
    // No box (display: none, display: contents, no layout at all): it cannot be placed.
    if (!box || (box.width === 0 && box.height === 0)) return null;
    return { top: box.top + view.top, bottom: box.bottom + view.top };
  };
}

/** Whether `node` is under `container`, across shadow boundaries. */
function within(container: Node, node: Node): boolean {
  for (let at: Node | null = node; at; at = (at.getRootNode() as ShadowRoot).host ?? null) {
    if (container.contains(at)) return true;
  }
  return false;
}

const intersects = (e: Extent, top: number, bottom: number) => e.bottom >= top && e.top <= bottom;

export class ViewportPainter implements MarkPainter {
  private readonly inner: MarkPainter;
  private readonly entries = new Map<Mark, Entry>();
  /** Placed entries by top; may hold entries since removed or pinned (skipped, and dropped at the next sort). */
  private sorted: Entry[] = [];
  private sortedStale = false;
  /** The tallest placed extent: a binary search by top starts this far above the window. */
  private tallest = 0;
  /** Marks in the Highlights. */
  private readonly shown = new Set<Mark>();
  /** New marks, to measure first; then placed ones to measure again. */
  private fresh: Entry[] = [];
  private stale: Entry[] = [];
  /** The painted window, in document coordinates, as of its last move: every placed mark then in it is shown. Null before the first paint. */
  private window: Extent | null = null;
  /** Elements that scrolled: marks inside them move without the window scrolling, and are always painted. */
  private readonly scrollers = new Set<Element>();
  private frame = 0;
  private task: ReturnType<typeof setTimeout> | 0 = 0;
  private readonly listening = new AbortController();
  private resizes: ResizeObserver | null = null;
  private destroyed = false;
  private readonly view: () => View;
  private readonly measurer: (view: View) => Measure;
  private readonly now: () => number;

  /** `inner` paints what is near the viewport. */
  constructor(doc: Document, inner: MarkPainter, opts: ViewportPainterOptions = {}) {
    this.inner = inner;
    const win = doc.defaultView;
    this.view = opts.view ?? (() => ({ top: win?.scrollY ?? 0, height: win?.innerHeight ?? 0 }));
    this.measurer = opts.measurer ?? layoutMeasurer;
    this.now = opts.now ?? (() => performance.now());
    const signal = this.listening.signal;
    // Scroll does not bubble: caught on the way down, it tells of scrolled containers too.
    doc.addEventListener('scroll', (e) => this.scrolled(e.target), { capture: true, passive: true, signal });
    win?.addEventListener('resize', () => this.relayout(), { passive: true, signal });
    const RO = (win as (Window & { ResizeObserver?: typeof ResizeObserver }) | null)?.ResizeObserver;
    if (typeof RO === 'function') {
      // The page's size changing means its content moved (text added, images loaded, fonts swapped).
      this.resizes = new RO(() => this.relayout());
      this.resizes.observe(doc.documentElement);
      if (doc.body) this.resizes.observe(doc.body);
    }
  }

  styleShadowRoot(root: ShadowRoot): void {
    this.inner.styleShadowRoot?.(root);
    // Scroll events inside a shadow tree do not leave it.
    root.addEventListener('scroll', (e) => this.scrolled(e.target), { capture: true, passive: true, signal: this.listening.signal });
  }

  setAppearance(appearance: Appearance): void {
    this.inner.setAppearance?.(appearance);
  }

  setEnabled(type: EntityType, on: boolean): void {
    this.inner.setEnabled(type, on);
  }

  setMarks(marks: readonly Mark[]): void {
    const before = new Map(this.entries);
    const waiting = this.fresh;
    this.entries.clear();
    this.fresh = [];
    for (const m of marks) {
      const known = before.get(m);
      this.entries.set(m, known ?? this.entry(m));
      before.delete(m);
    }
    // Marks kept that were waiting to be measured still are, first.
    const kept = (e: Entry) => this.entries.get(e.mark) === e;
    this.fresh = [...waiting.filter(kept), ...this.fresh];
    this.stale = this.stale.filter(kept);
    this.hide([...before.keys()].filter((m) => this.shown.has(m)));
    this.sortedStale = true;
    // Marks already placed show at once if they are in the painted window (a filter changed, say).
    const show: Mark[] = [];
    for (const e of this.entries.values()) if (!this.shown.has(e.mark) && this.inWindow(e)) show.push(e.mark);
    this.show(show);
    this.schedule();
  }

  add(marks: readonly Mark[], from: MarkSource = 'scan'): void {
    const added: Entry[] = [];
    for (const m of marks) if (!this.entries.has(m)) this.entries.set(m, this.entry(m, added));
    if (added.length === 0) return;
    for (const e of added) this.fresh.push(e);
    // A change to the page comes in a frame's callbacks, before the browser
    // renders it. Each change to the Highlights costs a pre-paint of the
    // whole page, which a change that moves the page's text pays already:
    // painted a frame later, it is paid twice. So its marks that lie among
    // the painted ones, in document order, are painted now, unmeasured
    // (measuring them now would lay the page out inside Repères' task), and
    // placed after the frame like the others.
    if (from === 'change') this.show(this.amongPainted(added));
    this.schedule();
  }

  /** The marks of `entries` that lie, in document order, between the first and the last placed mark painted. */
  private amongPainted(entries: readonly Entry[]): Mark[] {
    if (this.window === null) return [];
    let first: AbstractRange | null = null;
    let last: AbstractRange | null = null;
    for (const m of this.shown) {
      if (this.entries.get(m)?.kind !== 'placed') continue;
      if (!first || compareRanges(m.range, first) < 0) first = m.range;
      if (!last || compareRanges(m.range, last) > 0) last = m.range;
    }
    if (!first || !last) return [];
    // A window that reaches above the page's top has nothing before its first mark.
    const open = this.window.top <= 0;
    return entries.filter((e) => (open || compareRanges(e.mark.range, first) >= 0) && compareRanges(e.mark.range, last) <= 0).map((e) => e.mark);
  }

  remove(marks: readonly Mark[]): void {
    let placed = false;
    for (const m of marks) {
      const e = this.entries.get(m);
      if (!e) continue;
      this.entries.delete(m);
      placed ||= e.kind === 'placed';
    }
    this.hide(marks.filter((m) => this.shown.has(m)));
    if (placed) this.sorted = this.sorted.filter((e) => this.entries.get(e.mark) === e && e.kind === 'placed');
  }

  destroy(): void {
    this.destroyed = true;
    this.listening.abort();
    this.resizes?.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.task) clearTimeout(this.task);
    this.inner.destroy();
    this.entries.clear();
    this.shown.clear();
    this.sorted = [];
    this.fresh = [];
    this.stale = [];
  }

  /** A new mark's entry, put in `queue` (by default, the marks to measure). */
  private entry(mark: Mark, queue: Entry[] = this.fresh): Entry {
    const e: Entry = { mark, kind: 'new', top: 0, bottom: 0, at: 0 };
    queue.push(e);
    return e;
  }

  private inWindow(e: Entry): boolean {
    return e.kind === 'pinned' || (e.kind === 'placed' && this.window !== null && intersects(e, this.window.top, this.window.bottom));
  }

  private show(marks: Mark[]): void {
    if (marks.length === 0) return;
    for (const m of marks) this.shown.add(m);
    this.inner.add(marks);
  }

  private hide(marks: Mark[]): void {
    if (marks.length === 0) return;
    for (const m of marks) this.shown.delete(m);
    this.inner.remove(marks);
  }

  private scrolled(target: EventTarget | null): void {
    const el = target as Element | null;
    if (el && el.nodeType === 1 && !this.scrollers.has(el)) {
      // A scrolled container: its marks are always painted from now on.
      this.scrollers.add(el);
      const show: Mark[] = [];
      for (const e of this.entries.values()) {
        if (e.kind === 'pinned' || !within(el, e.mark.range.startContainer)) continue;
        if (e.kind === 'placed') this.sortedStale = true;
        e.kind = 'pinned';
        if (!this.shown.has(e.mark)) show.push(e.mark);
      }
      this.show(show);
    }
    this.schedule();
  }

  /** The layout may have changed: every placed mark is measured again, nearest the viewport first. */
  private relayout(): void {
    const centre = this.window ? (this.window.top + this.window.bottom) / 2 : 0;
    this.stale = [...this.entries.values()].filter((e) => e.kind === 'placed');
    this.stale.sort((a, b) => Math.abs(b.top - centre) - Math.abs(a.top - centre));
    this.schedule();
  }

  /** At most once a frame: after it, when layout is clean and reads cost nothing more. */
  private schedule(): void {
    if (this.destroyed || this.frame || this.task) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.task = setTimeout(() => {
        this.task = 0;
        this.update();
      }, 0);
    });
  }

  /**
   * After a frame: measures what waits, then moves the painted window if
   * the viewport nears its edge or a mark near the viewport is not painted
   * (new, or moved there). Marks that came into the rest of the window wait
   * for its next move: every change costs a repaint.
   */
  private update(): void {
    if (this.destroyed) return;
    const view = this.view();
    const { entries, measure } = this.measure(view);
    const margin = NEAR_SCREENS * view.height;
    const near = { top: view.top - margin, bottom: view.top + view.height + margin };
    const covered = this.window !== null && this.window.top <= near.top && this.window.bottom >= near.bottom;
    const unpainted = (e: Entry) => !this.shown.has(e.mark);
    const missing = entries.some((e) => e.kind === 'pinned' && unpainted(e)) || this.between(near.top, near.bottom).some(unpainted);
    if (!covered || missing) this.recenter(view, measure);
    if (this.fresh.length || this.stale.length) this.schedule();
  }

  /** Measures new marks (in the order they came: the scan finds visible text first), then stale ones (nearest first), for one slice. */
  private measure(view: View): { entries: Entry[]; measure: Measure } {
    const measure = this.measurer(view);
    const entries: Entry[] = [];
    const added: Entry[] = [];
    const end = this.now() + MEASURE_SLICE_MS;
    let reads = 0;
    // The clock is read once every few marks: reading it costs about as much as measuring one.
    const more = () => reads++ % CLOCK_EVERY !== 0 || this.now() < end;
    const one = (e: Entry) => {
      if (this.entries.get(e.mark) !== e || e.kind === 'pinned') return;
      const wasPlaced = e.kind === 'placed';
      this.place(e, measure(e.mark.range), view.top);
      entries.push(e);
      if (wasPlaced) this.sortedStale = true;
      else if (e.kind === 'placed') added.push(e);
    };
    let k = 0;
    while (k < this.fresh.length && more()) one(this.fresh[k++]!);
    this.fresh.splice(0, k);
    if (this.fresh.length === 0) while (this.stale.length && more()) one(this.stale.pop()!);
    if (this.sortedStale) this.resort();
    else if (added.length) {
      added.sort((a, b) => a.top - b.top);
      this.sorted = merge(this.sorted, added);
      for (const e of added) this.tallest = Math.max(this.tallest, e.bottom - e.top);
    }
    return { entries, measure };
  }

  private place(e: Entry, extent: Extent | null, viewTop: number): void {
    const node = e.mark.range.startContainer;
    let pinned = !extent;
    for (const s of this.scrollers) pinned ||= within(s, node);
    if (!extent || pinned) {
      e.kind = 'pinned';
      return;
    }
    e.kind = 'placed';
    e.top = extent.top;
    e.bottom = extent.bottom;
    e.at = viewTop;
  }

  private resort(): void {
    this.sorted = [...this.entries.values()].filter((e) => e.kind === 'placed').sort((a, b) => a.top - b.top);
    this.tallest = 0;
    for (const e of this.sorted) this.tallest = Math.max(this.tallest, e.bottom - e.top);
    this.sortedStale = false;
  }

  /** Placed entries that meet [top, bottom]. */
  private between(top: number, bottom: number): Entry[] {
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    const from = top - this.tallest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]!.top < from) lo = mid + 1;
      else hi = mid;
    }
    const out: Entry[] = [];
    for (let k = lo; k < s.length && s[k]!.top <= bottom; k++) {
      const e = s[k]!;
      if (e.kind === 'placed' && this.entries.get(e.mark) === e && intersects(e, top, bottom)) out.push(e);
    }
    return out;
  }

  /**
   * Moves the painted window around the viewport: one change to the
   * Highlights. A mark about to leave is read again first: one found
   * elsewhere stays if it is still in the window (and the layout is
   * measured again), and one that moved with the viewport (fixed, sticky)
   * is painted always.
   */
  private recenter(view: View, measure: Measure): void {
    const far = FAR_SCREENS * view.height;
    const window = { top: view.top - far, bottom: view.top + view.height + far };
    const target = new Set<Mark>();
    for (const e of this.between(window.top, window.bottom)) target.add(e.mark);
    for (const e of this.entries.values()) if (e.kind === 'pinned') target.add(e.mark);
    const leaving: Mark[] = [];
    let moved = false;
    for (const m of this.shown) {
      if (target.has(m)) continue;
      const e = this.entries.get(m);
      if (!e || e.kind !== 'placed') {
        leaving.push(m);
        continue;
      }
      const now = measure(m.range);
      if (now && Math.abs(now.top - e.top) <= SAME_PX) {
        leaving.push(m);
        continue;
      }
      // It was not where it was measured.
      const scrolled = view.top - e.at;
      if (!now || Math.abs(now.top - e.top - scrolled) <= SAME_PX) e.kind = 'pinned';
      else {
        moved = true;
        this.place(e, now, view.top);
        if (!intersects(e, window.top, window.bottom)) leaving.push(m);
      }
      this.sortedStale = true;
    }
    this.window = window;
    this.hide(leaving);
    this.show([...target].filter((m) => !this.shown.has(m)));
    if (this.sortedStale) this.resort();
    // Unless the marks are being measured again already.
    if (moved && this.stale.length === 0) this.relayout();
  }
}

/** Two lists sorted by top, merged. */
function merge(a: Entry[], b: Entry[]): Entry[] {
  const out: Entry[] = new Array<Entry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]!.top <= b[j]!.top ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
