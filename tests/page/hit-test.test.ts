// @vitest-environment happy-dom
// The hit-test index: marks filed under the text nodes they cover, and
// forgotten exactly, even once their ranges have moved with the page's text.
import { describe, expect, it } from 'vitest';
import type { Mark } from '../../page/highlights';
import { MarkIndex } from '../../page/hit-test';

function mark(start: Text, from: number, end: Text, to: number, entity: string): Mark {
  const range = document.createRange();
  range.setStart(start, from);
  range.setEnd(end, to);
  return { entity, type: 'person', range };
}

describe('MarkIndex', () => {
  it('files a mark under every text node it covers, and forgets only the marks removed', () => {
    document.body.innerHTML = '<p><b>Zamir</b> Kabulov and Kabul</p>';
    const [zamir, rest] = [document.querySelector('b')!.firstChild as Text, document.querySelector('b')!.nextSibling as Text];
    const person = mark(zamir, 0, rest, 8, 'zamir-kabulov');
    const place = mark(rest, 13, rest, 18, 'kabul');
    const index = new MarkIndex([person, place]);
    expect(index.under(zamir)).toEqual([person]);
    expect(index.under(rest)).toEqual([person, place]);
    index.remove([person]);
    expect(index.under(zamir)).toEqual([]);
    expect(index.under(rest)).toEqual([place]);
  });

  it('forgets a mark whose text left the page (its range collapsed elsewhere)', () => {
    document.body.innerHTML = '<p id="a">Zamir Kabulov</p><p>Kabul</p>';
    const gone = document.getElementById('a')!.firstChild as Text;
    const m = mark(gone, 0, gone, 13, 'zamir-kabulov');
    const index = new MarkIndex([m]);
    document.getElementById('a')!.remove();
    index.remove([m]);
    expect(index.under(gone)).toEqual([]);
  });
});
