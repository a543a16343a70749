// The ranges behind marks. Where the browser has StaticRange, marks hold
// static ranges: a live Range is registered with its document, and every
// change the page makes to its DOM updates each live Range: `npm run bench`
// ("DOM changes made by the page") compares the two on the long bench page,
// and ADR 2 gives the figures. A static range
// costs the page nothing; Repères clamps its bounds when it reads one, and
// rescans what changed anyway. Where a live Range is needed (geometry, a
// point test), one scratch Range per document is moved onto the mark's
// bounds and used at once.

export type RangeKind = 'live' | 'static';

type StaticRangeCtor = new (init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) => AbstractRange;

function staticRangeOf(doc: Document): StaticRangeCtor | null {
  const ctor =
    (doc.defaultView as (Window & { StaticRange?: StaticRangeCtor }) | null)?.StaticRange ?? (globalThis as { StaticRange?: StaticRangeCtor }).StaticRange;
  return typeof ctor === 'function' ? ctor : null;
}

/** A range over [start, end) for a mark: static where the browser has StaticRange and `kind` asks for it, live otherwise. */
export function makeRange(doc: Document, sc: Node, so: number, ec: Node, eo: number, kind: RangeKind): AbstractRange {
  return newRange(rangeFactory(doc, kind), sc, so, ec, eo);
}

/** How the ranges of one document are made: with its StaticRange, or as live ranges (null). */
export interface RangeFactory {
  doc: Document;
  Static: StaticRangeCtor | null;
}

/**
 * For many ranges of one document (a scan's marks): the kind of range is
 * decided once, since finding StaticRange reads the document's window.
 */
export function rangeFactory(doc: Document, kind: RangeKind): RangeFactory {
  return { doc, Static: kind === 'static' ? staticRangeOf(doc) : null };
}

/** `makeRange` with the kind of range decided beforehand. */
export function newRange(f: RangeFactory, sc: Node, so: number, ec: Node, eo: number): AbstractRange {
  if (f.Static) return new f.Static({ startContainer: sc, startOffset: so, endContainer: ec, endOffset: eo });
  const range = f.doc.createRange();
  range.setStart(sc, so);
  range.setEnd(ec, eo);
  return range;
}

/** How many offsets a node has: characters of text, children of an element. */
export function nodeLength(node: Node): number {
  return node.nodeType === 3 || node.nodeType === 4 || node.nodeType === 8 ? (node as CharacterData).length : node.childNodes.length;
}

const scratch = new WeakMap<Document, Range>();

function scratchRange(doc: Document): Range {
  let r = scratch.get(doc);
  if (!r) scratch.set(doc, (r = doc.createRange()));
  return r;
}

/**
 * Runs `use` with a live Range over `range`'s bounds (the range itself when
 * it is live; otherwise the document's scratch Range, valid only during the
 * call). Bounds past the end of a node that has since shrunk are clamped.
 * Returns null when the bounds no longer make a range.
 */
export function withLive<T>(range: AbstractRange, use: (live: Range) => T): T | null {
  if (typeof (range as Range).getClientRects === 'function') return use(range as Range);
  const doc = range.startContainer.ownerDocument;
  if (!doc) return null;
  const r = scratchRange(doc);
  try {
    r.setStart(range.startContainer, Math.min(range.startOffset, nodeLength(range.startContainer)));
    r.setEnd(range.endContainer, Math.min(range.endOffset, nodeLength(range.endContainer)));
  } catch {
    return null;
  }
  return use(r);
}

/** A live Range over a mark's bounds that stays valid after the call, for what keeps one (a card's anchor): the mark's own when it is live, a copy otherwise. */
export function liveCopy(range: AbstractRange): Range | null {
  if (typeof (range as Range).getClientRects === 'function') return range as Range;
  return withLive(range, (r) => r.cloneRange());
}

/**
 * Where point a stands relative to point b, in one tree: -1 before, 0 the
 * same, 1 after. Offsets past a node's end count as its end.
 */
export function comparePoints(aNode: Node, aOffset: number, bNode: Node, bOffset: number): number {
  if (aNode === bNode) return Math.sign(Math.min(aOffset, nodeLength(aNode)) - Math.min(bOffset, nodeLength(bNode)));
  const doc = bNode.ownerDocument ?? (bNode as Document);
  const r = scratchRange(doc);
  r.setStart(bNode, Math.min(bOffset, nodeLength(bNode)));
  r.collapse(true);
  return r.comparePoint(aNode, Math.min(aOffset, nodeLength(aNode)));
}
