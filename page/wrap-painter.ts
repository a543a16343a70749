// Draws marks by wrapping their text in <reperes-mark> elements, for engines
// without the CSS Custom Highlight API. Wrapping has to change the DOM, so the
// painter keeps what it needs to undo it exactly: each page text node it
// wraps is replaced by NEW nodes (plain text pieces and wrappers holding
// copies of the text) and kept aside untouched, so removal puts the very same
// node object back, with its own data, where the pieces were. Page elements
// are never moved and a wrapper never crosses an element boundary: a name
// split across inline elements (<b>Zamir</b> Kabulov) gets one wrapper per
// text node.

import type { EntityType } from '../core/model';
import { HIGHLIGHT_CSS, type Mark, type MarkPainter } from './highlights';
import { addPageStyles } from './page-styles';
import { SKIP, UI_HOST_TAG } from './collect';

export const WRAPPER_TAG = 'reperes-mark';

// Where Repères must not write, even if a range reaches there: what the
// text collection skips (not reading text, the reader's own input, Repères'
// own UI), editors, and an existing wrapper.
const UNTOUCHABLE = [...SKIP, UI_HOST_TAG, WRAPPER_TAG, '[contenteditable]:not([contenteditable="false"])'].join(',');

// The same colours as the Highlight API rules, from the same source, aimed at
// the wrappers of enabled categories only. The base rule states that a
// wrapper adds nothing to layout, whatever the page's own rules say.
export const WRAP_CSS =
  `${WRAPPER_TAG} { display: inline !important; margin: 0 !important; padding: 0 !important; border: 0 !important; }\n` +
  HIGHLIGHT_CSS.replace(/::highlight\(reperes-(\w+)\)/g, `${WRAPPER_TAG}[data-type="$1"][data-on]`);

/** One text-node piece of a mark: [start, end) of `node`'s data. */
interface Piece {
  node: Text;
  start: number;
  end: number;
  mark: Mark;
  wrapper?: Element;
}

/** A range's boundary points, to put the range back after unwrapping. */
/**
 * The fallback's marks hold live Ranges: the live scanner scans with live
 * ranges for it, since it moves them back onto the original text as it
 * unwraps (see ranges.ts for why the Highlight API path does not).
 */
function liveOf(mark: Mark): Range {
  return mark.range as Range;
}

interface Bounds {
  range: Range;
  sc: Node;
  so: number;
  ec: Node;
  eo: number;
}

function place(b: Bounds): void {
  try {
    b.range.setStart(b.sc, b.so);
    b.range.setEnd(b.ec, b.eo);
  } catch {
    // The page changed that text meanwhile: the range stays as the browser left it.
  }
}

export class WrapPainter implements MarkPainter {
  /** Original text node → the nodes that stand in its place, in order. */
  private replaced = new Map<Text, Node[]>();
  private markOf = new WeakMap<Element, Mark>();
  private wrappersOf = new Map<Mark, Element[]>();
  /** Each text node standing in for an original one → that node, and where in it the piece began. */
  private origin = new Map<Text, { node: Text; offset: number }>();
  /** Browsers collapse a live range whose text node leaves the page; these put the marks' ranges back. */
  private bounds: Bounds[] = [];
  private readonly enabled = new Set<EntityType>();
  private removeStyles: (() => void) | null;

  constructor(private readonly doc: Document) {
    this.removeStyles = addPageStyles(doc, WRAP_CSS);
  }

  /**
   * Replaces every mark with `marks`. Ranges must be over the page's own text
   * (as page/scan.ts builds them). A mark that cannot be wrapped whole — empty,
   * outside this document, touching an element Repères must not write in, or
   * overlapping a mark earlier in the list — is skipped.
   */
  setMarks(marks: readonly Mark[]): void {
    // A range drawn before keeps the boundaries saved then (the browser may
    // have collapsed it since). A range built over the wrapped page points
    // into pieces that clear() discards: carry it over to the original nodes.
    const saved = new Map(this.bounds.map((b) => [b.range, b]));
    const carried = marks.map((m) => m.range && (saved.get(liveOf(m)) ?? this.boundsOf(liveOf(m))));
    this.clear();
    for (const b of carried) if (b) place(b);
    this.bounds = carried.filter((b) => !!b);

    // Gather every piece first, then rewrite each text node once: several
    // names in one node become one run of pieces.
    const byNode = new Map<Text, Piece[]>();
    const accepted: Piece[][] = [];
    for (const m of marks) {
      const pieces = this.piecesOf(m);
      if (!pieces || pieces.some((p) => byNode.get(p.node)?.some((q) => p.start < q.end && q.start < p.end))) continue;
      accepted.push(pieces);
      for (const p of pieces) {
        const list = byNode.get(p.node);
        if (list) list.push(p);
        else byNode.set(p.node, [p]);
      }
    }
    for (const [node, pieces] of byNode) this.wrapNode(node, pieces);
    // A mark's pieces are in document order (nodes are not), which rangeOf relies on.
    for (const pieces of accepted) this.wrappersOf.set(pieces[0]!.mark, pieces.map((p) => p.wrapper!));
  }

  /** A range's boundaries, with those inside a piece moved to the same text in its original node. */
  private boundsOf(range: Range): Bounds | null {
    try {
      const s = this.origin.get(range.startContainer as Text);
      const e = this.origin.get(range.endContainer as Text);
      return {
        range,
        sc: s?.node ?? range.startContainer,
        so: (s?.offset ?? 0) + range.startOffset,
        ec: e?.node ?? range.endContainer,
        eo: (e?.offset ?? 0) + range.endOffset,
      };
    } catch {
      return null;
    }
  }

  /** The non-empty text-node pieces of a mark, or null if it must be skipped. */
  private piecesOf(mark: Mark): Piece[] | null {
    try {
      const range = liveOf(mark);
      if (range.collapsed) return null;
      const root = range.commonAncestorContainer;
      const texts: Text[] = [];
      if (root.nodeType === Node.TEXT_NODE) texts.push(root as Text);
      else {
        const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) texts.push(n as Text);
      }
      const pieces: Piece[] = [];
      for (const node of texts) {
        const start = node === range.startContainer ? range.startOffset : 0;
        const end = node === range.endContainer ? range.endOffset : node.length;
        if (start >= end) continue; // A boundary at a node's edge touches no text of it.
        // getRootNode() is the document only for attached, light-DOM text:
        // detached ranges, other documents and shadow trees (which the
        // document's stylesheet does not reach) are all left alone.
        const parent = node.parentElement;
        if (node.getRootNode() !== this.doc || !parent || parent.closest(UNTOUCHABLE)) return null;
        pieces.push({ node, start, end, mark });
      }
      return pieces.length > 0 ? pieces : null;
    } catch {
      return null; // A range from an odd place (another realm, a foreign node): skip it.
    }
  }

  /** Replaces `node` by its text cut into plain pieces and wrappers; `node` itself is kept aside intact. */
  private wrapNode(node: Text, pieces: Piece[]): void {
    pieces.sort((a, b) => a.start - b.start);
    const data = node.data;
    const parts: Node[] = [];
    let at = 0;
    for (const p of pieces) {
      // No empty text nodes: restoring removes the pieces anyway, but the page
      // should not see stray nodes while wrapped either.
      if (p.start > at) parts.push(this.piece(node, at, p.start));
      const wrapper = this.doc.createElement(WRAPPER_TAG);
      wrapper.setAttribute('data-type', p.mark.type);
      wrapper.setAttribute('data-entity', p.mark.entity);
      if (this.enabled.has(p.mark.type)) wrapper.setAttribute('data-on', '');
      wrapper.append(this.piece(node, p.start, p.end));
      parts.push(wrapper);
      this.markOf.set(wrapper, p.mark);
      p.wrapper = wrapper;
      at = p.end;
    }
    if (at < data.length) parts.push(this.piece(node, at, data.length));
    node.replaceWith(...parts);
    this.replaced.set(node, parts);
  }

  /** A new text node holding node.data[start, end), remembered as coming from `node`. */
  private piece(node: Text, start: number, end: number): Text {
    const text = this.doc.createTextNode(node.data.slice(start, end));
    this.origin.set(text, { node, offset: start });
    return text;
  }

  /** Puts every original text node back in place of its pieces, then the marks' ranges back on them. */
  private clear(): void {
    for (const [node, parts] of this.replaced) {
      const first = parts[0]!;
      // If the page itself removed the pieces, there is no place to restore to.
      first.parentNode?.insertBefore(node, first);
      for (const part of parts) part.parentNode?.removeChild(part);
    }
    for (const b of this.bounds) place(b);
    this.replaced.clear();
    this.origin.clear();
    this.wrappersOf.clear();
    this.markOf = new WeakMap();
    this.bounds = [];
  }

  /** Shows or hides a category at once: one attribute per wrapper, the structure stays as it is. */
  setEnabled(type: EntityType, on: boolean): void {
    if (on) this.enabled.add(type);
    else this.enabled.delete(type);
    for (const [mark, wrappers] of this.wrappersOf) {
      if (mark.type !== type) continue;
      for (const w of wrappers) w.toggleAttribute('data-on', on);
    }
  }

  isEnabled(type: EntityType): boolean {
    return this.enabled.has(type);
  }

  /** The mark drawn by the wrapper at or around `el`, whether its category is shown or not. */
  markAt(el: Element): Mark | null {
    const wrapper = el.closest(WRAPPER_TAG);
    return wrapper ? (this.markOf.get(wrapper) ?? null) : null;
  }

  /** A new range over the mark's wrapped text as it is now (its own range points at nodes no longer on the page). */
  rangeOf(mark: Mark): Range | null {
    const wrappers = this.wrappersOf.get(mark);
    const first = wrappers?.[0]?.firstChild;
    const last = wrappers?.[wrappers.length - 1]?.lastChild;
    if (!first || !last || !first.isConnected || !last.isConnected) return null;
    const range = this.doc.createRange();
    range.setStart(first, 0);
    range.setEnd(last, last.nodeType === Node.TEXT_NODE ? (last as Text).length : last.childNodes.length);
    return range;
  }

  /** Restores the page exactly and removes the styles. */
  destroy(): void {
    this.clear();
    this.removeStyles?.();
    this.removeStyles = null;
  }
}
