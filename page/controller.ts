// Repères on one page: scans, highlights, answers the pointer with hover
// cards, and follows settings. Everything it needs from the extension comes
// through `Ports`, so it runs the same in the content script and in tests.
// Every listener and observer is tied to one AbortSignal: when the
// extension is reloaded or updated, nothing is left behind.

import type { EntityCard, Namesakes } from '../core/cards';
import { hoverStep, initialHover, type HoverEffect, type HoverEvent, type HoverState, type HoverTarget } from '../core/hover';
import type { Lang, SpotterEntry } from '../core/model';
import type { Settings } from '../core/settings';
import { SHOW_ALL, shownMarks, visibilityOf, type Visibility } from '../core/visibility';
import { buildIndex } from '../core/spotter';
import { CardHost } from './card-host';
import type { Mark } from './highlights';
import { LiveScanner } from './live-scanner';
import { countMarks } from './scan';

export interface Ports {
  entries(): Promise<SpotterEntry[]>;
  /** The dataset changed (a collection imported, an entity added): `cb` fetches the new aliases. */
  watchDataset(cb: () => void): () => void;
  /** `namesakes`: those the page chose this entity over, for the card to offer. */
  card(entity: string, lang: Lang, namesakes?: Namesakes): Promise<EntityCard | null>;
  report(counts: Record<string, number>): void;
  settings(): Promise<Settings>;
  watchSettings(cb: (s: Settings) => void): () => void;
  /** The reader asked not to see this entity highlighted any more. */
  hide(entity: string): void;
  /** Opens a bundled article in the reader page. */
  openArticle(id: string): void;
  /** "Not this one": remembers a wrong match for this page. */
  reject(entity: string): void;
  /** Entities rejected on this page, and their changes. */
  rejected(): Promise<string[]>;
  watchRejected(cb: (entities: string[]) => void): () => void;
}

export class PageController {
  private scanner: LiveScanner | null = null;
  private host: CardHost | null = null;
  private settings: Settings | null = null;
  private hover: HoverState = initialHover();
  private nextToken = 1;
  private hovered: Mark | null = null;
  private cards = new Map<number, EntityCard>();
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private pointer: { x: number; y: number } | null = null;
  private frame = 0;
  private loggedError = false;
  /** The alias list the page was scanned with; compared only when the dataset changes. */
  private entries: readonly SpotterEntry[] = [];

  constructor(
    private readonly doc: Document,
    private readonly ports: Ports,
    private readonly lang: Lang,
    private readonly signal: AbortSignal,
  ) {}

  /** Counts last sent to the background, and the address they were for. */
  private reported: { counts: Record<string, number>; href: string } | null = null;

  /**
   * Sends the page's counts, only when they changed or the page's address
   * did (the background forgets a tab's counts when it navigates): a live
   * page rescans many times a minute, and each report is a message and a
   * storage write in the background.
   */
  private report(): void {
    const counts = this.counts();
    const href = this.doc.location?.href ?? '';
    const last = this.reported;
    const keys = Object.keys(counts);
    const same = last && last.href === href && keys.length === Object.keys(last.counts).length && keys.every((k) => last.counts[k] === counts[k]);
    if (same) return;
    this.reported = { counts, href };
    this.ports.report(counts);
  }

  async start(): Promise<void> {
    const [entries, settings, rejected] = await Promise.all([this.ports.entries(), this.ports.settings(), this.ports.rejected()]);
    this.rejected = rejected;
    if (this.signal.aborted) return;
    this.entries = entries;
    this.settings = settings;
    this.scanner = new LiveScanner(this.doc, buildIndex(entries), {
      signal: this.signal,
      onChange: () => this.report(),
      onError: (e) => this.logOnce(e),
    });
    this.host = new CardHost(this.doc, {
      onEnter: () => this.dispatch({ type: 'enter-card' }),
      onLeave: () => this.dispatch({ type: 'leave-card' }),
      onClose: () => this.dispatch({ type: 'dismiss', now: Date.now() }),
      onHide: (entity) => {
        this.dispatch({ type: 'dismiss', now: Date.now() });
        this.ports.hide(entity);
      },
      onReject: (entity) => {
        this.dispatch({ type: 'dismiss', now: Date.now() });
        this.ports.reject(entity);
      },
      onOpenArticle: (id) => this.ports.openArticle(id),
      onEntity: (id) =>
        void this.ports.card(id, this.lang).then(
          (card) => card && this.anchor && this.host?.show(card, this.lang, this.anchor.rect, this.anchor.context),
          (e: unknown) => this.logOnce(e),
        ),
    });
    this.applySettings(settings);
    this.listen();
    const unwatch = this.ports.watchDataset(() => void this.reloadDataset().catch((e: unknown) => this.logOnce(e)));
    this.signal.addEventListener('abort', () => (unwatch(), this.destroy()), { once: true });
    await this.scanner.start();
  }

  /** Fetches the alias list again and rescans the page with it: the cards may say more now too. */
  async reloadDataset(): Promise<void> {
    const entries = await this.ports.entries();
    if (this.signal.aborted || !this.scanner) return;
    this.cards.clear();
    // A collection switched on or off changes what cards say, not which names
    // are spotted: then the page is not scanned again.
    // Fingerprints are taken here, not at start: every page starts, few see the dataset change.
    if (signatureOf(entries) === signatureOf(this.entries)) return;
    this.entries = entries;
    await this.scanner.setSpotter(buildIndex(entries));
  }

  /** entity id → mentions on the page, in the categories shown (none when Repères is off here). */
  counts(): Record<string, number> {
    return countMarks(this.scanner?.all ?? [], this.visible());
  }

  /** Which marks the reader sees now (core/visibility.ts), decided once per call rather than per mark. */
  private visible(): (m: Mark) => boolean {
    return shownMarks(this.scanner?.all ?? [], this.visibility);
  }

  /** The page's host name, for "off on this site". */
  get hostname(): string {
    return this.doc.location?.hostname ?? '';
  }

  /** Whether Repères works on this page (not paused, not off for the site). */
  get active(): boolean {
    return this.visibility.active;
  }

  private applySettings(settings: Settings): void {
    this.settings = settings;
    // Read once: the page's location is read for the site, the rest are the reader's choices.
    this.visibility = visibilityOf(settings, this.hostname, this.rejected);
    this.scanner?.setVisibility(this.visibility);
    if (this.hovered && !this.visible()(this.hovered)) this.dispatch({ type: 'dismiss', now: Date.now() });
  }

  private listen(): void {
    const opts = { signal: this.signal, passive: true } as const;
    this.doc.addEventListener(
      'pointermove',
      (e) => {
        if (e.pointerType === 'touch') return;
        this.pointer = { x: e.clientX, y: e.clientY };
        // One hit test per frame, whatever the event rate.
        if (!this.frame) this.frame = requestAnimationFrame(() => this.safely(() => this.onPointer()));
      },
      opts,
    );
    this.doc.addEventListener('pointerdown', (e) => this.safely(() => this.onTap(e)), opts);
    this.doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.hover.phase !== 'idle') {
          this.dispatch({ type: 'dismiss', now: Date.now() });
          this.focused = null;
        }
      },
      { signal: this.signal },
    );
    const unwatch = this.ports.watchSettings((s) =>
      this.safely(() => {
        this.applySettings(s);
        this.report();
      }),
    );
    this.signal.addEventListener('abort', unwatch, { once: true });
    const unwatchRejected = this.ports.watchRejected((entities) =>
      this.safely(() => {
        this.rejected = entities;
        if (this.settings) this.applySettings(this.settings);
        this.report();
      }),
    );
    this.signal.addEventListener('abort', unwatchRejected, { once: true });
  }

  private revealed = new Map<string, number>();
  /** The mention last reached by keyboard or popup: its card takes focus. */
  private focused: Mark | null = null;
  /** Entities marked "Not this one" on this page. */
  private rejected: string[] = [];
  /** What the reader sees, from the settings and this page's rejections (core/visibility.ts). */
  private visibility: Visibility = SHOW_ALL;
  /** Where the open card points, so a chip can show another card in its place. */
  private anchor: { rect: () => DOMRect; context: Element | undefined } | null = null;

  /** The shown marks in document order (the scanner keeps that order), optionally of one entity. */
  private ordered(entity?: string): Mark[] {
    const visible = this.visible();
    return (this.scanner?.all ?? []).filter((m) => (!entity || m.entity === entity) && visible(m));
  }

  /** Scrolls to a mention and opens its card, with focus in it for the keyboard. */
  private focusMark(mark: Mark): void {
    const reduce = this.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    this.hovered = mark;
    this.focused = mark;
    this.dispatch({ type: 'focus-mention', target: { entity: mark.entity, key: keyOf(mark) } });
  }

  /** Scrolls to the next mention of `entity` on the page and opens its card. */
  reveal(entity: string): boolean {
    const marks = this.ordered(entity);
    if (marks.length === 0) return false;
    const k = ((this.revealed.get(entity) ?? -1) + 1) % marks.length;
    this.revealed.set(entity, k);
    this.focusMark(marks[k]!);
    return true;
  }

  /** Moves to the next (1) or previous (-1) mention on the page, from the one last shown. */
  step(direction: 1 | -1): boolean {
    const marks = this.ordered();
    if (marks.length === 0) return false;
    const at = this.focused ? marks.indexOf(this.focused) : -1;
    const k = at < 0 ? (direction === 1 ? 0 : marks.length - 1) : (at + direction + marks.length) % marks.length;
    this.focusMark(marks[k]!);
    return true;
  }

  /** Touch: a tap on a mention opens its card; a tap elsewhere closes it. */
  private onTap(e: PointerEvent): void {
    if (e.pointerType !== 'touch') return;
    if (this.host && e.composedPath().includes(this.host.host)) return;
    const mark = this.scanner?.markAt(e.clientX, e.clientY, this.visible()) ?? null;
    if (mark) {
      this.hovered = mark;
      this.dispatch({ type: 'focus-mention', target: { entity: mark.entity, key: keyOf(mark) } });
    } else if (this.hover.phase !== 'idle') this.dispatch({ type: 'dismiss', now: Date.now() });
  }

  private onPointer(): void {
    this.frame = 0;
    const p = this.pointer;
    if (!p) return;
    const mark = this.scanner?.markAt(p.x, p.y, this.visible()) ?? null;
    if (mark === this.hovered) return;
    if (this.hovered) this.dispatch({ type: 'leave-mention' });
    this.hovered = mark;
    if (mark) this.dispatch({ type: 'enter-mention', target: { entity: mark.entity, key: keyOf(mark) }, now: Date.now() });
  }

  private dispatch(event: HoverEvent): void {
    const step = hoverStep(this.hover, event, this.nextToken);
    this.hover = step.state;
    this.nextToken = step.nextToken;
    for (const effect of step.effects) this.run(effect);
  }

  private run(effect: HoverEffect): void {
    switch (effect.type) {
      case 'start-timer': {
        const t = setTimeout(() => {
          this.timers.delete(t);
          this.safely(() =>
            this.dispatch(
              effect.timer === 'dwell' ? { type: 'dwell-elapsed', token: effect.token } : { type: 'grace-elapsed', token: effect.token, now: Date.now() },
            ),
          );
        }, effect.ms);
        this.timers.add(t);
        return;
      }
      case 'fetch': {
        this.ports.card(effect.target.entity, this.lang, this.markOf(effect.target)?.namesakes).then(
          (card) => {
            if (!card || this.signal.aborted) return;
            this.cards.set(effect.token, card);
            this.safely(() => this.dispatch({ type: 'data-ready', token: effect.token }));
          },
          (e: unknown) => this.logOnce(e),
        );
        return;
      }
      case 'show': {
        const card = this.cards.get(effect.token);
        const mark = this.markOf(effect.target);
        const range = mark && this.scanner?.rangeOf(mark);
        if (!card || !range || !this.host) return;
        const pointer = this.pointer;
        this.anchor = { rect: () => anchorRect(range, pointer), context: range.startContainer.parentElement ?? undefined };
        this.host.show(card, this.lang, this.anchor.rect, this.anchor.context);
        // A card reached without the pointer takes focus, so Tab walks its links and buttons.
        if (this.focused === mark) this.host.focus();
        return;
      }
      case 'hide':
        this.cards.clear();
        this.host?.hide();
        return;
    }
  }

  /** The mark a hover target points at. */
  private markOf(target: HoverTarget): Mark | undefined {
    return this.scanner?.all.find((m) => m.entity === target.entity && keyOf(m) === target.key);
  }

  /** Runs `fn`; an error in Repères is logged once and never reaches the page. */
  safely(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.logOnce(e);
    }
  }

  private logOnce(e: unknown): void {
    if (this.loggedError) return;
    this.loggedError = true;
    console.warn('[Repères]', e);
  }

  destroy(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.scanner?.destroy();
    this.host?.destroy();
  }
}

/** A short fingerprint of an alias list (FNV-1a over its JSON), to tell whether it changed. */
function signatureOf(entries: readonly SpotterEntry[]): string {
  const text = JSON.stringify(entries);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${entries.length}:${(hash >>> 0).toString(36)}`;
}

const nodeIds = new WeakMap<Node, number>();
let nextNodeId = 1;

/** A mention's identity that survives a rescan: its start node and offset. */
function keyOf(m: Mark): string {
  const node = m.range.startContainer;
  let id = nodeIds.get(node);
  if (id === undefined) nodeIds.set(node, (id = nextNodeId++));
  return `${id}:${m.range.startOffset}`;
}

/** The rectangle of the mention line under the pointer (a name can wrap over two lines). */
function anchorRect(range: Range, pointer: { x: number; y: number } | null): DOMRect {
  const rects = Array.from(range.getClientRects());
  if (pointer) {
    const hit = rects.find((r) => pointer.y >= r.top - 1 && pointer.y <= r.bottom + 1);
    if (hit) return hit;
  }
  return rects[0] ?? range.getBoundingClientRect();
}
