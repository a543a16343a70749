// The hover card's effects: timers that feed the state machine back, card
// requests whose late answers are dropped, and nothing left running once
// destroyed. Fake timers: no test waits for real time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityCard } from '../../core/cards';
import { DWELL_MS, GRACE_MS, type HoverEvent, type HoverTarget } from '../../core/hover';
import { HoverEffects, type HoverEffectPorts } from '../../page/hover-effects';

const target: HoverTarget = { entity: 'kabul', key: '1:0' };
/** A card with only what these tests look at: which entity it is for. */
const cardOf = (id: string) => ({ id }) as EntityCard;

/** A card request the test answers when it chooses. */
function deferred() {
  let resolve!: (card: EntityCard | null) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<EntityCard | null>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function effects(card: HoverEffectPorts['card'] = async () => cardOf(target.entity)) {
  const dispatched: HoverEvent[] = [];
  const ports = {
    card: vi.fn(card),
    show: vi.fn<HoverEffectPorts['show']>(),
    hide: vi.fn<HoverEffectPorts['hide']>(),
    dispatch: vi.fn((e: HoverEvent) => void dispatched.push(e)),
    safely: vi.fn((fn: () => void) => fn()),
    onError: vi.fn<HoverEffectPorts['onError']>(),
  };
  return { ports, dispatched, run: new HoverEffects(ports) };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('HoverEffects timers', () => {
  it('reports the dwell when it has elapsed, not before', () => {
    const { run, dispatched } = effects();
    run.run({ type: 'start-timer', timer: 'dwell', token: 4, ms: DWELL_MS });
    vi.advanceTimersByTime(DWELL_MS - 1);
    expect(dispatched).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(dispatched).toEqual([{ type: 'dwell-elapsed', token: 4 }]);
  });

  it('reports the grace with the time it ended, for a quick return to reopen the card', () => {
    vi.setSystemTime(1_000_000);
    const { run, dispatched } = effects();
    run.run({ type: 'start-timer', timer: 'grace', token: 7, ms: GRACE_MS });
    vi.advanceTimersByTime(GRACE_MS);
    expect(dispatched).toEqual([{ type: 'grace-elapsed', token: 7, now: 1_000_000 + GRACE_MS }]);
  });

  it('runs what a timer dispatches through `safely`, so its errors stay out of the page', () => {
    const { run, ports } = effects();
    ports.safely.mockImplementation(() => undefined);
    run.run({ type: 'start-timer', timer: 'dwell', token: 1, ms: DWELL_MS });
    vi.advanceTimersByTime(DWELL_MS);
    expect(ports.safely).toHaveBeenCalledTimes(1);
    expect(ports.dispatch).not.toHaveBeenCalled();
  });

  it('clears its timers when destroyed, and starts none after', () => {
    const { run, dispatched } = effects();
    run.run({ type: 'start-timer', timer: 'dwell', token: 1, ms: DWELL_MS });
    run.run({ type: 'start-timer', timer: 'grace', token: 2, ms: GRACE_MS });
    run.destroy();
    run.run({ type: 'start-timer', timer: 'dwell', token: 3, ms: DWELL_MS });
    expect(vi.getTimerCount()).toBe(0);
    vi.runAllTimers();
    expect(dispatched).toEqual([]);
  });
});

describe('HoverEffects cards', () => {
  it("fetches a mention's card, says when it is ready, and shows it when asked", async () => {
    const { run, ports, dispatched } = effects();
    run.run({ type: 'fetch', token: 3, target });
    expect(ports.card).toHaveBeenCalledWith(target);
    await vi.runAllTimersAsync();
    expect(dispatched).toEqual([{ type: 'data-ready', token: 3 }]);
    run.run({ type: 'show', token: 3, target });
    expect(ports.show).toHaveBeenCalledWith(cardOf('kabul'), target);
  });

  it('says nothing when there is no card for the entity, and shows nothing', async () => {
    const { run, ports, dispatched } = effects(async () => null);
    run.run({ type: 'fetch', token: 3, target });
    await vi.runAllTimersAsync();
    expect(dispatched).toEqual([]);
    run.run({ type: 'show', token: 3, target });
    expect(ports.show).not.toHaveBeenCalled();
  });

  it('shows only the card fetched for that hover', async () => {
    const { run, ports } = effects(async (t) => cardOf(t.entity));
    run.run({ type: 'fetch', token: 3, target });
    run.run({ type: 'fetch', token: 4, target: { entity: 'herat', key: '2:0' } });
    await vi.runAllTimersAsync();
    run.run({ type: 'show', token: 4, target });
    run.run({ type: 'show', token: 5, target });
    expect(ports.show.mock.calls).toEqual([[cardOf('herat'), target]]);
  });

  it('drops an answer that comes after the card was hidden', async () => {
    const answer = deferred();
    const { run, ports, dispatched } = effects(() => answer.promise);
    run.run({ type: 'fetch', token: 3, target });
    run.run({ type: 'hide' });
    expect(ports.hide).toHaveBeenCalledTimes(1);
    answer.resolve(cardOf('kabul'));
    await vi.runAllTimersAsync();
    expect(dispatched).toEqual([]);
    run.run({ type: 'show', token: 3, target });
    expect(ports.show).not.toHaveBeenCalled();
  });

  it('forgets the cards it holds when the card is hidden, and when told the dataset changed', async () => {
    const { run, ports } = effects();
    run.run({ type: 'fetch', token: 3, target });
    run.run({ type: 'fetch', token: 4, target });
    await vi.runAllTimersAsync();
    run.run({ type: 'hide' });
    run.run({ type: 'show', token: 3, target });
    run.forgetCards();
    run.run({ type: 'show', token: 4, target });
    expect(ports.show).not.toHaveBeenCalled();
  });

  it('still takes an answer in flight when the dataset changed: only the cards held are stale', async () => {
    const answer = deferred();
    const { run, dispatched } = effects(() => answer.promise);
    run.run({ type: 'fetch', token: 3, target });
    run.forgetCards();
    answer.resolve(cardOf('kabul'));
    await vi.runAllTimersAsync();
    expect(dispatched).toEqual([{ type: 'data-ready', token: 3 }]);
  });

  it('drops an answer that comes after it was destroyed', async () => {
    const answer = deferred();
    const { run, ports, dispatched } = effects(() => answer.promise);
    run.run({ type: 'fetch', token: 3, target });
    run.destroy();
    answer.resolve(cardOf('kabul'));
    await vi.runAllTimersAsync();
    run.run({ type: 'show', token: 3, target });
    expect(dispatched).toEqual([]);
    expect(ports.show).not.toHaveBeenCalled();
  });

  it('passes a failed request on as an error, and dispatches nothing', async () => {
    const answer = deferred();
    const { run, ports, dispatched } = effects(() => answer.promise);
    run.run({ type: 'fetch', token: 3, target });
    const failure = new Error('no background');
    answer.reject(failure);
    await vi.runAllTimersAsync();
    expect(ports.onError).toHaveBeenCalledWith(failure);
    expect(dispatched).toEqual([]);
  });
});
