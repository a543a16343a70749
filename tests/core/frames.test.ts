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
    expect(f.framesWith(1, 'islamabad')).toEqual([7]);
    expect(f.framesWith(1, 'taliban')).toEqual([]);
    f.set(1, 7, {});
    expect(f.merged(1)).toEqual({ kabul: 2, taliban: 1 });
    f.clearTab(1);
    expect(f.merged(1)).toEqual({});
    expect(f.merged(2)).toEqual({ doha: 1 });
  });

  it('survives a restart of the background through plain data, newer reports winning', () => {
    const before = new FrameCounts();
    before.set(1, 0, { kabul: 2 });
    before.set(1, 7, { islamabad: 1 });
    const saved = JSON.parse(JSON.stringify(before.toJSON())) as ReturnType<FrameCounts['toJSON']>;
    const after = new FrameCounts();
    after.set(1, 7, { islamabad: 4 });
    after.restore(saved);
    expect(after.merged(1)).toEqual({ kabul: 2, islamabad: 4 });
  });

  it('addCounts sums two count maps', () => {
    expect(addCounts({ a: 1, b: 2 }, { b: 1, c: 4 })).toEqual({ a: 1, b: 3, c: 4 });
  });
});
