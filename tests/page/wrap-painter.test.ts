// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityType } from '../../core/model';
import type { Mark } from '../../page/highlights';
import { WRAP_CSS, WrapPainter } from '../../page/wrap-painter';

let painter: WrapPainter | null = null;

beforeEach(() => {
  document.body.replaceChildren();
  document.adoptedStyleSheets = [];
});

afterEach(() => {
  painter?.destroy();
  painter = null;
  vi.unstubAllGlobals();
});

function newPainter(): WrapPainter {
  painter = new WrapPainter(document);
  return painter;
}

/** The text nodes under `root`, each with the offset of its first character in root.textContent. */
function textNodes(root: Node): { node: Text; at: number }[] {
  const out: { node: Text; at: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    out.push({ node: n as Text, at });
    at += (n as Text).length;
  }
  return out;
}

/** A range over root.textContent[start, end), its boundaries in non-empty text nodes (as page/scan.ts builds them). */
function rangeOver(root: Node, start: number, end: number): Range {
  const range = document.createRange();
  const nodes = textNodes(root).filter((t) => t.node.length > 0);
  const s = nodes.find((t) => t.at <= start && start < t.at + t.node.length) ?? nodes[nodes.length - 1];
  const e = nodes.find((t) => t.at < end && end <= t.at + t.node.length) ?? s;
  if (!s || !e) {
    range.setStart(root, 0);
    return range;
  }
  range.setStart(s.node, Math.min(start - s.at, s.node.length));
  range.setEnd(e.node, Math.max(0, end - e.at));
  if (start >= end) range.collapse(true);
  return range;
}

function mark(root: Node, text: string, type: EntityType = 'person', entity = text.toLowerCase(), from = 0): Mark & { range: Range } {
  const start = (root.textContent ?? '').indexOf(text, from);
  if (start < 0) throw new Error(`no "${text}"`);
  return { entity, type, range: rangeOver(root, start, start + text.length) };
}

const wrappers = (root: ParentNode) => Array.from(root.querySelectorAll('reperes-mark'));

/** Children as [node name, text] pairs, to read a structure at a glance. */
const shape = (el: Node) =>
  Array.from(el.childNodes).map((n) => [n.nodeName.toLowerCase(), n.textContent, (n as Element).getAttribute?.('data-type') ?? null]);

function page(build: (p: HTMLParagraphElement) => void): HTMLParagraphElement {
  const p = document.createElement('p');
  build(p);
  document.body.append(p);
  return p;
}

describe('WrapPainter', () => {
  it('wraps a single mark in one text node, and puts the original node back', () => {
    const original = document.createTextNode('Envoy Kabulov said');
    const p = page((p) => p.append(original));
    const m = mark(p, 'Kabulov', 'person', 'zamir-kabulov');
    const w = newPainter();
    w.setMarks([m]);
    expect(shape(p)).toEqual([
      ['#text', 'Envoy ', null],
      ['reperes-mark', 'Kabulov', 'person'],
      ['#text', ' said', null],
    ]);
    const [wrapper] = wrappers(p);
    expect(wrapper!.getAttribute('data-entity')).toBe('zamir-kabulov');
    expect(original.isConnected).toBe(false);
    expect(original.data).toBe('Envoy Kabulov said');

    w.setMarks([]);
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(original);
    expect(original.data).toBe('Envoy Kabulov said');
  });

  it('wraps several marks in one text node, without empty text nodes at the edges', () => {
    const p = page((p) => p.append('Kabul and ISI and Kabulov'));
    const original = p.firstChild;
    const w = newPainter();
    w.setMarks([mark(p, 'Kabulov'), mark(p, 'Kabul', 'place'), mark(p, 'ISI', 'organization')]);
    expect(shape(p)).toEqual([
      ['reperes-mark', 'Kabul', 'place'],
      ['#text', ' and ', null],
      ['reperes-mark', 'ISI', 'organization'],
      ['#text', ' and ', null],
      ['reperes-mark', 'Kabulov', 'person'],
    ]);
    w.setMarks([]);
    expect(Array.from(p.childNodes)).toEqual([original]);
  });

  it('wraps a name split across inline elements piece by piece, never moving the elements', () => {
    const b = document.createElement('b');
    b.append('Zamir');
    const p = page((p) => p.append("L'envoyé ", b, ' Kabulov parle'));
    const before = Array.from(p.childNodes);
    const m = mark(p, 'Zamir Kabulov', 'person', 'zamir-kabulov');
    const w = newPainter();
    w.setMarks([m]);
    expect(b.parentNode).toBe(p);
    expect(shape(b)).toEqual([['reperes-mark', 'Zamir', 'person']]);
    expect(shape(p)).toEqual([
      ['#text', "L'envoyé ", null],
      ['b', 'Zamir', null],
      ['reperes-mark', ' Kabulov', 'person'],
      ['#text', ' parle', null],
    ]);
    expect(wrappers(p).map((el) => w.markAt(el))).toEqual([m, m]);
    expect(w.rangeOf(m)!.toString()).toBe('Zamir Kabulov');

    w.setMarks([]);
    expect(Array.from(p.childNodes)).toEqual(before);
    expect(shape(p)).toEqual([
      ['#text', "L'envoyé ", null],
      ['b', 'Zamir', null],
      ['#text', ' Kabulov parle', null],
    ]);
  });

  it('shows and hides a category with one attribute, leaving the structure as it is', () => {
    const p = page((p) => p.append('Kabul and Kabulov'));
    const w = newPainter();
    w.setMarks([mark(p, 'Kabul', 'place'), mark(p, 'Kabulov', 'person')]);
    const nodes = [...Array.from(p.childNodes), ...wrappers(p).map((el) => el.firstChild)];
    const [place, person] = wrappers(p);

    w.setEnabled('person', true);
    expect(person!.hasAttribute('data-on')).toBe(true);
    expect(place!.hasAttribute('data-on')).toBe(false);
    expect(w.isEnabled('person')).toBe(true);
    w.setEnabled('place', true);
    w.setEnabled('person', false);
    expect(person!.hasAttribute('data-on')).toBe(false);
    expect(place!.hasAttribute('data-on')).toBe(true);
    expect([...Array.from(p.childNodes), ...wrappers(p).map((el) => el.firstChild)]).toEqual(nodes);
    expect(Array.from(person!.attributes).map((a) => a.name)).toEqual(['data-type', 'data-entity']);

    // New wrappers follow the current state.
    w.setMarks([mark(p, 'Kabul', 'place')]);
    expect(wrappers(p)[0]!.hasAttribute('data-on')).toBe(true);
  });

  it('styles enabled categories with the Highlight API colours, adopted once by the document', () => {
    const w = newPainter();
    expect(document.adoptedStyleSheets.length).toBe(1);
    const css = Array.from(document.adoptedStyleSheets[0]!.cssRules).map((r) => r.cssText).join('\n');
    expect(css).toContain('reperes-mark[data-type="person"][data-on]');
    expect(WRAP_CSS).toMatch(/reperes-mark\[data-type="person"\]\[data-on\] \{ background-color: rgb\(255 176 0 \/ 0\.30\); text-decoration: underline 2px rgb\(214 134 0\); \}/);
    expect(WRAP_CSS).toMatch(/reperes-mark \{ display: inline/);
    expect(WRAP_CSS).not.toContain('::highlight');
    w.setEnabled('person', true);
    expect(document.adoptedStyleSheets.length).toBe(1);
  });

  it('finds the mark of a wrapper (or of an element inside it) and a live range over its wrapped text', () => {
    const p = page((p) => p.append('Envoy Kabulov and Kabul'));
    const m = mark(p, 'Kabulov');
    const other = mark(p, 'Kabul', 'place', 'kabul', 10);
    const w = newPainter();
    w.setMarks([m, other]);
    const [wrapper] = wrappers(p);
    expect(w.markAt(wrapper!)).toBe(m);
    const inner = document.createElement('span');
    wrapper!.append(inner);
    expect(w.markAt(inner)).toBe(m);
    inner.remove();
    expect(w.markAt(p)).toBeNull();
    const foreign = document.createElement('reperes-mark');
    p.append(foreign);
    expect(w.markAt(foreign)).toBeNull();
    foreign.remove();

    const r = w.rangeOf(m)!;
    expect(r.startContainer).toBe(wrapper!.firstChild);
    expect(r.toString()).toBe('Kabulov');
    expect(w.rangeOf(other)!.toString()).toBe('Kabul');
    expect(w.rangeOf(mark(p, 'Envoy'))).toBeNull();
    w.setMarks([]);
    expect(w.rangeOf(m)).toBeNull();
    expect(w.markAt(wrapper!)).toBeNull();
  });

  it('puts the marks’ own ranges back when unwrapping (browsers collapse them when their text leaves the page)', () => {
    const p = page((p) => p.append('Envoy Kabulov said'));
    const m = mark(p, 'Kabulov');
    const w = newPainter();
    w.setMarks([m]);
    const collapse = () => {
      m.range.setStart(p, 1); // What a browser does to a range whose text node is removed.
      m.range.collapse(true);
    };
    collapse();
    w.setMarks([]);
    expect(m.range.toString()).toBe('Kabulov');
    // So the same marks can be drawn again, straight over themselves too.
    w.setMarks([m]);
    collapse();
    w.setMarks([m]);
    expect(wrappers(p).map((el) => el.textContent)).toEqual(['Kabulov']);
    expect(w.rangeOf(m)!.toString()).toBe('Kabulov');
  });

  it('accepts marks built over the wrapped page, carrying their ranges over to the original text', () => {
    const original = document.createTextNode('Envoy Kabulov in Kabul');
    const p = page((p) => p.append(original));
    const w = newPainter();
    w.setMarks([mark(p, 'Kabulov')]);
    const later = mark(p, 'Kabul', 'place', 'kabul', 10); // Its boundaries are in a piece.
    w.setMarks([later]);
    expect(wrappers(p).map((el) => el.textContent)).toEqual(['Kabul']);
    w.setMarks([]);
    expect(later.range.startContainer).toBe(original);
    expect(later.range.toString()).toBe('Kabul');
  });

  it('skips odd marks without throwing: collapsed, detached, untouchable, overlapping, or not a range', () => {
    const code = document.createElement('code');
    code.append('Kabul');
    const edit = document.createElement('span');
    edit.setAttribute('contenteditable', 'true');
    edit.append('ISI');
    const p = page((p) => p.append('Zamir ', code, ' Kabulov ', edit));
    const detached = document.createElement('p');
    detached.append('Kabulov');
    const collapsed = mark(p, 'Zamir');
    collapsed.range.collapse(true);
    const across = { entity: 'x', type: 'place' as const, range: document.createRange() };
    across.range.setStart(p.firstChild!, 0);
    across.range.setEnd(p.childNodes[2]!, 4); // "Zamir Kabul Kab": reaches into <code>.
    const odd: Mark[] = [
      collapsed,
      mark(detached, 'Kabulov'),
      mark(p, 'Kabul', 'place'),
      mark(p, 'ISI', 'organization'),
      across,
      mark(p, 'Kabulov'),
      mark(p, 'abulo'), // overlaps the mark before it
      { entity: 'y', type: 'person', range: null as unknown as Range },
      { entity: 'z', type: 'person', range: {} as Range },
    ];
    const w = newPainter();
    expect(() => w.setMarks(odd)).not.toThrow();
    expect(wrappers(document.body).map((el) => el.textContent)).toEqual(['Kabulov']);
    expect(detached.childNodes.length).toBe(1);
    expect(() => w.setMarks([])).not.toThrow();
    expect(shape(p).map(([name, text]) => [name, text])).toEqual([
      ['#text', 'Zamir '],
      ['code', 'Kabul'],
      ['#text', ' Kabulov '],
      ['span', 'ISI'],
    ]);
  });

  it('destroy restores the page and removes the adopted stylesheet', () => {
    const p = page((p) => p.append('Envoy Kabulov said'));
    const original = p.firstChild;
    const w = newPainter();
    w.setMarks([mark(p, 'Kabulov')]);
    w.destroy();
    painter = null;
    expect(Array.from(p.childNodes)).toEqual([original]);
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  it('falls back to a <style> element without constructable stylesheets, and removes it on destroy', () => {
    vi.stubGlobal(
      'CSSStyleSheet',
      class {
        constructor() {
          throw new TypeError('not constructable');
        }
      },
    );
    const w = newPainter();
    const style = document.head.querySelector('style[data-reperes]');
    expect(style?.textContent).toBe(WRAP_CSS);
    w.destroy();
    painter = null;
    expect(document.head.querySelector('style[data-reperes]')).toBeNull();
  });
});

// ---- Property: unwrapping restores the DOM exactly ----

type Spec =
  | { kind: 'text'; data: string }
  | { kind: 'comment'; data: string }
  | { kind: 'el'; tag: string; attrs: [string, string][]; children: Spec[] };

const WORDS = ['Zamir', 'Kabulov', 'Kabul', 'ISI', ' ', 'de ', "l'", '\u00AD', 'é', ''];
const NAMES = ['Zamir Kabulov', 'Kabulov', 'Kabul', 'ISI'];

const { node: specArb } = fc.letrec<{ node: Spec; text: Spec; el: Spec }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('text'), tie('text'), tie('el'), fc.constant<Spec>({ kind: 'comment', data: 'c' })),
  // Adjacent and empty text nodes are part of what must come back unmerged.
  text: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((ws): Spec => ({ kind: 'text', data: ws.join('') })),
  el: fc.record({
    kind: fc.constant('el' as const),
    // <code> stands for an element Repères must not write in.
    tag: fc.constantFrom('p', 'span', 'b', 'i', 'a', 'code'),
    attrs: fc.array(fc.tuple(fc.constantFrom('class', 'title', 'data-x'), fc.string({ maxLength: 3 })), { maxLength: 2 }),
    children: fc.array(tie('node'), { maxLength: 4 }),
  }),
}));

function build(spec: Spec): Node {
  if (spec.kind === 'text') return document.createTextNode(spec.data);
  if (spec.kind === 'comment') return document.createComment(spec.data);
  const el = document.createElement(spec.tag);
  for (const [name, value] of spec.attrs) el.setAttribute(name, value);
  for (const child of spec.children) el.append(build(child));
  return el;
}

/** Node types, names, attributes and data, in document order. */
function serialise(node: Node): string {
  if (node.nodeType === Node.ELEMENT_NODE) {
    const el = node as Element;
    const attrs = Array.from(el.attributes).map((a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('');
    return `<${el.tagName.toLowerCase()}${attrs}>${Array.from(el.childNodes).map(serialise).join('')}</>`;
  }
  return `[${node.nodeType}:${JSON.stringify((node as CharacterData).data)}]`;
}

interface Snapshot {
  html: string;
  nodes: Node[];
  parents: (Node | null)[];
  indices: number[];
}

function snapshot(root: Node): Snapshot {
  const nodes: Node[] = [];
  const visit = (n: Node) => {
    nodes.push(n);
    n.childNodes.forEach(visit);
  };
  visit(root);
  return {
    html: serialise(root),
    nodes,
    parents: nodes.map((n) => n.parentNode),
    indices: nodes.map((n) => (n.parentNode ? Array.prototype.indexOf.call(n.parentNode.childNodes, n) : -1)),
  };
}

function expectRestored(root: Node, before: Snapshot): void {
  const after = snapshot(root);
  expect(after.html).toBe(before.html);
  expect(after.nodes.length).toBe(before.nodes.length);
  // The same node objects, under the same parents, at the same positions.
  expect(after.nodes.every((n, i) => n === before.nodes[i])).toBe(true);
  expect(after.parents.every((n, i) => n === before.parents[i])).toBe(true);
  expect(after.indices).toEqual(before.indices);
}

interface Planned {
  mark: Mark;
  start: number;
  end: number;
}

/** What the painter must wrap: non-empty marks clear of <code>, first come first served. */
function expectedWrapped(planned: Planned[], inCode: boolean[]): Set<Mark> {
  const taken: Planned[] = [];
  for (const p of planned) {
    if (p.start >= p.end) continue;
    if (inCode.slice(p.start, p.end).some(Boolean)) continue;
    if (taken.some((t) => p.start < t.end && t.start < p.end)) continue;
    taken.push(p);
  }
  return new Set(taken.map((t) => t.mark));
}

describe('WrapPainter property', () => {
  it('wraps exactly the marks it can, keeps the text, and restores every original node on removal and on destroy', () => {
    const TYPES: EntityType[] = ['person', 'organization', 'place'];
    fc.assert(
      fc.property(
        fc.array(specArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...TYPES)), { maxLength: 6 }),
        fc.boolean(),
        fc.subarray(TYPES),
        (specs, randomSpans, namesFirst, shown) => {
          document.body.replaceChildren();
          document.adoptedStyleSheets = [];
          const root = document.createElement('div');
          for (const s of specs) root.append(build(s));
          document.body.append(root);
          const text = root.textContent ?? '';

          // Marks: the known names wherever they occur, plus arbitrary spans.
          const names: Planned[] = NAMES.flatMap((name) =>
            [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ start: m.index, end: m.index + name.length, type: 'person' as EntityType })),
          ).map((s) => ({ ...s, mark: { entity: text.slice(s.start, s.end), type: s.type, range: rangeOver(root, s.start, s.end) } }));
          const spans: Planned[] = randomSpans.map(([x, y, type]) => {
            const [start, end] = [x % (text.length + 1), y % (text.length + 1)].sort((a, b) => a - b) as [number, number];
            return { start, end, mark: { entity: `e${start}-${end}`, type, range: rangeOver(root, start, end) } };
          });
          const planned = namesFirst ? [...names, ...spans] : [...spans, ...names];
          const marks = planned.map((p) => p.mark);

          const inCode: boolean[] = [];
          for (const { node } of textNodes(root)) for (let i = 0; i < node.length; i++) inCode.push(!!node.parentElement?.closest('code'));
          const expected = expectedWrapped(planned, inCode);
          const before = snapshot(root);
          const originalElements = before.nodes.map((n, i) => [n, before.parents[i]] as const).filter(([n]) => n.nodeType === Node.ELEMENT_NODE);

          const w = new WrapPainter(document);
          for (const t of shown) w.setEnabled(t, true);

          for (let round = 0; round < 2; round++) {
            w.setMarks(marks);
            // While wrapped: same text, page elements where they were, only non-empty new text nodes.
            expect(root.textContent).toBe(text);
            expect(originalElements.every(([el, parent]) => el.parentNode === parent)).toBe(true);
            const original = new Set(before.nodes);
            expect(textNodes(root).every(({ node }) => original.has(node) || node.length > 0)).toBe(true);
            // Exactly the expected marks are wrapped, each over its own text.
            for (const p of planned) {
              const r = w.rangeOf(p.mark);
              expect(r !== null).toBe(expected.has(p.mark));
              if (r) expect(r.toString()).toBe(text.slice(p.start, p.end));
            }
            for (const el of wrappers(root)) {
              const m = w.markAt(el)!;
              expect(expected.has(m)).toBe(true);
              expect(el.closest('code')).toBeNull();
              expect(el.getAttribute('data-type')).toBe(m.type);
              expect(el.hasAttribute('data-on')).toBe(shown.includes(m.type));
            }
            if (round === 0) {
              w.setMarks([]);
              expectRestored(root, before);
              // The marks' ranges are usable again: the second round wraps the same set.
              for (const p of planned) expect(p.mark.range.toString()).toBe(p.start < p.end ? text.slice(p.start, p.end) : '');
            } else {
              w.destroy();
              expectRestored(root, before);
              expect(document.adoptedStyleSheets).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
