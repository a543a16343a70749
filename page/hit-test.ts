// Finds the mark under the pointer without a listener per highlight:
// caretPositionFromPoint gives the text node and offset under the point, the
// marks indexed by text node give the candidates, and the range's own client
// rectangles confirm the point is on the text (the caret API snaps to the
// nearest character even when the pointer is in a margin).

import type { Mark } from './highlights';
import { withLive } from './ranges';

export class MarkIndex {
  private byNode = new Map<Node, Mark[]>();
  /** The nodes each mark was indexed under, to forget it exactly. */
  private indexedUnder = new Map<Mark, Node[]>();

  constructor(marks: readonly Mark[] = []) {
    this.add(marks);
  }

  add(marks: readonly Mark[]): void {
    for (const m of marks) {
      const nodes = nodesOf(m.range);
      this.indexedUnder.set(m, nodes);
      for (const node of nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(m);
        else this.byNode.set(node, [m]);
      }
    }
  }

  /** The marks over (part of) a text node. */
  under(node: Node): readonly Mark[] {
    return this.byNode.get(node) ?? [];
  }

  /** Forgets marks; each is looked for only under the nodes it was indexed by (its range may have moved since). */
  remove(marks: readonly Mark[]): void {
    if (marks.length === 0) return;
    const gone = new Set(marks);
    for (const m of marks) {
      for (const node of this.indexedUnder.get(m) ?? []) {
        const list = this.byNode.get(node);
        if (!list) continue;
        const left = list.filter((x) => !gone.has(x));
        if (left.length) this.byNode.set(node, left);
        else this.byNode.delete(node);
      }
      this.indexedUnder.delete(m);
    }
  }

  clear(): void {
    this.byNode.clear();
    this.indexedUnder.clear();
  }

  /** The mark under (x, y) among `visible` categories, if any. */
  /** @param shadowRoots open shadow roots with marks: the caret lookup may enter them */
  at(doc: Document, x: number, y: number, visible: (m: Mark) => boolean, shadowRoots: ShadowRoot[] = []): Mark | null {
    const caret = caretAt(doc, x, y, shadowRoots);
    if (!caret) return null;
    for (const m of this.under(caret.node)) {
      if (!visible(m)) continue;
      if (withLive(m.range, (r) => r.isPointInRange(caret.node, caret.offset) && contains(r, x, y))) return m;
    }
    return null;
  }
}

function nodesOf(range: AbstractRange): Node[] {
  if (range.startContainer === range.endContainer) return [range.startContainer];
  return (
    withLive(range, (live) => {
      const nodes: Node[] = [];
      const root = live.commonAncestorContainer;
      const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (live.intersectsNode(n)) nodes.push(n);
      return nodes;
    }) ?? []
  );
}

function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): CaretPosition | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const p = shadowRoots.length ? withPosition.caretPositionFromPoint(x, y, { shadowRoots }) : withPosition.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?(x: number, y: number): Range | null };
  const r = withRange.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

const SLOP = 1;

export function contains(range: Range, x: number, y: number): boolean {
  for (const r of Array.from(range.getClientRects())) {
    if (x >= r.left - SLOP && x <= r.right + SLOP && y >= r.top - SLOP && y <= r.bottom + SLOP) return true;
  }
  return false;
}
