import { describe, expect, it } from 'vitest';
import { DWELL_MS, GRACE_MS, REOPEN_MS, hoverStep, initialHover, type HoverEvent, type HoverState, type HoverTarget } from '../../core/hover';

const A: HoverTarget = { entity: 'zamir-kabulov', key: '1:0' };
const B: HoverTarget = { entity: 'isi', key: '2:5' };

/** Runs events from idle and returns the final state and every effect. */
function run(events: HoverEvent[], from: HoverState = initialHover()) {
  let state = from;
  let next = 1;
  const effects = [];
  for (const e of events) {
    const step = hoverStep(state, e, next);
    state = step.state;
    next = step.nextToken;
    effects.push(...step.effects);
  }
  return { state, effects };
}

describe('hover card state', () => {
  it('waits for the dwell before showing, and fetches at once', () => {
    const first = run([{ type: 'enter-mention', target: A, now: 0 }]);
    expect(first.state.phase).toBe('pending');
    expect(first.effects).toEqual([
      { type: 'fetch', token: 1, target: A },
      { type: 'start-timer', timer: 'dwell', token: 1, ms: DWELL_MS },
    ]);
    const shown = run([
      { type: 'enter-mention', target: A, now: 0 },
      { type: 'data-ready', token: 1 },
      { type: 'dwell-elapsed', token: 1 },
    ]);
    expect(shown.state).toMatchObject({ phase: 'open', ready: true });
    expect(shown.effects.at(-1)).toEqual({ type: 'show', token: 1, target: A });
  });

  it('shows when data arrives after the dwell', () => {
    const r = run([
      { type: 'enter-mention', target: A, now: 0 },
      { type: 'dwell-elapsed', token: 1 },
      { type: 'data-ready', token: 1 },
    ]);
    expect(r.effects.filter((e) => e.type === 'show')).toHaveLength(1);
  });

  it('abandons a hover that leaves before the dwell: nothing is shown', () => {
    const r = run([
      { type: 'enter-mention', target: A, now: 0 },
      { type: 'leave-mention' },
      { type: 'data-ready', token: 1 },
      { type: 'dwell-elapsed', token: 1 },
    ]);
    expect(r.state.phase).toBe('idle');
    expect(r.effects.some((e) => e.type === 'show')).toBe(false);
  });

  it('drops a late answer for an old hover', () => {
    const r = run([
      { type: 'enter-mention', target: A, now: 0 },
      { type: 'enter-mention', target: B, now: 50 },
      { type: 'dwell-elapsed', token: 1 },
      { type: 'data-ready', token: 1 },
    ]);
    expect(r.state).toMatchObject({ phase: 'pending', token: 2, target: B, ready: false });
    expect(r.effects.some((e) => e.type === 'show')).toBe(false);
  });

  it('stays open while the pointer is on the card, closes after the grace once it leaves both', () => {
    const open: HoverEvent[] = [
      { type: 'enter-mention', target: A, now: 0 },
      { type: 'data-ready', token: 1 },
      { type: 'dwell-elapsed', token: 1 },
    ];
    const onCard = run([...open, { type: 'leave-mention' }, { type: 'enter-card' }, { type: 'grace-elapsed', token: 2, now: 700 }]);
    expect(onCard.state).toMatchObject({ phase: 'open', onCard: true });
    expect(onCard.effects).toContainEqual({ type: 'start-timer', timer: 'grace', token: 2, ms: GRACE_MS });

    const left = run([...open, { type: 'leave-mention' }, { type: 'enter-card' }, { type: 'leave-card' }, { type: 'grace-elapsed', token: 3, now: 900 }]);
    expect(left.state.phase).toBe('idle');
    expect(left.effects.at(-1)).toEqual({ type: 'hide' });
  });

  it('ignores an older grace timer, so the card never closes early', () => {
    const r = run([
      { type: 'enter-mention', target: A, now: 0 },
      { type: 'data-ready', token: 1 },
      { type: 'dwell-elapsed', token: 1 },
      { type: 'leave-mention' }, // grace 2
      { type: 'enter-card' },
      { type: 'leave-card' }, // grace 3
      { type: 'grace-elapsed', token: 2, now: 400 },
    ]);
    expect(r.state.phase).toBe('closing');
  });

  it('closes on Escape (dismiss) from any phase', () => {
    const r = run([
      { type: 'enter-mention', target: A, now: 0 },
      { type: 'data-ready', token: 1 },
      { type: 'dwell-elapsed', token: 1 },
      { type: 'dismiss', now: 500 },
    ]);
    expect(r.state.phase).toBe('idle');
    expect(r.effects.at(-1)).toEqual({ type: 'hide' });
  });

  it('reopens without the dwell when the pointer comes back quickly', () => {
    const closed: HoverEvent[] = [
      { type: 'enter-mention', target: A, now: 0 },
      { type: 'data-ready', token: 1 },
      { type: 'dwell-elapsed', token: 1 },
      { type: 'leave-mention' },
      { type: 'grace-elapsed', token: 2, now: 1000 },
    ];
    const quick = run([...closed, { type: 'enter-mention', target: A, now: 1000 + REOPEN_MS - 1 }]);
    expect(quick.state.phase).toBe('open');
    const slow = run([...closed, { type: 'enter-mention', target: A, now: 1000 + REOPEN_MS + 1 }]);
    expect(slow.state.phase).toBe('pending');
  });

  it('re-entering the same mention while closing keeps the card', () => {
    const r = run([
      { type: 'enter-mention', target: A, now: 0 },
      { type: 'data-ready', token: 1 },
      { type: 'dwell-elapsed', token: 1 },
      { type: 'leave-mention' },
      { type: 'enter-mention', target: A, now: 100 },
      { type: 'grace-elapsed', token: 2, now: 400 },
    ]);
    expect(r.state).toMatchObject({ phase: 'open', ready: true });
  });
});

describe('a mention chosen without the pointer', () => {
  it('opens at once (no dwell) and replaces an open card', () => {
    const r = run([
      { type: 'enter-mention', target: A, now: 0 },
      { type: 'data-ready', token: 1 },
      { type: 'dwell-elapsed', token: 1 },
      { type: 'focus-mention', target: B },
    ]);
    expect(r.state).toMatchObject({ phase: 'open', target: B, ready: false });
    expect(r.effects.slice(-2)).toEqual([{ type: 'hide' }, { type: 'fetch', token: 2, target: B }]);
    const shown = run([
      { type: 'focus-mention', target: A },
      { type: 'data-ready', token: 1 },
    ]);
    expect(shown.effects.at(-1)).toEqual({ type: 'show', token: 1, target: A });
  });
});
