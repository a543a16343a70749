// The container of the hover card: owns the shadow root, its position and
// its lifetime; the HoverCard component only renders props. The host is one
// element appended to <html>; page CSS cannot reach inside the shadow root
// and the card's CSS cannot leak out.

import { autoUpdate, computePosition } from '@floating-ui/dom';
import { render } from 'preact';
import { HoverCard } from '../components/HoverCard';
import cardCss from '../components/hover-card.css?inline';
import themeCss from '../components/theme.css?inline';
import type { EntityCard } from '../core/cards';
import { CARD_PLACEMENT, cardMiddleware } from '../core/card-layout';
import type { Lang } from '../core/model';
import { UI_HOST_TAG } from './collect';

export interface CardHostEvents {
  onEnter: () => void;
  onLeave: () => void;
  onClose: () => void;
  onHide: (entity: string) => void;
  onReject: (entity: string) => void;
  onOpenArticle: (id: string) => void;
  onEntity: (id: string) => void;
}

export class CardHost {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly mount: HTMLElement;
  private stopTracking: (() => void) | null = null;
  private focusPending = false;
  /** A live region in Repères' own UI: screen readers hear where the keyboard commands went (highlights themselves are not exposed to them). */
  private readonly status: HTMLElement;

  constructor(
    private readonly doc: Document,
    private readonly events: CardHostEvents,
  ) {
    this.host = doc.createElement(UI_HOST_TAG);
    this.host.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647;';
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = themeCss + cardCss;
    this.mount = doc.createElement('div');
    this.mount.style.cssText = 'position:fixed;top:0;left:0;visibility:hidden;';
    this.mount.addEventListener('pointerenter', () => this.events.onEnter());
    this.mount.addEventListener('pointerleave', () => this.events.onLeave());
    this.status = doc.createElement('div');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    // Read, not seen: clipped to nothing, as screen-reader-only text is.
    this.status.style.cssText = 'position:fixed;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;';
    this.root.append(style, this.mount, this.status);
  }

  /** Says `text` to screen readers through the live region. */
  announce(text: string): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.status.textContent = text;
  }

  /** Shows `card` next to `anchor` (the rectangle of the hovered mention);
   * `context` is an element near it, whose scrolling ancestors move the card. */
  show(card: EntityCard, lang: Lang, anchor: () => DOMRect, context?: Element): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    render(
      <HoverCard
        card={card}
        lang={lang}
        onClose={this.events.onClose}
        onHide={() => this.events.onHide(card.id)}
        onReject={() => this.events.onReject(card.id)}
        onOpenArticle={this.events.onOpenArticle}
        onEntity={this.events.onEntity}
      />,
      this.mount,
    );
    this.stopTracking?.();
    const reference = { getBoundingClientRect: anchor, ...(context ? { contextElement: context } : {}) };
    const place = () =>
      void computePosition(reference, this.mount, {
        strategy: 'fixed',
        placement: CARD_PLACEMENT,
        middleware: cardMiddleware((px) => {
          this.mount.style.maxHeight = `${px}px`;
        }),
      }).then(({ x, y }) => {
        this.mount.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        this.mount.style.visibility = 'visible';
        if (this.focusPending) this.takeFocus();
      });
    this.stopTracking = autoUpdate(reference, this.mount, place, { animationFrame: false });
  }

  /** Moves focus into the card (its dialog element), for keyboard readers, once it is placed and visible. */
  focus(): void {
    this.focusPending = true;
    if (this.visible) this.takeFocus();
  }

  private takeFocus(): void {
    this.focusPending = false;
    this.mount.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
  }

  hide(): void {
    this.focusPending = false;
    this.stopTracking?.();
    this.stopTracking = null;
    this.mount.style.visibility = 'hidden';
    render(null, this.mount);
  }

  get visible(): boolean {
    return this.mount.style.visibility === 'visible';
  }

  destroy(): void {
    this.hide();
    this.host.remove();
  }
}
