// Scanning a page: collect its reading text, spot and resolve names, and
// turn each match into a Range over the page's own text nodes. `scan` does it
// in one go (tests, the benchmark); `scanInSlices` is what the content script
// runs: the same work cut into slices of a few milliseconds, visible text
// first, so the page never waits on Repères.

import { fullNameOf, PageMemory, plainHow, undecided, type MatchHow } from '../core/resolve';
import { spot, type RawMatch, type SpotterIndex } from '../core/spotter';
import type { EntityType } from '../core/model';
import { collectSegments, isShown, iterateSegments, spanAt, type Segment } from './collect';
import type { Mark } from './highlights';
import { newRange, rangeFactory, type RangeFactory, type RangeKind } from './ranges';
import { compareRanges, mergeInOrder, openShadowRoots } from './shadow';

/** The trees to read under `root`: itself, then the open shadow roots within. */
function readingRoots(root: Node, shadow: boolean): Node[] {
  return shadow ? [root, ...openShadowRoots(root)] : [root];
}

/** Marks from several trees, put back in the order a reader meets them. */
function inOrder(marks: Mark[], roots: readonly Node[]): Mark[] {
  return roots.length > 1 ? marks.sort((a, b) => compareRanges(a.range, b.range)) : marks;
}

/** What one scan's marks are made with: the elements' style checks so far, and its kind of range. */
interface MarkContext {
  shown: Map<Element | null, boolean>;
  ranges: RangeFactory;
}

function markContext(root: Node, kind: RangeKind): MarkContext {
  return { shown: new Map(), ranges: rangeFactory(root.ownerDocument ?? (root as Document), kind) };
}

/**
 * The mark over [start, end) of a segment, or null when the text there is
 * not rendered (one style check per element per scan, remembered in `shown`).
 */
function visibleMark(segment: Segment, start: number, end: number, entity: string, type: EntityType, context: MarkContext, how?: MatchHow): Mark | null {
  const spans = segment.spans;
  const a = spanAt(spans, start, false);
  const from = spans[a]!;
  const el = from.parent;
  let visible = context.shown.get(el);
  if (visible === undefined) context.shown.set(el, (visible = isShown(el)));
  if (!visible) return null;
  // Most names lie in one text node: the end is searched only past it.
  const next = spans[a + 1];
  const to = next === undefined || next.start >= end ? from : spans[spanAt(spans, end, true, a + 1)]!;
  const range = newRange(context.ranges, from.node, start - from.start, to.node, end - to.start);
  return how ? { entity, type, how, range } : { entity, type, range };
}

/**
 * @param shadow also read the open shadow roots under `root` (the live
 * scanner's rescans of changed blocks find those apart)
 * @param kind static ranges where the browser has them (what the content
 * script paints, ranges.ts), or live ones
 */
export function scan(root: Node, index: SpotterIndex, memory = new PageMemory(), shadow = true, kind: RangeKind = 'live'): Mark[] {
  const marks: Mark[] = [];
  const context = markContext(root, kind);
  const roots = readingRoots(root, shadow);
  const late: { segment: Segment; match: RawMatch }[] = [];
  for (const tree of roots)
    for (const segment of collectSegments(tree)) {
      const matches = spot(index, segment.text);
      memory.resolve(matches).forEach((m, j) => {
        if (!m) {
          if (undecided(matches[j]!)) late.push({ segment, match: matches[j]! });
          return;
        }
        const mark = visibleMark(segment, m.start, m.end, m.entity, m.type, context, m.how);
        if (mark) marks.push(mark);
      });
    }
  // The few marks settled last are placed among the others, already in
  // reading order, rather than all of them sorted again.
  return mergeInOrder(inOrder(marks, roots), settle(late, memory, context));
}

/** The marks of matches left undecided, once the whole page has been read (PageMemory.settle). */
function settle(late: readonly { segment: Segment; match: RawMatch }[], memory: PageMemory, context: MarkContext): Mark[] {
  const marks: Mark[] = [];
  for (const { segment, match } of late) {
    const r = memory.settle(match);
    const mark = r && visibleMark(segment, r.start, r.end, r.entity, r.type, context, r.how);
    if (mark) marks.push(mark);
  }
  return marks;
}

/** entity id → number of marks, counting only the categories shown. */
export function countMarks(marks: readonly Mark[], shown: (m: Mark) => boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of marks) if (shown(m)) counts[m.entity] = (counts[m.entity] ?? 0) + 1;
  return counts;
}

/** Work per slice: well under the 50 ms that makes a long task, so input stays responsive. */
export const SLICE_BUDGET_MS = 8;

export interface SliceOptions {
  budgetMs?: number;
  /** Gives the main thread back between slices. */
  yieldToMain?: () => Promise<void>;
  /** Also read open shadow roots (default: yes). */
  shadow?: boolean;
  /** Told the open shadow roots found, before any of their marks. */
  onShadowRoots?: (roots: ShadowRoot[]) => void;
  /** The viewport's vertical extent, to scan what the reader sees first. */
  viewport?: { top: number; bottom: number };
  /** Marks as soon as they are final, for progressive painting. */
  onMarks?: (marks: Mark[]) => void;
  signal?: AbortSignal;
  memory?: PageMemory;
  /** Static ranges where the browser has them (default), or live ones. */
  kind?: RangeKind;
  /**
   * Runs once the page's text is collected and before any of it is spotted,
   * told the segment the scan starts from: the content script learns there
   * which aliases the text may hold (page/vocabulary.ts). It may learn the
   * first `ready` segments in scanning order first, and the rest meanwhile
   * (`rest`), which the scan waits for before it goes past them.
   */
  prepare?: (segments: readonly Segment[], first: number) => Promise<Prepared>;
}

export interface Prepared {
  ready: number;
  rest: Promise<void>;
}

export interface SliceResult {
  /** Every mark, in document order. */
  marks: Mark[];
  longestSliceMs: number;
  slices: number;
  /** The open shadow roots that were read. */
  shadowRoots: ShadowRoot[];
}

/** Gives the main thread back for a moment: scheduler.yield where the browser has it. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Index of the first segment at or below the viewport's top, by binary search on document order. */
function firstVisible(segments: Segment[], viewport: { top: number; bottom: number }): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const el = segments[mid]!.spans[0]!.node.parentElement;
    const bottom = el ? el.getBoundingClientRect().bottom : 0;
    if (bottom < viewport.top) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, segments.length - 1));
}

export class ScanAborted extends Error {}

export async function scanInSlices(root: Node, index: SpotterIndex, opts: SliceOptions): Promise<SliceResult> {
  const budget = opts.budgetMs ?? SLICE_BUDGET_MS;
  const giveWay = opts.yieldToMain ?? yieldToMain;
  const memory = opts.memory ?? new PageMemory();
  const kind = opts.kind ?? 'static';
  let longest = 0;
  let slices = 1;
  // The caller's work (building the alias index) ends its own task: the scan starts in a fresh one.
  await giveWay();
  if (opts.signal?.aborted) throw new ScanAborted();
  let sliceStart = performance.now();
  const due = () => performance.now() - sliceStart >= budget;
  const pause = async () => {
    longest = Math.max(longest, performance.now() - sliceStart);
    slices++;
    await giveWay();
    if (opts.signal?.aborted) throw new ScanAborted();
    sliceStart = performance.now();
  };

  const segments: Segment[] = [];
  const roots = readingRoots(root, opts.shadow ?? true);
  if (roots.length > 1) opts.onShadowRoots?.(roots.slice(1) as ShadowRoot[]);
  for (const tree of roots)
    for (const segment of iterateSegments(tree)) {
      segments.push(segment);
      if (due()) await pause();
    }

  // Spot visible text first; resolve in document order, since a surname
  // alone depends on the full names before it. Unambiguous full names do
  // not, so they are painted as soon as they are found.
  const n = segments.length;
  const start = opts.viewport && n > 0 ? firstVisible(segments, opts.viewport) : 0;
  let prepared: Prepared | null = null;
  const wait = async (promise: Promise<unknown>) => {
    longest = Math.max(longest, performance.now() - sliceStart);
    await promise;
    if (opts.signal?.aborted) throw new ScanAborted();
    slices++;
    sliceStart = performance.now();
  };
  if (opts.prepare) {
    const preparing = opts.prepare(segments, start);
    await wait(preparing);
    prepared = await preparing;
  }
  const raw: (RawMatch[] | undefined)[] = new Array(n);
  const context = markContext(root, kind);
  const early = new Map<RawMatch, Mark>();
  const bySegment: Mark[][] = [];
  const late: { segment: Segment; match: RawMatch }[] = [];
  let prefix = 0;
  for (let k = 0; k < n; k++) {
    if (prepared && k === prepared.ready) await wait(prepared.rest);
    const i = (start + k) % n;
    const segment = segments[i]!;
    const found = spot(index, segment.text);
    raw[i] = found;
    const fresh: Mark[] = [];
    for (const m of found) {
      const named = fullNameOf(m);
      const mark = named ? visibleMark(segment, m.start, m.end, named.entity, named.type, context, plainHow(named)) : null;
      if (mark) {
        early.set(m, mark);
        fresh.push(mark);
      }
    }
    while (prefix < n && raw[prefix]) {
      const matches = raw[prefix]!;
      const marks: Mark[] = [];
      memory.resolve(matches).forEach((r, j) => {
        if (!r) {
          if (undecided(matches[j]!)) late.push({ segment: segments[prefix]!, match: matches[j]! });
          return;
        }
        const known = early.get(matches[j]!);
        if (known) marks.push(known);
        else {
          const mark = visibleMark(segments[prefix]!, r.start, r.end, r.entity, r.type, context, r.how);
          if (mark) {
            marks.push(mark);
            fresh.push(mark);
          }
        }
      });
      bySegment[prefix] = marks;
      prefix++;
    }
    if (fresh.length) opts.onMarks?.(fresh);
    if (due()) await pause();
  }
  const settled = settle(late, memory, context);
  if (settled.length) opts.onMarks?.(settled);
  longest = Math.max(longest, performance.now() - sliceStart);
  const marks = mergeInOrder(inOrder(bySegment.flat(), roots), settled);
  return { marks, longestSliceMs: longest, slices, shadowRoots: roots.slice(1) as ShadowRoot[] };
}
