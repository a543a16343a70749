import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordSet } from '../../core/word-set';

describe('WordSet', () => {
  it('holds what a Set<number> of the same hashes holds, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 20_000 }), fc.array(fc.integer()), (added, asked) => {
        const set = new WordSet();
        for (const h of added) set.add(h);
        const reference = new Set(added);
        expect(set.size).toBe(reference.size);
        expect(new Set(set.values())).toEqual(reference);
        for (const h of [...asked, ...added.slice(0, 50)]) expect(set.has(h)).toBe(reference.has(h | 0) && (h | 0) === h);
      }),
      { numRuns: 50 },
    );
  });

  it('tells 0 from an empty slot', () => {
    const set = new WordSet();
    expect(set.has(0)).toBe(false);
    set.add(0);
    expect(set.has(0)).toBe(true);
    expect(set.values()).toEqual([0]);
  });
});
