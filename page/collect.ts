// Collects the text a reader reads, as segments: runs of text nodes that
// flow together inside one block, so a name split across inline elements
// (<b>Zamir</b> Kabulov) is one string to match. Each segment maps its
// offsets back to (text node, offset) for building ranges. The page's DOM is
// only read, never changed.

/** Elements whose content is not reading text, or is the reader's own input (by localName). */
export const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'video',
  'audio',
  'head',
  'title',
  'kbd',
  'samp',
]);

/** Inline elements: text inside them flows with its neighbours. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'del',
  'label',
  'mark',
  'q',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'big',
  'nobr',
  'tt',
  'reperes-mark', // the fallback painter's own wrapper
]);

/** Tag of the host element of Repères' own UI: never scanned. */
export const UI_HOST_TAG = 'reperes-ui';

export interface NodeSpan {
  node: Text;
  /** Offset of the node's first character in the segment text. */
  start: number;
  /**
   * The node's parent element when it was collected (null under a shadow
   * root): known from the walk, so a mark needs no call into the DOM to find
   * the element whose style decides whether it is shown.
   */
  parent: Element | null;
}

export interface Segment {
  text: string;
  spans: NodeSpan[];
}

// Every element of the page passes here, so only cheap checks: names and
// attributes, no style. Elements hidden by CSS are ruled out later, and only
// where a name was found (see isShown): measured on the 1.1 MB bench page,
// checking styles here cost more than all the matching.
export function skipElement(el: Element): boolean {
  return skipNamed(el, el.localName);
}

/** `skipElement`, its name already read: each read of a DOM property is a call into the browser. */
function skipNamed(el: Element, name: string): boolean {
  if (SKIP.has(name) || name === UI_HOST_TAG) return true;
  // Most inline elements (<b>, <em>) carry no attribute: one call answers.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** checkVisibility's options: one object for every call. */
const VISIBILITY = { visibilityProperty: true };

/** Whether the element holding a match is rendered (not display: none, visibility: hidden…). */
export function isShown(el: Element | null): boolean {
  if (!el) return false;
  const check = (el as HTMLElement).checkVisibility;
  // Missing in some engines (and in happy-dom): then the attributes decided.
  return typeof check !== 'function' || check.call(el, VISIBILITY);
}

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

/** The block a node's text flows in: its nearest non-inline ancestor. */
export function blockOf(node: Node): Node {
  let at: Node | null = node.parentNode;
  while (at && at.nodeType === 1 && INLINE.has((at as Element).localName)) at = at.parentNode;
  return at ?? node;
}

const NOT_SPACE = /\S/;

/**
 * Where a walk over the text nodes under `root` stands: the elements from
 * `root` down to the last text node's parent, each with the block its text
 * flows in (null: skipped). Text nodes come in document order, so a new
 * parent hangs below an element on this path, and the elements the walk has
 * left are never met again: no map of every element is kept, and each
 * element costs one read of its name and attributes and one of its parent.
 */
interface WalkPath {
  root: Node;
  nodes: Node[];
  blocks: (Node | null)[];
  depth: number;
  /** The elements from a new parent up to the path, reused from call to call. */
  chain: Node[];
}

/** The block `parent`'s text flows in (null when skipped), the path moved to `parent`. */
function blockFor(walk: WalkPath, parent: Node): Node | null {
  const { root, nodes, blocks, chain } = walk;
  let links = 0;
  let k = -1;
  for (let at: Node | null = parent; at; at = at.parentNode) {
    k = walk.depth - 1;
    while (k >= 0 && nodes[k] !== at) k--;
    if (k >= 0) break;
    chain[links++] = at;
    if (at === root) break;
  }
  let depth = k + 1;
  let block = k >= 0 ? blocks[k]! : null;
  for (let c = links - 1; c >= 0; c--) {
    const at = chain[c]!;
    if (depth === 0) {
      // `root` (not skipped: `iterateSegments` checks), or what stands for it: the block may be above it.
      const inline = at.nodeType === 1 && INLINE.has((at as Element).localName);
      block = inline ? blockOf(at) : at;
    } else if (block !== null) {
      // Below `root`, only elements hold text nodes.
      const name = (at as Element).localName;
      block = skipNamed(at as Element, name) ? null : INLINE.has(name) ? block : at;
    }
    nodes[depth] = at;
    blocks[depth++] = block;
  }
  walk.depth = depth;
  return block;
}

/** Walks `root` and yields its reading text as segments, one block at a time. */
export function* iterateSegments(root: Node): Generator<Segment> {
  const doc = root.ownerDocument ?? (root as Document);
  if (root.nodeType === 1 && skipElement(root as Element)) return;
  let current: Segment | null = null;
  let currentBlock: Node | null = null;
  let hasText = false;
  // A text-only walker with no filter: a JavaScript filter called for every
  // element and text node cost more than half the scan on the bench's long
  // page. What an element means for the text under it is decided once, from
  // its parent's answer (see WalkPath).
  const walk: WalkPath = { root, nodes: [], blocks: [], depth: 0, chain: [] };
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  // Below `root`, a text node's parent is an element; `root` may be a shadow root.
  const rootElement = root.nodeType === 1 ? (root as Element) : null;
  let lastParent: Node | null = null;
  let lastElement: Element | null = null;
  let lastBlock: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    const value = text.data;
    if (value.length === 0) continue;
    const parent = text.parentNode;
    if (parent !== lastParent) {
      lastParent = parent;
      lastElement = parent === root ? rootElement : (parent as Element | null);
      lastBlock = parent === null ? null : blockFor(walk, parent);
    }
    if (lastBlock === null) continue;
    if (!current || lastBlock !== currentBlock) {
      if (current && hasText) yield current;
      current = { text: '', spans: [] };
      currentBlock = lastBlock;
      hasText = false;
    }
    current.spans.push({ node: text, start: current.text.length, parent: lastElement });
    current.text += value;
    if (!hasText) hasText = NOT_SPACE.test(value);
  }
  if (current && hasText) yield current;
}

/** Walks `root` and returns its reading text as segments. */
export function collectSegments(root: Node): Segment[] {
  return [...iterateSegments(root)];
}

/** Between two segments of the reading text: a paragraph break, so no name runs across blocks. */
export const SEGMENT_SEPARATOR = '\n\n';

/** The reading text under `root`, as the scan reads it: its segments joined by a paragraph break. */
export function readingText(root: Node): string {
  return collectSegments(root)
    .map((s) => s.text)
    .join(SEGMENT_SEPARATOR);
}

/** The (node, offset) of a segment offset. At a node boundary, `end` picks the earlier node. */
export function locate(segment: Segment, offset: number, end: boolean): { node: Text; offset: number } {
  const span = segment.spans[spanAt(segment.spans, offset, end)]!;
  return { node: span.node, offset: offset - span.start };
}

/**
 * `locate`'s span, by its index: the last span starting before `offset`
 * (at or before it unless `end`), searched from span `from` on.
 */
export function spanAt(spans: readonly { start: number }[], offset: number, end: boolean, from = 0): number {
  let lo = from;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = spans[mid]!.start;
    if (s < offset || (!end && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
