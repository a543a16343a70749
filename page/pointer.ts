// Turns the pointer into hover events (core/hover.ts): a mouse resting on a
// mention or leaving it, and a finger tapping one (touch has no hover, so a
// tap opens the card and a tap elsewhere closes it). One listener on the
// document, never one per highlight, and one hit test per frame whatever the
// event rate.

import type { HoverEvent } from '../core/hover';
import type { Mark } from './highlights';
import { targetOf } from './mark-key';

export interface Point {
  x: number;
  y: number;
}

export interface PointerPorts {
  /** The shown mark at a point of the viewport, if any. */
  markAt(x: number, y: number): Mark | null;
  /** Whether an event began inside Repères' own card. */
  inCard(e: Event): boolean;
  /** Whether a card is open or on its way: only then does a tap elsewhere close it. */
  cardActive(): boolean;
  dispatch(event: HoverEvent): void;
  /** Runs a listener's work, keeping its errors from the page (error-guard.ts). */
  safely(fn: () => void): void;
}

export class PointerInput {
  private last: Point | null = null;
  /** The mention the card is about: under the mouse, tapped, or chosen from the keyboard or popup. */
  private current: Mark | null = null;
  private frame = 0;

  constructor(
    private readonly doc: Document,
    private readonly ports: PointerPorts,
  ) {}

  /** Where the mouse was last seen: the card points at the mention's line under it. */
  get position(): Point | null {
    return this.last;
  }

  get hovered(): Mark | null {
    return this.current;
  }

  /** Listens to the document until `signal` aborts. */
  listen(signal: AbortSignal): void {
    const opts = { signal, passive: true } as const;
    this.doc.addEventListener(
      'pointermove',
      (e) => {
        if (e.pointerType === 'touch') return;
        this.last = { x: e.clientX, y: e.clientY };
        if (!this.frame) this.frame = requestAnimationFrame(() => this.ports.safely(() => this.onFrame()));
      },
      opts,
    );
    this.doc.addEventListener('pointerdown', (e) => this.ports.safely(() => this.onTap(e)), opts);
  }

  /** Opens the card of a mention chosen without the mouse (a tap, the keyboard, the popup): at once, without the dwell. */
  choose(mark: Mark): void {
    this.current = mark;
    this.ports.dispatch({ type: 'focus-mention', target: targetOf(mark) });
  }

  private onTap(e: PointerEvent): void {
    if (e.pointerType !== 'touch' || this.ports.inCard(e)) return;
    const mark = this.ports.markAt(e.clientX, e.clientY);
    if (mark) this.choose(mark);
    else if (this.ports.cardActive()) this.ports.dispatch({ type: 'dismiss', now: Date.now() });
  }

  private onFrame(): void {
    this.frame = 0;
    const p = this.last;
    if (!p) return;
    const mark = this.ports.markAt(p.x, p.y);
    if (mark === this.current) return;
    if (this.current) this.ports.dispatch({ type: 'leave-mention' });
    this.current = mark;
    if (mark) this.ports.dispatch({ type: 'enter-mention', target: targetOf(mark), now: Date.now() });
  }

  /** Cancels the pending hit test; the listeners go with the signal given to `listen`. */
  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
  }
}
