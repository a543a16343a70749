// @vitest-environment happy-dom
// The pointer as hover events: one hit test per frame for the mouse, taps
// for touch, and nothing once the signal aborts. Animation frames are faked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoverEvent } from '../../core/hover';
import type { Mark } from '../../page/highlights';
import { keyOf } from '../../page/mark-key';
import { PointerInput, type PointerPorts } from '../../page/pointer';

let controller: AbortController;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(5000);
  document.body.innerHTML = '<p>Kabul and Herat</p>';
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function mark(entity: string, from: number, to: number): Mark {
  const range = document.createRange();
  const text = document.querySelector('p')!.firstChild!;
  range.setStart(text, from);
  range.setEnd(text, to);
  return { entity, type: 'place', range };
}

/** A pointer input over two marks: Kabul left of x = 50, Herat right of x = 100, nothing between. */
function pointerInput(extra: Partial<PointerPorts> = {}) {
  const kabul = mark('kabul', 0, 5);
  const herat = mark('herat', 10, 15);
  const events: HoverEvent[] = [];
  const ports = {
    markAt: vi.fn((x: number) => (x < 50 ? kabul : x > 100 ? herat : null)),
    inCard: () => false,
    cardActive: () => true,
    dispatch: (e: HoverEvent) => void events.push(e),
    safely: (fn: () => void) => fn(),
    ...extra,
  };
  const input = new PointerInput(document, ports);
  input.listen(controller.signal);
  return { input, ports, events, kabul, herat };
}

const move = (x: number, y = 10, pointerType = 'mouse') => document.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType }));
const tap = (x: number, target: EventTarget = document.body) =>
  target.dispatchEvent(new PointerEvent('pointerdown', { clientX: x, clientY: 10, pointerType: 'touch', bubbles: true }));

describe('PointerInput, mouse', () => {
  it('hit tests once a frame, at the last position, however many moves came', () => {
    const { ports, input, events, kabul } = pointerInput();
    move(120);
    move(110);
    move(10, 12);
    expect(ports.markAt).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    expect(ports.markAt).toHaveBeenCalledTimes(1);
    expect(ports.markAt).toHaveBeenCalledWith(10, 12);
    expect(input.position).toEqual({ x: 10, y: 12 });
    expect(events).toEqual([{ type: 'enter-mention', target: { entity: 'kabul', key: keyOf(kabul) }, now: Date.now() }]);
    expect(input.hovered).toBe(kabul);
  });

  it('leaves one mention before entering the next, and says nothing while on the same one', () => {
    const { events } = pointerInput();
    move(10);
    vi.advanceTimersToNextFrame();
    move(20);
    vi.advanceTimersToNextFrame();
    move(120);
    vi.advanceTimersToNextFrame();
    move(70);
    vi.advanceTimersToNextFrame();
    expect(events.map((e) => e.type)).toEqual(['enter-mention', 'leave-mention', 'enter-mention', 'leave-mention']);
    expect(events[2]).toMatchObject({ target: { entity: 'herat' } });
  });

  it('leaves a mention chosen from the keyboard when the mouse moves elsewhere', () => {
    const { input, events, herat } = pointerInput();
    input.choose(herat);
    move(70);
    vi.advanceTimersToNextFrame();
    expect(events.map((e) => e.type)).toEqual(['focus-mention', 'leave-mention']);
    expect(input.hovered).toBeNull();
  });

  it('leaves touch moves to taps', () => {
    const { ports, input } = pointerInput();
    move(10, 10, 'touch');
    vi.advanceTimersToNextFrame();
    expect(ports.markAt).not.toHaveBeenCalled();
    expect(input.position).toBeNull();
  });

  it('runs the hit test through `safely`', () => {
    const safely = vi.fn();
    const { ports } = pointerInput({ safely });
    move(10);
    vi.advanceTimersToNextFrame();
    expect(safely).toHaveBeenCalledTimes(1);
    expect(ports.markAt).not.toHaveBeenCalled();
  });
});

describe('PointerInput, touch', () => {
  it('opens the card of a tapped mention at once', () => {
    const { input, events, kabul } = pointerInput();
    tap(10);
    expect(events).toEqual([{ type: 'focus-mention', target: { entity: 'kabul', key: keyOf(kabul) } }]);
    expect(input.hovered).toBe(kabul);
  });

  it('closes an open card on a tap elsewhere, and says nothing when none is open', () => {
    const open = pointerInput();
    tap(70);
    expect(open.events).toEqual([{ type: 'dismiss', now: 5000 }]);
    controller.abort();
    controller = new AbortController();
    const closed = pointerInput({ cardActive: () => false });
    tap(70);
    expect(closed.events).toEqual([]);
  });

  it('leaves taps inside the card to the card', () => {
    const { events, ports } = pointerInput({ inCard: (e) => e.target === document.querySelector('p') });
    tap(10, document.querySelector('p')!);
    expect(events).toEqual([]);
    expect(ports.markAt).not.toHaveBeenCalled();
  });

  it('ignores mouse clicks', () => {
    const { events } = pointerInput();
    document.dispatchEvent(new PointerEvent('pointerdown', { clientX: 10, clientY: 10, pointerType: 'mouse' }));
    expect(events).toEqual([]);
  });
});

describe('PointerInput teardown', () => {
  it('stops listening when the signal aborts', () => {
    const { ports, events } = pointerInput();
    controller.abort();
    move(10);
    tap(10);
    vi.advanceTimersToNextFrame();
    expect(ports.markAt).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });

  it('cancels a hit test already asked for when destroyed', () => {
    const { input, ports } = pointerInput();
    move(10);
    input.destroy();
    vi.advanceTimersToNextFrame();
    expect(ports.markAt).not.toHaveBeenCalled();
  });
});
