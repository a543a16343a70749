// Open shadow roots: web components (some news sites build whole articles
// from them) keep their text in shadow trees, which a document walk does not
// enter. Repères finds the open ones, scans them like the document, and keeps
// marks in the order a reader meets them across trees. Closed shadow roots
// stay closed.

import { skipElement, UI_HOST_TAG } from './collect';
import { comparePoints, nodeLength } from './ranges';

/** Whether `el` or an ancestor in its tree (up to `top`) is skipped: no reading text under it. */
function skippedUnder(el: Element, top: Node): boolean {
  for (let at: Node | null = el; at && at !== top; at = at.parentNode) if (at.nodeType === 1 && skipElement(at as Element)) return true;
  return top.nodeType === 1 && skipElement(top as Element);
}

/** The open shadow roots in `root`'s subtree, and in theirs, host before guest. Repères' own UI is left out. */
export function openShadowRoots(root: Node): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (tree: Node) => {
    const doc = tree.ownerDocument ?? (tree as Document);
    // A plain walker, and the skip rules checked only at the hosts found: a
    // walker with a JavaScript filter calls back into script for every
    // element of the page, and took many times longer on the bench's long page.
    const walker = doc.createTreeWalker(tree, 1 /* NodeFilter.SHOW_ELEMENT */);
    const check = (el: Element) => {
      const shadow = el.shadowRoot;
      if (shadow && el.localName !== UI_HOST_TAG && !skippedUnder(el, tree)) {
        out.push(shadow);
        visit(shadow);
      }
    };
    if (tree.nodeType === 1) check(tree as Element);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) check(n as Element);
  };
  visit(root);
  return out;
}

/** `node` and the shadow hosts above it, innermost first: the last one is in the document. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  let root = node.getRootNode();
  while (root.nodeType === 11 && (root as ShadowRoot).host) {
    const host = (root as ShadowRoot).host;
    chain.push(host);
    root = host.getRootNode();
  }
  return chain;
}

/** Document order of two ranges' starts across shadow trees: a shadow tree's text comes where its host stands. */
export function compareRanges(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer.getRootNode() === b.startContainer.getRootNode()) return comparePoints(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
  const ca = hostChain(a.startContainer);
  const cb = hostChain(b.startContainer);
  let i = ca.length - 1;
  let j = cb.length - 1;
  // Down through the hosts both share, to the first tree where they part.
  while (i > 0 && j > 0 && ca[i] === cb[j]) {
    i--;
    j--;
  }
  const x = ca[i]!;
  const y = cb[j]!;
  if (x === y) return i - j;
  const position = x.compareDocumentPosition(y);
  if (position & 4 /* FOLLOWING */) return -1;
  if (position & 2 /* PRECEDING */) return 1;
  return 0;
}

/**
 * `kept` (in reading order) and `fresh` marks as one list in reading order.
 * Only the fresh marks are placed, each by binary search among the kept
 * ones: an edit on a page with thousands of marks costs a few comparisons
 * per new mark rather than a sort of the whole page (measured in `npm run
 * bench`: "An edit on the long page").
 */
export function mergeInOrder<T extends { range: AbstractRange }>(kept: readonly T[], fresh: T[]): T[] {
  if (fresh.length === 0) return kept.slice();
  fresh.sort((a, b) => compareRanges(a.range, b.range));
  const out: T[] = [];
  let from = 0;
  for (const f of fresh) {
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareRanges(kept[mid]!.range, f.range) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = from; k < lo; k++) out.push(kept[k]!);
    out.push(f);
    from = lo;
  }
  for (let k = from; k < kept.length; k++) out.push(kept[k]!);
  return out;
}

/**
 * The run of `marks` (in reading order) whose text starts inside `root`,
 * shadow trees under it included, as [from, to): two binary searches
 * rather than a look at every mark of the page.
 */
export function spanWithin(marks: readonly { range: AbstractRange }[], root: Node): [number, number] {
  const doc = root.ownerDocument ?? (root as Document);
  const tree = root.getRootNode();
  const bounds = doc.createRange();
  bounds.selectNodeContents(root);
  // Where a mark starts, as a point of `root`'s tree: a mark in a shadow tree
  // stands where its host stands. -1 before `root`'s content, 0 inside, 1 after.
  const side = (range: AbstractRange): number => {
    let node: Node = range.startContainer;
    let offset = range.startOffset;
    for (let at = node.getRootNode(); at !== tree; at = node.getRootNode()) {
      const host = (at as ShadowRoot).host as Element | undefined;
      if (!host) return compareRanges(range, bounds) < 0 ? -1 : 1;
      node = host;
      offset = 0;
    }
    // A static range may reach past the end of text that has since shrunk.
    return bounds.comparePoint(node, Math.min(offset, nodeLength(node)));
  };
  const first = (past: number) => {
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (side(marks[mid]!.range) < past) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [first(0), first(1)];
}
