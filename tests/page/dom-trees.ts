// Generated DOM trees for the page properties: text, elements from a tag
// list, an attribute now and then.
import fc from 'fast-check';

export type Tree = string | { tag: string; children: Tree[]; attr?: string };

export function treeArb(texts: fc.Arbitrary<string>, tags: readonly string[], attrs: readonly (string | undefined)[]): fc.Arbitrary<Tree> {
  return fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('text'), tie('element')),
    text: texts,
    element: fc.record({ tag: fc.constantFrom(...tags), children: fc.array(tie('node'), { maxLength: 4 }), attr: fc.constantFrom(...attrs) }),
  })).node as fc.Arbitrary<Tree>;
}

/** Appends the tree to `parent`, an attribute given as an empty value. */
export function build(t: Tree, parent: Node): void {
  if (typeof t === 'string') {
    parent.appendChild(document.createTextNode(t));
    return;
  }
  const el = document.createElement(t.tag);
  if (t.attr) el.setAttribute(t.attr, '');
  for (const c of t.children) build(c, el);
  parent.appendChild(el);
}
