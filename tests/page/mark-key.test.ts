// @vitest-environment happy-dom
// A mention's identity across rescans: where it starts, not which object holds it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Mark } from '../../page/highlights';
import { keyOf, markOf, targetOf } from '../../page/mark-key';

afterEach(() => {
  document.body.innerHTML = '';
});

function mark(text: Text, from: number, to: number, entity: string): Mark {
  const range = document.createRange();
  range.setStart(text, from);
  range.setEnd(text, to);
  return { entity, type: 'place', range };
}

describe('mark keys', () => {
  it('gives a rescanned mark over the same text the same key, and other text other keys', () => {
    document.body.innerHTML = '<p>Kabul and Kabul</p><p>Kabul</p>';
    const [a, b] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const first = mark(a!, 0, 5, 'kabul');
    expect(keyOf(mark(a!, 0, 5, 'kabul'))).toBe(keyOf(first));
    const keys = new Set([keyOf(first), keyOf(mark(a!, 10, 15, 'kabul')), keyOf(mark(b!, 0, 5, 'kabul'))]);
    expect(keys.size).toBe(3);
  });

  it('finds the mark a hover target names, by entity and key', () => {
    document.body.innerHTML = '<p>Kabul and Kabul</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const marks = [mark(text, 0, 5, 'kabul'), mark(text, 10, 15, 'kabul')];
    expect(markOf(marks, targetOf(mark(text, 10, 15, 'kabul')))).toBe(marks[1]);
    expect(markOf(marks, { entity: 'kabul-province', key: keyOf(marks[0]!) })).toBeUndefined();
    expect(markOf([], targetOf(marks[0]!))).toBeUndefined();
  });
});
