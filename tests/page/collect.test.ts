// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { collectSegments, locate } from '../../page/collect';

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
    const text = collectSegments(document.body).map((s) => s.text.trim()).filter(Boolean);
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
