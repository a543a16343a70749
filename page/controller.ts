// Repères on one page. The controller only connects the parts: the live
// scanner finds and paints mentions (live-scanner.ts), the reader's choices
// decide which are shown (page-visibility.ts), the pointer and the keyboard
// (pointer.ts, navigation.ts) drive the hover card's state machine
// (core/hover.ts), whose effects run in hover-effects.ts and show in
// card-host.tsx, and the counts go to the background (reporter.ts).
// Everything it needs from the extension comes through `Ports`, so it runs the
// same in the content script and in tests. Every listener and observer is tied
// to one AbortSignal: when the extension is reloaded or updated, nothing is
// left behind.

import type { CardMatch, EntityCard } from '../core/cards';
import { strings } from '../core/i18n';
import { hoverStep, initialHover, type HoverEvent, type HoverState, type HoverTarget } from '../core/hover';
import type { Lang } from '../core/model';
import type { Settings } from '../core/settings';
import { shownMarks, type Visibility } from '../core/visibility';
import { anchorOf, type CardAnchor } from './card-anchor';
import { CardHost } from './card-host';
import { Vocabulary, type AskAliases } from './vocabulary';
import { errorGuard } from './error-guard';
import type { Mark } from './highlights';
import { HoverEffects } from './hover-effects';
import { LiveScanner } from './live-scanner';
import { markOf } from './mark-key';
import { MentionNavigation } from './navigation';
import { PageVisibility } from './page-visibility';
import { PointerInput } from './pointer';
import { CountsReporter } from './reporter';
import { countMarks } from './scan';

export interface Ports {
  /** The aliases that may match on a page with these words (page/vocabulary.ts): all asked so far, the last `fresh` new. */
  aliases: AskAliases;
  /** The dataset changed (a collection imported, an entity added): `cb` asks for the page's aliases again. */
  watchDataset(cb: () => void): () => void;
  /** `match`: the mention's text and how it was matched, for the card to say (and its namesakes to offer). */
  card(entity: string, lang: Lang, match?: CardMatch): Promise<EntityCard | null>;
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
  private hover: HoverState = initialHover();
  private nextToken = 1;
  /** Where the open card points, so a chip in it can show another card in its place. */
  private anchor: CardAnchor | null = null;
  /** The aliases the page may hold, asked for as its text comes. */
  private readonly vocabulary: Vocabulary;
  private readonly errors = errorGuard();
  private readonly reporter = new CountsReporter((counts) => this.ports.report(counts));
  private readonly visibility = new PageVisibility(
    () => this.hostname,
    (v) => this.follow(v),
  );
  private readonly navigation = new MentionNavigation<Mark>();
  private readonly pointer: PointerInput;
  private readonly effects = new HoverEffects({
    card: (target) => this.ports.card(target.entity, this.lang, this.matchOf(markOf(this.marks, target))),
    show: (card, target) => this.showCard(card, target),
    hide: () => this.host?.hide(),
    dispatch: (event) => this.dispatch(event),
    safely: (fn) => this.safely(fn),
    onError: (e) => this.errors.logOnce(e),
  });

  constructor(
    private readonly doc: Document,
    private readonly ports: Ports,
    private readonly lang: Lang,
    private readonly signal: AbortSignal,
  ) {
    this.vocabulary = new Vocabulary(ports.aliases);
    this.pointer = new PointerInput(doc, {
      markAt: (x, y) => this.scanner?.markAt(x, y, this.visible()) ?? null,
      inCard: (e) => !!this.host && e.composedPath().includes(this.host.host),
      cardActive: () => this.hover.phase !== 'idle',
      dispatch: (event) => this.dispatch(event),
      safely: (fn) => this.safely(fn),
    });
  }

  async start(): Promise<void> {
    const [settings, rejected] = await Promise.all([this.ports.settings(), this.ports.rejected()]);
    this.visibility.setRejected(rejected);
    if (this.signal.aborted) return;
    this.scanner = new LiveScanner(this.doc, this.vocabulary.index, {
      vocabulary: this.vocabulary,
      signal: this.signal,
      onChange: () => this.report(),
      onError: (e) => this.errors.logOnce(e),
    });
    const dismiss = () => this.dispatch({ type: 'dismiss', now: Date.now() });
    this.host = new CardHost(this.doc, {
      onEnter: () => this.dispatch({ type: 'enter-card' }),
      onLeave: () => this.dispatch({ type: 'leave-card' }),
      onClose: dismiss,
      onHide: (entity) => {
        dismiss();
        this.ports.hide(entity);
      },
      onReject: (entity) => {
        dismiss();
        this.ports.reject(entity);
      },
      onOpenArticle: (id) => this.ports.openArticle(id),
      onEntity: (id) =>
        void this.ports.card(id, this.lang).then(
          (card) => card && this.anchor && this.host?.show(card, this.lang, this.anchor.rect, this.anchor.context),
          (e: unknown) => this.errors.logOnce(e),
        ),
    });
    this.visibility.setSettings(settings);
    this.scanner.setAppearance(settings.appearance);
    this.listen();
    const unwatch = this.ports.watchDataset(() => void this.reloadDataset().catch((e: unknown) => this.errors.logOnce(e)));
    this.signal.addEventListener('abort', () => (unwatch(), this.destroy()), { once: true });
    await this.scanner.start();
  }

  /** Asks for the page's aliases again and rescans the page if they changed: the cards may say more now too. */
  async reloadDataset(): Promise<void> {
    const changed = await this.vocabulary.reload();
    if (this.signal.aborted || !this.scanner) return;
    this.effects.forgetCards();
    if (changed) await this.scanner.setSpotter(this.vocabulary.index);
  }

  /** entity id → mentions on the page, in the categories shown (none when Repères is off here). */
  counts(): Record<string, number> {
    return countMarks(this.marks, this.visible());
  }

  /** The page's host name, for "off on this site". */
  get hostname(): string {
    return this.doc.location?.hostname ?? '';
  }

  /** Whether Repères works on this page (not paused, not off for the site). */
  get active(): boolean {
    return this.visibility.current.active;
  }

  /** Scrolls to the next mention of `entity` on the page and opens its card. */
  reveal(entity: string): boolean {
    const ordered = this.ordered();
    return this.focusMark(
      this.navigation.reveal(entity, ordered),
      ordered.filter((m) => m.entity === entity),
    );
  }

  /** Moves to the next (1) or previous (-1) mention on the page, from the one last shown. */
  step(direction: 1 | -1): boolean {
    const ordered = this.ordered();
    return this.focusMark(this.navigation.step(direction, ordered), ordered);
  }

  /** Runs `fn`; an error in Repères is logged once and never reaches the page. */
  safely(fn: () => void): void {
    this.errors.safely(fn);
  }

  destroy(): void {
    this.effects.destroy();
    this.pointer.destroy();
    this.scanner?.destroy();
    this.host?.destroy();
  }

  /** What the card says of a mention: its text on the page and how it was matched. */
  private matchOf(mark: Mark | undefined): CardMatch | undefined {
    const form = mark && this.scanner?.rangeOf(mark)?.toString();
    if (!mark || !form) return undefined;
    return mark.how ? { form, how: mark.how } : { form };
  }

  private get marks(): readonly Mark[] {
    return this.scanner?.all ?? [];
  }

  /** Which marks the reader sees now (core/visibility.ts), decided once per call rather than per mark. */
  private visible(): (m: Mark) => boolean {
    return shownMarks(this.marks, this.visibility.current);
  }

  /** The shown marks in document order (the scanner keeps that order). */
  private ordered(): Mark[] {
    return this.marks.filter(this.visible());
  }

  private report(): void {
    this.reporter.report(this.counts(), this.doc.location?.href ?? '');
  }

  /** Paints what the reader now sees, and closes a card whose mention is no longer shown. */
  private follow(v: Visibility): void {
    this.scanner?.setVisibility(v);
    const hovered = this.pointer.hovered;
    if (hovered && !this.visible()(hovered)) this.dispatch({ type: 'dismiss', now: Date.now() });
  }

  private listen(): void {
    this.pointer.listen(this.signal);
    this.doc.addEventListener(
      'keydown',
      (e) =>
        this.safely(() => {
          if (e.key !== 'Escape' || this.hover.phase === 'idle') return;
          this.dispatch({ type: 'dismiss', now: Date.now() });
          this.navigation.blur();
        }),
      { signal: this.signal },
    );
    const unwatchSettings = this.ports.watchSettings((s) =>
      this.safely(() => {
        this.visibility.setSettings(s);
        this.scanner?.setAppearance(s.appearance);
        this.report();
      }),
    );
    this.signal.addEventListener('abort', unwatchSettings, { once: true });
    const unwatchRejected = this.ports.watchRejected((entities) =>
      this.safely(() => {
        this.visibility.setRejected(entities);
        this.report();
      }),
    );
    this.signal.addEventListener('abort', unwatchRejected, { once: true });
  }

  /**
   * Scrolls to a mention reached from the keyboard or the popup and opens its
   * card, and says which it is among `among` ("mention 3 of 12, Zamir
   * Kabulov"); false when there is none.
   */
  private focusMark(mark: Mark | null, among: readonly Mark[]): boolean {
    if (!mark) return false;
    const form = this.scanner?.rangeOf(mark)?.toString() ?? '';
    this.host?.announce(strings(this.lang).mentionOf(among.indexOf(mark) + 1, among.length, form));
    const reduce = this.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    this.pointer.choose(mark);
    return true;
  }

  private dispatch(event: HoverEvent): void {
    const step = hoverStep(this.hover, event, this.nextToken);
    this.hover = step.state;
    this.nextToken = step.nextToken;
    for (const effect of step.effects) this.effects.run(effect);
  }

  private showCard(card: EntityCard, target: HoverTarget): void {
    const mark = markOf(this.marks, target);
    const range = mark && this.scanner?.rangeOf(mark);
    if (!range || !this.host) return;
    this.anchor = anchorOf(range, this.pointer.position);
    this.host.show(card, this.lang, this.anchor.rect, this.anchor.context);
    // A card reached without the pointer takes focus, so Tab walks its links and buttons.
    if (this.navigation.focused === mark) this.host.focus();
  }
}
