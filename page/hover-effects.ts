// Carries out the hover card's effects (core/hover.ts): the state machine
// decides, this runs its timers and card requests and feeds their outcomes
// back to it as events. Once destroyed it starts nothing, its timers are
// cleared and late answers are dropped, so nothing fires into a page that
// Repères has left.

import type { EntityCard } from '../core/cards';
import type { HoverEffect, HoverEvent, HoverTarget } from '../core/hover';

export interface HoverEffectPorts {
  /** Fetches the card for a mention. */
  card(target: HoverTarget): Promise<EntityCard | null>;
  /** Shows a fetched card beside its mention. */
  show(card: EntityCard, target: HoverTarget): void;
  hide(): void;
  /** Feeds an outcome (a timer elapsed, a card arrived) back to the state machine. */
  dispatch(event: HoverEvent): void;
  /** Runs an outcome's handling, keeping its errors from the page (error-guard.ts). */
  safely(fn: () => void): void;
  /** A card request failed. */
  onError(e: unknown): void;
}

export class HoverEffects {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** Cards that arrived, by the token of the hover they were fetched for. */
  private readonly cards = new Map<number, EntityCard>();
  /** Tokens whose card is still wanted: a hide forgets them, and answers for them are then dropped. */
  private readonly awaited = new Set<number>();
  private destroyed = false;

  constructor(private readonly ports: HoverEffectPorts) {}

  run(effect: HoverEffect): void {
    if (this.destroyed) return;
    switch (effect.type) {
      case 'start-timer': {
        const t = setTimeout(() => {
          this.timers.delete(t);
          this.ports.safely(() =>
            this.ports.dispatch(
              effect.timer === 'dwell' ? { type: 'dwell-elapsed', token: effect.token } : { type: 'grace-elapsed', token: effect.token, now: Date.now() },
            ),
          );
        }, effect.ms);
        this.timers.add(t);
        return;
      }
      case 'fetch':
        this.awaited.add(effect.token);
        this.ports.card(effect.target).then(
          (card) => {
            if (!this.awaited.delete(effect.token) || !card) return;
            this.cards.set(effect.token, card);
            this.ports.safely(() => this.ports.dispatch({ type: 'data-ready', token: effect.token }));
          },
          (e: unknown) => this.ports.onError(e),
        );
        return;
      case 'show': {
        const card = this.cards.get(effect.token);
        if (card) this.ports.show(card, effect.target);
        return;
      }
      case 'hide':
        this.cards.clear();
        this.awaited.clear();
        this.ports.hide();
        return;
    }
  }

  /** The dataset changed: cards already fetched may say less than a new request would. */
  forgetCards(): void {
    this.cards.clear();
  }

  destroy(): void {
    this.destroyed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.cards.clear();
    this.awaited.clear();
  }
}
