// @vitest-environment happy-dom
// Properties over generated DOM trees: scanning never throws, every mark's
// range covers exactly the text of an alias of its entity, and painting with
// the Highlight API leaves the page's DOM and text exactly as they were.
// happy-dom has no Highlight API: a minimal stand-in (a Set per highlight,
// a Map registry) is installed, which is all the painter uses.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../core/normalize';
import { HighlightSets } from '../../page/highlights';
import { scan } from '../../page/scan';
import { projectIndex, projectSources } from '../helpers';
import { build, treeArb } from './dom-trees';
import { installHighlightStandIn } from './live';

beforeAll(() => {
  installHighlightStandIn();
});

const index = projectIndex();
const { entities } = projectSources();
const aliasForms = new Map(entities.map((e) => [e.id, new Set(e.aliases.flatMap((a) => [normalizeText(a.text), `${normalizeText(a.text)}s`]))]));

const WORDS = [
  'Zamir',
  'Kabulov',
  'Kabul',
  'ISI',
  "l'ISI",
  'talibans',
  'Mazar-i-Sharif',
  'Imran',
  'Khan',
  'Islamabad',
  'the',
  'de',
  'un',
  'UN',
  'Hamid',
  'Karzai',
  'é',
  'Kabu\u00ADlov',
  '\n',
];
const TAGS = ['p', 'span', 'b', 'i', 'a', 'div', 'em', 'code', 'textarea', 'section', 'wbr'];

// `hidden` on some elements: their text is not read, and the attribute must stay as it was.
const tree = treeArb(
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' ')),
  TAGS,
  [undefined, 'hidden'],
);

/** Node types, names, attributes and text, plus node identities, for exact comparison. */
function snapshot(root: Node): { shape: string; nodes: Node[] } {
  const nodes: Node[] = [];
  const walk = (n: Node): string => {
    nodes.push(n);
    if (n.nodeType === 3) return JSON.stringify((n as Text).data);
    const el = n as Element;
    const attrs = el.attributes ? [...el.attributes].map((a) => `${a.name}=${a.value}`).join(',') : '';
    return `<${n.nodeName}${attrs}>${[...n.childNodes].map(walk).join('')}</>`;
  };
  return { shape: walk(root), nodes };
}

describe('scanning and painting over any tree', () => {
  it('never throws, marks only alias text, and leaves the DOM exactly as it was', () => {
    let marked = 0;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (trees) => {
        document.body.replaceChildren();
        for (const t of trees) build(t, document.body);
        const before = snapshot(document.body);
        const marks = scan(document.body, index);
        marked += marks.length;
        for (const m of marks) {
          const forms = aliasForms.get(m.entity)!;
          expect(forms.has(normalizeText(m.range.toString())), `${m.entity}: ${m.range.toString()}`).toBe(true);
          expect(m.range.startContainer.parentElement?.closest('textarea, code, [hidden]')).toBeNull();
        }
        // Every mark at once, as the shipping painter does for those near the viewport (it paints them after a frame).
        const painter = new HighlightSets(document);
        painter.setMarks(marks);
        for (const type of ['person', 'organization', 'place'] as const) painter.setEnabled(type, true);
        const during = snapshot(document.body);
        expect(during.shape).toBe(before.shape);
        expect(during.nodes).toHaveLength(before.nodes.length);
        during.nodes.forEach((n, i) => expect(n).toBe(before.nodes[i]));
        painter.destroy();
        expect(snapshot(document.body).shape).toBe(before.shape);
      }),
      { numRuns: 150 },
    );
    expect(marked, 'the generated pages do hold names').toBeGreaterThan(100);
  });
});
