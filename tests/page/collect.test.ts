// @vitest-environment happy-dom
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { blockOf, collectSegments, locate, skipElement, spanAt } from '../../page/collect';
import { build, treeArb } from './dom-trees';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('collectSegments', () => {
  it('joins text that flows across inline elements, and separates blocks', () => {
    document.body.innerHTML = '<p>Envoy <b>Zamir</b> Kabulov said</p><p>Second <i>para</i></p>';
    expect(collectSegments(document.body).map((s) => s.text)).toEqual(['Envoy Zamir Kabulov said', 'Second para']);
  });

  it('skips what a reader does not read as text, and Repères’ own UI', () => {
    document.body.innerHTML = `
      <p>visible</p>
      <script>var a = "script"</script><style>.b { content: "style" }</style>
      <textarea>textarea</textarea><input value="input"><select><option>option</option></select>
      <div contenteditable="true">editable <b>inner</b></div><div contenteditable="false">not-editable</div>
      <pre>pre</pre><code>code</code><noscript>noscript</noscript><template>template</template>
      <div hidden>hidden</div><svg><text>svg</text></svg><reperes-ui>own</reperes-ui>`;
    const text = collectSegments(document.body)
      .map((s) => s.text.trim())
      .filter(Boolean);
    expect(text).toEqual(['visible', 'not-editable']);
  });

  it('maps segment offsets back to text nodes', () => {
    document.body.innerHTML = '<p>Envoy <b>Zamir</b> Kabulov</p>';
    const [seg] = collectSegments(document.body);
    const start = seg!.text.indexOf('Zamir');
    const a = locate(seg!, start, false);
    expect(a.node.data).toBe('Zamir');
    expect(a.offset).toBe(0);
    const b = locate(seg!, start + 'Zamir'.length, true);
    expect(b.node.data).toBe('Zamir');
    expect(b.offset).toBe(5);
    const c = locate(seg!, seg!.text.length, true);
    expect(c.node.data).toBe(' Kabulov');
    expect(c.offset).toBe(8);
  });
});

describe('collectSegments against the plain definition', () => {
  const tree = treeArb(
    fc.constantFrom('Zamir', ' Kabulov ', ' ', '\n  ', 'x', ''),
    ['p', 'div', 'b', 'span', 'a', 'em', 'script', 'code', 'section', 'li'],
    [undefined, 'hidden', 'contenteditable'],
  );

  // Each text node on its own: skipped when it or an ancestor up to `root` is,
  // grouped with its neighbours while they flow in the same block.
  function plain(root: Node): string[][] {
    const out: { block: Node; texts: string[] }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const value = (n as Text).data;
      if (!value) continue;
      let skipped = false;
      for (let at = n.parentNode; at; at = at === root ? null : at.parentNode) if (at.nodeType === 1 && skipElement(at as Element)) skipped = true;
      if (skipped) continue;
      const block = blockOf(n);
      const last = out[out.length - 1];
      if (last && last.block === block) last.texts.push(value);
      else out.push({ block, texts: [value] });
    }
    return out.filter((s) => s.texts.join('').trim()).map((s) => s.texts);
  }

  it('gives the same segments as the plain definition, from the body or from any element in it', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), fc.nat(), (trees, pick) => {
        document.body.innerHTML = '';
        for (const t of trees) build(t, document.body);
        const elements = [document.body, ...document.body.querySelectorAll('*')];
        const root = elements[pick % elements.length]!;
        const texts = (r: Node) => collectSegments(r).map((s) => s.spans.map((sp, i) => s.text.slice(sp.start, s.spans[i + 1]?.start ?? s.text.length)));
        expect(texts(root)).toEqual(plain(root));
        for (const s of collectSegments(root)) for (const sp of s.spans) expect(sp.parent).toBe(sp.node.parentElement);
      }),
      { numRuns: 500 },
    );
  });
});

describe('spanAt', () => {
  // Span starts in increasing order (a segment's), an offset, and a span to search from.
  const spans = fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 8 }).map((gaps) => {
    let at = 0;
    return gaps.map((g, i) => ({ start: i === 0 ? 0 : (at += g + 1) }));
  });

  it('finds from any span at or before the answer what it finds from the first', () => {
    fc.assert(
      fc.property(spans, fc.nat({ max: 50 }), fc.boolean(), fc.nat(), (list, offset, end, pick) => {
        const whole = spanAt(list, offset, end);
        // The plain definition: the last span starting before the offset (or at it, unless `end`).
        let plainAnswer = 0;
        list.forEach((s, i) => {
          if (s.start < offset || (!end && s.start === offset)) plainAnswer = i;
        });
        expect(whole).toBe(plainAnswer);
        expect(spanAt(list, offset, end, pick % (whole + 1))).toBe(whole);
      }),
    );
  });
});

describe('a segment under a shadow root', () => {
  it('has no parent element for the text directly under the root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = 'Zamir <b>Kabulov</b>';
    const [seg] = collectSegments(shadow);
    expect(seg!.spans.map((sp) => sp.parent?.localName ?? null)).toEqual([null, 'b']);
  });
});
