// @vitest-environment happy-dom
// Open shadow roots: their text is read like the document's, in the order a
// reader meets it; closed roots, skipped subtrees and Repères' own UI are not.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UI_HOST_TAG } from '../../page/collect';
import { scan } from '../../page/scan';
import { compareRanges, mergeInOrder, openShadowRoots, spanWithin } from '../../page/shadow';
import { projectIndex } from '../helpers';
import { fakeScannerTimers, inPlacePainter, liveScanner, settle, started } from './live';

const index = projectIndex();
beforeEach(fakeScannerTimers);
afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

/** The text nodes of each tree in turn. */
function textNodes(...trees: Node[]): Text[] {
  const out: Text[] = [];
  for (const tree of trees) {
    const walker = document.createTreeWalker(tree, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  }
  return out;
}

function host(parent: Element, html: string, mode: 'open' | 'closed' = 'open', tag = 'news-card'): ShadowRoot {
  const el = document.createElement(tag);
  parent.append(el);
  const root = el.attachShadow({ mode });
  root.innerHTML = html;
  return root;
}

describe('open shadow roots', () => {
  it('are found, nested ones too; closed roots, skipped subtrees and Repères’ UI are not', () => {
    document.body.innerHTML = '<div id="a"></div><code id="c"></code><div hidden id="h"></div>';
    const outer = host(document.getElementById('a')!, '<p>outer</p><div id="in"></div>');
    const inner = host(outer.getElementById('in')!, '<p>inner</p>');
    host(document.body, '<p>closed</p>', 'closed');
    host(document.getElementById('c')!, '<p>in code</p>');
    host(document.getElementById('h')!, '<p>hidden</p>');
    host(document.body, '<p>card</p>', 'open', UI_HOST_TAG);
    expect(openShadowRoots(document.body)).toEqual([outer, inner]);
  });

  it('their names are found, in the order a reader meets them across trees', () => {
    document.body.innerHTML = '<p>Zamir Kabulov spoke first.</p><div id="mid"></div><p>Then Islamabad answered.</p>';
    host(document.getElementById('mid')!, '<p>The Taliban held <b>Kabul</b>.</p>');
    host(document.body, '<p>Closed: Mazar-i-Sharif.</p>', 'closed');
    expect(scan(document.body, index).map((m) => m.range.toString())).toEqual(['Zamir Kabulov', 'Taliban', 'Kabul', 'Islamabad']);
    // The wrapper fallback leaves shadow trees alone.
    expect(scan(document.body, index, undefined, false).map((m) => m.range.toString())).toEqual(['Zamir Kabulov', 'Islamabad']);
  });

  it('compareRanges orders ranges in different trees by their hosts', () => {
    document.body.innerHTML = '<p id="x">before</p><div id="h"></div><p id="y">after</p>';
    const root = host(document.getElementById('h')!, '<p id="s">inside</p>');
    const range = (node: Node) => {
      const r = document.createRange();
      r.selectNodeContents(node);
      return r;
    };
    const [before, inside, after] = [range(document.getElementById('x')!), range(root.getElementById('s')!), range(document.getElementById('y')!)];
    expect([after, inside, before].sort(compareRanges)).toEqual([before, inside, after]);
  });

  it('mergeInOrder places fresh marks among kept ones as a whole sort would (any split, any order of the fresh ones)', () => {
    document.body.innerHTML = '<p id="x">one two</p><div id="h"></div><p id="y">three <b>four</b> five</p>';
    const root = host(document.getElementById('h')!, '<p>six seven</p><p>eight</p>');
    const texts = textNodes(document.body, root);
    const marks = texts.flatMap((t, i) =>
      [0, 2]
        .filter((o) => o < t.data.length)
        .map((o) => {
          const range = document.createRange();
          range.setStart(t, o);
          range.setEnd(t, Math.min(t.data.length, o + 2));
          return { range, id: `${i}:${o}` };
        }),
    );
    const sorted = [...marks].sort((a, b) => compareRanges(a.range, b.range)).map((m) => m.id);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: marks.length, maxLength: marks.length }), fc.integer(), (isFresh, seed) => {
        const ordered = [...marks].sort((a, b) => compareRanges(a.range, b.range));
        const kept = ordered.filter((_, i) => !isFresh[i]);
        // Fresh marks come from several trees, each scanned on its own: any order.
        const fresh = ordered.filter((_, i) => isFresh[i]).sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 5));
        expect(mergeInOrder(kept, fresh).map((m) => m.id)).toEqual(sorted);
      }),
    );
  });

  it('the live scanner follows text added inside a shadow root later', async () => {
    document.body.innerHTML = '<p>Zamir Kabulov spoke.</p><div id="h"></div>';
    const root = host(document.getElementById('h')!, '<div id="feed"></div>');
    const styled: ShadowRoot[] = [];
    const { scanner, controller } = liveScanner(index, inPlacePainter({ styleShadowRoot: (r) => void styled.push(r) }));
    await started(scanner);
    expect(styled).toEqual([root]);
    const p = document.createElement('p');
    p.textContent = 'Imran Khan answered from Islamabad.';
    root.getElementById('feed')!.append(p);
    await settle();
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'imran-khan', 'islamabad']);
    controller.abort();
  });

  it('an edit next to a web component rescans it once: its marks are replaced, not doubled', async () => {
    document.body.innerHTML = '<div id="block">Zamir Kabulov spoke. <span id="h"></span></div><p>Kabul</p>';
    host(document.getElementById('h')!, '<p>Imran Khan answered.</p>');
    const { scanner, controller } = liveScanner(index, inPlacePainter());
    await started(scanner);
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'imran-khan', 'kabul']);
    (document.getElementById('block')!.firstChild as Text).data = 'Then Zamir Kabulov spoke again. ';
    await settle();
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'imran-khan', 'kabul']);
    controller.abort();
  });

  it('a web component moved down the page keeps one set of marks, in its new place in reading order', async () => {
    document.body.innerHTML = '<div id="a"></div><p>Zamir Kabulov spoke.</p><div id="b"></div>';
    const root = host(document.getElementById('a')!, '<p>Imran Khan answered.</p>');
    const { scanner, controller } = liveScanner(index, inPlacePainter());
    await started(scanner);
    expect(scanner.all.map((m) => m.entity)).toEqual(['imran-khan', 'zamir-kabulov']);
    document.getElementById('b')!.append(root.host);
    await settle();
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'imran-khan']);
    controller.abort();
  });

  it('spanWithin finds the run of marks inside a node, shadow trees under it included', () => {
    document.body.innerHTML = '<p>one</p><div id="d">two <b>three</b><span id="h"></span></div><p>four</p>';
    const root = host(document.getElementById('h')!, '<p>five</p>');
    const all = textNodes(document.body, root);
    const marks = all
      .map((t) => {
        const range = document.createRange();
        range.selectNodeContents(t);
        return { range, text: t.data };
      })
      .sort((a, b) => compareRanges(a.range, b.range));
    const [from, to] = spanWithin(marks, document.getElementById('d')!);
    expect(marks.slice(from, to).map((m) => m.text)).toEqual(['two ', 'three', 'five']);
  });
});
