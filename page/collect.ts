// Collects the text a reader reads, as segments: runs of text nodes that
// flow together inside one block, so a name split across inline elements
// (<b>Zamir</b> Kabulov) is one string to match. Each segment maps its
// offsets back to (text node, offset) for building ranges. The page's DOM is
// only read, never changed.

/** Elements whose content is not reading text, or is the reader's own input. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE',
  'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'KBD', 'SAMP',
]);

/** Inline elements: text inside them flows with its neighbours. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL', 'LABEL', 'MARK',
  'Q', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'BIG', 'NOBR', 'TT',
]);

/** Tag of the host element of Repères' own UI: never scanned. */
export const UI_HOST_TAG = 'reperes-ui';

export interface NodeSpan {
  node: Text;
  /** Offset of the node's first character in the segment text. */
  start: number;
}

export interface Segment {
  text: string;
  spans: NodeSpan[];
}

function skipElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP.has(tag) || tag === UI_HOST_TAG.toUpperCase()) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if ((el as HTMLElement).isContentEditable) return true;
  // checkVisibility is missing in some engines (and in happy-dom): then only
  // the attributes above decide.
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function' && el instanceof HTMLElement && !check.call(el)) {
    // An element with display: contents is "invisible" but its children are not.
    const view = el.ownerDocument.defaultView;
    return !view || view.getComputedStyle(el).display !== 'contents';
  }
  return false;
}

/** The block an element's text flows in: itself, or its nearest non-inline ancestor. */
function blockOf(node: Node): Node {
  let at: Node | null = node.parentNode;
  while (at && at.nodeType === 1 && INLINE.has((at as Element).tagName.toUpperCase())) at = at.parentNode;
  return at ?? node;
}

/** Walks `root` and returns its reading text as segments. */
export function collectSegments(root: Node): Segment[] {
  const doc = root.ownerDocument ?? (root as Document);
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let currentBlock: Node | null = null;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 1) return skipElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  // The walker never enters rejected elements; a root that is itself skipped yields nothing.
  if (root.nodeType === 1 && skipElement(root as Element)) return segments;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    const value = text.data;
    if (value.length === 0) continue;
    const block = blockOf(text);
    if (!current || block !== currentBlock) {
      if (current && current.text.trim()) segments.push(current);
      current = { text: '', spans: [] };
      currentBlock = block;
    }
    current.spans.push({ node: text, start: current.text.length });
    current.text += value;
  }
  if (current && current.text.trim()) segments.push(current);
  return segments;
}

/** The (node, offset) of a segment offset. At a node boundary, `end` picks the earlier node. */
export function locate(segment: Segment, offset: number, end: boolean): { node: Text; offset: number } {
  const spans = segment.spans;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = spans[mid]!.start;
    if (s < offset || (!end && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  const span = spans[lo]!;
  return { node: span.node, offset: offset - span.start };
}
