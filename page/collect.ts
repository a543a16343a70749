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
  const name = el.localName;
  if (SKIP.has(name) || name === UI_HOST_TAG) return true;
  // Most inline elements (<b>, <em>) carry no attribute: one call answers.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whether the element holding a match is rendered (not display: none, visibility: hidden…). */
export function isShown(el: Element | null): boolean {
  if (!el) return false;
  const check = (el as HTMLElement).checkVisibility;
  // Missing in some engines (and in happy-dom): then the attributes decided.
  return typeof check !== 'function' || check.call(el, { visibilityProperty: true });
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

/** Walks `root` and yields its reading text as segments, one block at a time. */
export function* iterateSegments(root: Node): Generator<Segment> {
  const doc = root.ownerDocument ?? (root as Document);
  if (root.nodeType === 1 && skipElement(root as Element)) return;
  let current: Segment | null = null;
  let currentBlock: Node | null = null;
  let hasText = false;
  // A text-only walker with no filter: a JavaScript filter called for every
  // element and text node cost more than half the scan on the bench's long
  // page. What a parent element means for its text (skipped, or the block it
  // flows in) is decided once per parent and remembered, from its own
  // parent's answer; neighbouring text nodes mostly share a parent.
  const blocks = new Map<Node, Node | null>();
  const blockFor = (parent: Node): Node | null => {
    const known = blocks.get(parent);
    if (known !== undefined) return known;
    const element = parent.nodeType === 1;
    let block: Node | null;
    if (element && skipElement(parent as Element)) block = null;
    else if (parent === root || parent.parentNode === null) {
      // Not skipped below `root`; the block may still be above it.
      block = element && INLINE.has((parent as Element).localName) ? blockOf(parent) : parent;
    } else {
      const above = blockFor(parent.parentNode);
      block = above === null ? null : element && INLINE.has((parent as Element).localName) ? above : parent;
    }
    blocks.set(parent, block);
    return block;
  };
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let lastParent: Node | null = null;
  let lastBlock: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    const value = text.data;
    if (value.length === 0) continue;
    const parent = text.parentNode;
    if (parent !== lastParent) {
      lastParent = parent;
      lastBlock = parent === null ? null : blockFor(parent);
    }
    if (lastBlock === null) continue;
    if (!current || lastBlock !== currentBlock) {
      if (current && hasText) yield current;
      current = { text: '', spans: [] };
      currentBlock = lastBlock;
      hasText = false;
    }
    current.spans.push({ node: text, start: current.text.length });
    current.text += value;
    if (!hasText) hasText = NOT_SPACE.test(value);
  }
  if (current && hasText) yield current;
}

/** Walks `root` and returns its reading text as segments. */
export function collectSegments(root: Node): Segment[] {
  return [...iterateSegments(root)];
}

/** The (node, offset) of a segment offset. At a node boundary, `end` picks the earlier node. */
/** Between two segments of the reading text: a paragraph break, so no name runs across blocks. */
export const SEGMENT_SEPARATOR = '\n\n';

/** The reading text under `root`, as the scan reads it: its segments joined by a paragraph break. */
export function readingText(root: Node): string {
  return collectSegments(root)
    .map((s) => s.text)
    .join(SEGMENT_SEPARATOR);
}

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
