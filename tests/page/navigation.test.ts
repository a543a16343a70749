// Moving through mentions without the pointer, over plain objects standing for the shown marks.
import { describe, expect, it } from 'vitest';
import { MentionNavigation } from '../../page/navigation';

interface FakeMark {
  entity: string;
  at: number;
}

const marks = (...entities: string[]): FakeMark[] => entities.map((entity, at) => ({ entity, at }));

describe('MentionNavigation.reveal', () => {
  it("cycles through one entity's mentions, wrapping, and focuses each", () => {
    const shown = marks('a', 'b', 'a', 'c', 'a');
    const nav = new MentionNavigation<FakeMark>();
    const reached = [1, 2, 3, 4].map(() => nav.reveal('a', shown));
    expect(reached.map((m) => m?.at)).toEqual([0, 2, 4, 0]);
    expect(nav.focused).toBe(shown[0]);
  });

  it('keeps each entity its own place', () => {
    const shown = marks('a', 'b', 'a', 'b');
    const nav = new MentionNavigation<FakeMark>();
    nav.reveal('a', shown);
    expect(nav.reveal('b', shown)?.at).toBe(1);
    expect(nav.reveal('a', shown)?.at).toBe(2);
  });

  it('finds nothing for an entity not shown, and leaves the focus where it was', () => {
    const shown = marks('a', 'b');
    const nav = new MentionNavigation<FakeMark>();
    nav.reveal('b', shown);
    expect(nav.reveal('c', shown)).toBeNull();
    expect(nav.focused).toBe(shown[1]);
  });

  it('wraps within the mentions shown now, when fewer are shown than before', () => {
    const nav = new MentionNavigation<FakeMark>();
    const before = marks('a', 'a', 'a');
    nav.reveal('a', before);
    nav.reveal('a', before);
    const now = marks('a', 'b');
    expect(nav.reveal('a', now)).toBe(now[0]);
  });
});

describe('MentionNavigation.step', () => {
  it('starts from the first going forward and from the last going back', () => {
    const shown = marks('a', 'b', 'c');
    expect(new MentionNavigation<FakeMark>().step(1, shown)).toBe(shown[0]);
    expect(new MentionNavigation<FakeMark>().step(-1, shown)).toBe(shown[2]);
  });

  it('moves from the focused mention, wrapping at both ends', () => {
    const shown = marks('a', 'b', 'c');
    const nav = new MentionNavigation<FakeMark>();
    const forward = [1, 2, 3, 4].map(() => nav.step(1, shown)?.at);
    expect(forward).toEqual([0, 1, 2, 0]);
    const back = [1, 2].map(() => nav.step(-1, shown)?.at);
    expect(back).toEqual([2, 1]);
    expect(nav.focused).toBe(shown[1]);
  });

  it('goes on from a mention reached by reveal', () => {
    const shown = marks('a', 'b', 'c', 'b');
    const nav = new MentionNavigation<FakeMark>();
    nav.reveal('b', shown);
    expect(nav.step(1, shown)).toBe(shown[2]);
  });

  it('starts again from an end once blurred, or when the focused mention is no longer shown', () => {
    const shown = marks('a', 'b', 'c');
    const nav = new MentionNavigation<FakeMark>();
    nav.step(1, shown);
    nav.step(1, shown);
    nav.blur();
    expect(nav.focused).toBeNull();
    expect(nav.step(1, shown)).toBe(shown[0]);
    expect(nav.step(-1, marks('x', 'y'))?.entity).toBe('y');
  });

  it('finds nothing on a page with nothing shown, and leaves the focus where it was', () => {
    const shown = marks('a');
    const nav = new MentionNavigation<FakeMark>();
    nav.step(1, shown);
    expect(nav.step(1, [])).toBeNull();
    expect(nav.focused).toBe(shown[0]);
  });
});
