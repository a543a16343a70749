import { describe, expect, it } from 'vitest';
import { addCounts, FrameCounts } from '../../core/frames';

describe('FrameCounts', () => {
  it('adds up a tab’s frames, can leave the top frame out, and forgets frames and tabs that went away', () => {
    const f = new FrameCounts();
    f.set(1, 0, { kabul: 2, taliban: 1 });
    f.set(1, 7, { kabul: 1, islamabad: 3 });
    f.set(2, 0, { doha: 1 });
    expect(f.merged(1)).toEqual({ kabul: 3, taliban: 1, islamabad: 3 });
    expect(f.merged(1, 0)).toEqual({ kabul: 1, islamabad: 3 });
    f.set(1, 7, {});
    expect(f.merged(1)).toEqual({ kabul: 2, taliban: 1 });
    f.clearTab(1);
    expect(f.merged(1)).toEqual({});
    expect(f.merged(2)).toEqual({ doha: 1 });
  });

  it('addCounts sums two count maps', () => {
    expect(addCounts({ a: 1, b: 2 }, { b: 1, c: 4 })).toEqual({ a: 1, b: 3, c: 4 });
  });
});
