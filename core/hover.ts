// The hover card as a small state machine: a pure reducer from (state,
// event) to (state, effects). The content script turns effects into timers
// and requests, and feeds their outcomes back as events, each stamped with
// the token of the hover it belongs to; an event with an old token is
// dropped, so a late answer or timer for an earlier hover changes nothing.

/** Pointer rests this long on a mention before the card opens: long enough
 * that sweeping the pointer across a paragraph opens nothing. */
export const DWELL_MS = 350;
/** Grace after the pointer leaves mention and card: enough to cross the gap
 * between them without the card vanishing. */
export const GRACE_MS = 300;
/** A card that was just closed reopens without the dwell when the pointer
 * comes back within this time (the reader is reading, not sweeping). */
export const REOPEN_MS = 600;

export interface HoverTarget {
  entity: string;
  /** Identifies the mention on the page (its start offset in the scan). */
  key: string;
}

export type HoverState =
  | { phase: 'idle'; lastClosed?: { target: HoverTarget; at: number } }
  | { phase: 'pending'; token: number; target: HoverTarget; ready: boolean }
  | { phase: 'open'; token: number; target: HoverTarget; ready: boolean; onCard: boolean }
  | { phase: 'closing'; token: number; target: HoverTarget; ready: boolean; /** the running grace timer */ grace: number };

export type HoverEvent =
  | { type: 'enter-mention'; target: HoverTarget; now: number }
  /** A mention chosen without the pointer (from the popup, the keyboard): no dwell. */
  | { type: 'focus-mention'; target: HoverTarget }
  | { type: 'leave-mention' }
  | { type: 'enter-card' }
  | { type: 'leave-card' }
  | { type: 'dwell-elapsed'; token: number }
  | { type: 'grace-elapsed'; /** the grace timer's own token */ token: number; now: number }
  | { type: 'data-ready'; token: number }
  | { type: 'dismiss'; now: number };

export type HoverEffect =
  | { type: 'start-timer'; timer: 'dwell' | 'grace'; token: number; ms: number }
  | { type: 'fetch'; token: number; target: HoverTarget }
  | { type: 'show'; token: number; target: HoverTarget }
  | { type: 'hide' };

export interface Step {
  state: HoverState;
  effects: HoverEffect[];
  /** The next free token. */
  nextToken: number;
}

const same = (a: HoverTarget, b: HoverTarget) => a.entity === b.entity && a.key === b.key;

export function initialHover(): HoverState {
  return { phase: 'idle' };
}

/** Leaving mention or card starts a fresh grace timer with its own token, so
 * an older grace timer can never close the card early. */
function startGrace(state: Extract<HoverState, { phase: 'open' }>, nextToken: number): Step {
  return {
    state: { phase: 'closing', token: state.token, target: state.target, ready: state.ready, grace: nextToken },
    effects: [{ type: 'start-timer', timer: 'grace', token: nextToken, ms: GRACE_MS }],
    nextToken: nextToken + 1,
  };
}

export function hoverStep(state: HoverState, event: HoverEvent, nextToken: number): Step {
  const stay: Step = { state, effects: [], nextToken };
  switch (event.type) {
    case 'enter-mention': {
      if (state.phase === 'open' || state.phase === 'closing') {
        if (same(state.target, event.target)) {
          return { state: { phase: 'open', token: state.token, target: state.target, ready: state.ready, onCard: false }, effects: [], nextToken };
        }
      }
      if (state.phase === 'pending' && same(state.target, event.target)) return stay;
      const token = nextToken;
      const hide: HoverEffect[] = state.phase === 'open' || state.phase === 'closing' ? [{ type: 'hide' }] : [];
      const recent =
        state.phase === 'idle' && state.lastClosed !== undefined && same(state.lastClosed.target, event.target) && event.now - state.lastClosed.at <= REOPEN_MS;
      if (recent) {
        return {
          state: { phase: 'open', token, target: event.target, ready: false, onCard: false },
          effects: [{ type: 'fetch', token, target: event.target }],
          nextToken: token + 1,
        };
      }
      return {
        state: { phase: 'pending', token, target: event.target, ready: false },
        effects: [...hide, { type: 'fetch', token, target: event.target }, { type: 'start-timer', timer: 'dwell', token, ms: DWELL_MS }],
        nextToken: token + 1,
      };
    }
    case 'focus-mention': {
      if ((state.phase === 'open' || state.phase === 'closing') && same(state.target, event.target)) {
        return { state: { phase: 'open', token: state.token, target: state.target, ready: state.ready, onCard: false }, effects: [], nextToken };
      }
      const token = nextToken;
      const hide: HoverEffect[] = state.phase === 'open' || state.phase === 'closing' ? [{ type: 'hide' }] : [];
      return {
        state: { phase: 'open', token, target: event.target, ready: false, onCard: false },
        effects: [...hide, { type: 'fetch', token, target: event.target }],
        nextToken: token + 1,
      };
    }
    case 'leave-mention':
      if (state.phase === 'pending') return { state: { phase: 'idle' }, effects: [], nextToken };
      if (state.phase === 'open' && !state.onCard) return startGrace(state, nextToken);
      return stay;
    case 'enter-card':
      if (state.phase === 'open' || state.phase === 'closing') {
        return { state: { phase: 'open', token: state.token, target: state.target, ready: state.ready, onCard: true }, effects: [], nextToken };
      }
      return stay;
    case 'leave-card':
      if (state.phase === 'open') return startGrace(state, nextToken);
      return stay;
    case 'dwell-elapsed':
      if (state.phase === 'pending' && state.token === event.token) {
        return {
          state: { phase: 'open', token: state.token, target: state.target, ready: state.ready, onCard: false },
          effects: state.ready ? [{ type: 'show', token: state.token, target: state.target }] : [],
          nextToken,
        };
      }
      return stay;
    case 'data-ready':
      if (state.phase === 'pending' && state.token === event.token) {
        return { state: { ...state, ready: true }, effects: [], nextToken };
      }
      if ((state.phase === 'open' || state.phase === 'closing') && state.token === event.token && !state.ready) {
        return { state: { ...state, ready: true } as HoverState, effects: [{ type: 'show', token: state.token, target: state.target }], nextToken };
      }
      return stay;
    case 'grace-elapsed':
      if (state.phase === 'closing' && state.grace === event.token) {
        return { state: { phase: 'idle', lastClosed: { target: state.target, at: event.now } }, effects: [{ type: 'hide' }], nextToken };
      }
      return stay;
    case 'dismiss':
      if (state.phase === 'idle') return stay;
      return {
        state: { phase: 'idle' },
        effects: state.phase === 'pending' ? [] : [{ type: 'hide' }],
        nextToken,
      };
  }
}
