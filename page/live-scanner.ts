// Keeps a page's marks true to its text as the page changes. The first scan
// runs in slices, visible text first. Then one MutationObserver collects
// changes, and at most once per frame only the blocks that changed are
// rescanned; marks over removed text are forgotten. A mutation storm (more
// than STORM_RECORDS records in one frame), or a single-page-app navigation,
// triggers a full rescan in slices instead.

import type { Appearance } from '../core/appearance';
import { PageMemory } from '../core/resolve';
import { categoryShown, SHOW_ALL, shownMarks, type Visibility } from '../core/visibility';
import { ENTITY_TYPES as TYPES } from '../core/model';
import type { SpotterIndex } from '../core/spotter';
import { blockOf, isInline, UI_HOST_TAG } from './collect';
import { Highlighter, type Mark, type MarkPainter } from './highlights';
import { MarkIndex } from './hit-test';
import { liveCopy } from './ranges';
import { scan, scanInSlices, ScanAborted, SLICE_BUDGET_MS, yieldToMain, type Prepared } from './scan';
import type { Segment } from './collect';
import { FIRST_ASK_CHARS, hashChunk, HASH_CHUNK_CHARS, type Vocabulary } from './vocabulary';
import { addWordHashes } from '../core/spotter';
import { WordSet } from '../core/word-set';
import { compareRanges, mergeInOrder, openShadowRoots, spanWithin } from './shadow';

/** Whether a removed node took only whole blocks of text with it (or nothing): its neighbours' text is as it was. */
function isBlockOrComment(n: Node): boolean {
  return n.nodeType === 8 || (n.nodeType === 1 && !isInline(n as Element));
}

/**
 * The text nodes under nodes taken away (in open shadow trees too). A mark
 * over one is stale: a live range would have collapsed, but a static one
 * still points at it, wherever the node went.
 */
function removedText(nodes: readonly Node[]): Set<Node> {
  const out = new Set<Node>();
  for (const n of nodes) {
    if (n.nodeType === 3) out.add(n);
    else if (n.nodeType === 1)
      for (const tree of [n, ...openShadowRoots(n)]) {
        const walker = n.ownerDocument!.createTreeWalker(tree, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) out.add(t);
      }
  }
  return out;
}

/**
 * Above this much changed text in one frame, the page is rescanned in slices
 * rather than the changed nodes in one go: at the scan's speed on the bench's
 * long page (`npm run bench`), this much text takes about one slice
 * (SLICE_BUDGET_MS), well within a frame, and much more would not.
 */
export const LARGE_CHANGE_CHARS = 100_000;

/** Above this many mutation records in one frame, rescanning everything is cheaper than sorting out what changed. */
export const STORM_RECORDS = 1000;

export interface LiveScannerOptions {
  signal: AbortSignal;
  /** Marks changed (counts for the badge and popup). */
  onChange: () => void;
  onError: (e: unknown) => void;
  /** Tests force a painter; otherwise the Highlight API. */
  painter?: MarkPainter;
  /**
   * Where the aliases come from when the page asks for its words
   * (page/vocabulary.ts): text is scanned once the aliases its words may
   * complete are in the index. Without one, the index holds every alias.
   */
  vocabulary?: Pick<Vocabulary, 'unknown' | 'learn'>;
}

export class LiveScanner {
  private marks: Mark[] = [];
  private readonly index = new MarkIndex();
  private readonly painter: MarkPainter;
  private memory = new PageMemory();
  private pending: MutationRecord[] = [];
  /** More records came than STORM_RECORDS since the last flush: they were dropped, and everything is rescanned. */
  private storm = false;
  private frame = 0;
  /** What the reader sees (core/visibility.ts). */
  private visibility: Visibility = SHOW_ALL;
  /** The running full scan, cancelled when a newer one starts. */
  private scanning: AbortController | null = null;
  /** Changed text waits for the aliases its new words may complete. */
  private learning = false;
  private href: string;
  private observer: MutationObserver | null = null;
  /** Open shadow roots whose text is read, each observed and styled. */
  private readonly shadowRoots = new Set<ShadowRoot>();

  constructor(
    private readonly doc: Document,
    private spotter: SpotterIndex,
    private readonly opts: LiveScannerOptions,
  ) {
    this.painter = opts.painter ?? new Highlighter(doc);
    this.href = doc.location?.href ?? '';
  }

  /** Every mark on the page, always in document order. */
  get all(): readonly Mark[] {
    return this.marks;
  }

  async start(): Promise<void> {
    this.observer = new MutationObserver((records) => this.queue(records));
    this.observe();
    this.opts.signal.addEventListener('abort', () => this.destroy(), { once: true });
    const win = this.doc.defaultView;
    win?.addEventListener('popstate', () => this.queue([]), { signal: this.opts.signal });
    await this.fullScan();
  }

  private observe(): void {
    const options = { childList: true, subtree: true, characterData: true };
    this.observer?.observe(this.doc.documentElement, options);
    for (const root of this.shadowRoots) this.observer?.observe(root, options);
  }

  /** Starts following shadow roots found by a scan: their changes, and their styles for highlights. */
  private followShadowRoots(roots: readonly ShadowRoot[]): void {
    for (const root of roots) {
      if (this.shadowRoots.has(root)) continue;
      this.shadowRoots.add(root);
      this.observer?.observe(root, { childList: true, subtree: true, characterData: true });
      this.painter.styleShadowRoot?.(root);
    }
  }

  /** The reader's colours and fill. */
  setAppearance(appearance: Appearance): void {
    this.painter.setAppearance?.(appearance);
  }

  /** Paints what `v` shows: whole categories switched on the painter, the rest by the marks painted. */
  setVisibility(v: Visibility): void {
    for (const type of TYPES) this.painter.setEnabled(type, categoryShown(v, type));
    const before = this.visibility;
    this.visibility = v;
    const same = v.firstOnly === before.firstOnly && v.hidden.size === before.hidden.size && [...v.hidden].every((h) => before.hidden.has(h));
    if (!same && !this.scanning) this.paint(this.painted());
  }

  /** Whether anything but whole categories is filtered out. */
  private get filtering(): boolean {
    return this.visibility.firstOnly || this.visibility.hidden.size > 0;
  }

  /** The marks to paint: those shown, their categories left to the painter. */
  private painted(): Mark[] {
    return this.filtering ? this.marks.filter(shownMarks(this.marks, this.visibility, false)) : this.marks;
  }

  /** The mark under the pointer, among those `visible` accepts. */
  markAt(x: number, y: number, visible: (m: Mark) => boolean): Mark | null {
    // Where the browser can say which highlights are under a point, a miss
    // costs nothing more; the caret lookup then finds which range it is.
    // Both lookups must be told which shadow roots they may enter.
    const shadowRoots = [...this.shadowRoots];
    const registry = (
      globalThis.CSS as unknown as { highlights?: { highlightsFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => unknown[] } }
    ).highlights;
    if (typeof registry?.highlightsFromPoint === 'function' && registry.highlightsFromPoint(x, y, { shadowRoots }).length === 0) return null;
    return this.index.at(this.doc, x, y, (m) => visible(m) && m.range.startContainer.isConnected, shadowRoots);
  }

  /** A range over the mark's text as it is on the page now. */
  rangeOf(mark: Mark): Range | null {
    return liveCopy(mark.range);
  }

  private queue(records: MutationRecord[]): void {
    // Past the storm threshold the records are not looked at again (a full
    // rescan follows), so they are not kept either: a page rewriting itself
    // during a long scan cannot grow this list without bound.
    if (!this.storm)
      for (const r of records) {
        if (this.isOwn(r)) continue;
        this.pending.push(r);
        if (this.pending.length > STORM_RECORDS) {
          this.storm = true;
          this.pending = [];
          break;
        }
      }
    const navigated = (this.doc.location?.href ?? '') !== this.href;
    if ((this.pending.length === 0 && !this.storm && !navigated) || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      try {
        this.flush();
      } catch (e) {
        this.opts.onError(e);
      }
    });
  }

  /** Mutations Repères made itself: its card's host. */
  private isOwn(r: MutationRecord): boolean {
    const own = (n: Node) => n.nodeType === 1 && (n as Element).localName === UI_HOST_TAG;
    const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
    if (target?.closest(UI_HOST_TAG)) return true;
    return r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(own);
  }

  private flush(): void {
    // Changes during a full scan wait for it: it may not have reached them yet.
    if (this.scanning || this.learning) return;
    const records = this.pending;
    const storm = this.storm;
    this.pending = [];
    this.storm = false;
    const href = this.doc.location?.href ?? '';
    if (href !== this.href || storm) {
      this.href = href;
      void this.fullScan();
      return;
    }
    const roots = new Set<Node>();
    const removed: Node[] = [];
    for (const r of records) {
      if (r.type === 'characterData') roots.add(blockOf(r.target));
      else {
        for (const n of r.addedNodes) roots.add(n.nodeType === 1 ? n : blockOf(n));
        if (r.removedNodes.length === 0) continue;
        removed.push(...r.removedNodes);
        // Removing text or an inline element changes the text of the block it
        // leaves. A container that lost only whole blocks (an old post of a
        // live page taken away) is not rescanned: no text of its own was
        // joined to them, so nothing new can match there.
        const target = r.target;
        const blockTarget = target.nodeType !== 1 || !isInline(target as Element);
        if (!blockTarget || ![...r.removedNodes].every(isBlockOrComment)) roots.add(blockTarget ? target : blockOf(target));
      }
    }
    // The outermost changed nodes: a node under another one is rescanned with it.
    const top = [...roots].filter((n) => {
      if (!n.isConnected) return false;
      for (let up = n.parentNode; up; up = up.parentNode) if (roots.has(up)) return false;
      return true;
    });
    // A large block of text added at once (a page loading fifty more posts)
    // would be scanned in this one frame: past this size the whole page is
    // rescanned in slices instead, so no task runs long.
    let size = 0;
    for (const root of top) size += root.textContent?.length ?? 0;
    if (size > LARGE_CHANGE_CHARS) {
      void this.fullScan();
      return;
    }
    // Shadow roots under changed nodes (a web component just added) are read and followed too.
    // Found once, then each tree scanned on its own (the marks are put in reading order below).
    const shadows = top.flatMap((root) => openShadowRoots(root));
    if (this.learnFirst([...top, ...shadows], records)) return;
    this.followShadowRoots(shadows);
    // Marks over text that was taken away are stale wherever that text is
    // now: gone, or put back elsewhere (a node moved is removed, then added).
    const gone = removedText(removed);
    const left = (m: Mark) => m.range.collapsed || gone.has(m.range.startContainer) || !m.range.startContainer.isConnected;
    const { kept, stale } = shadows.length > 0 ? this.splitAround(top, left) : this.splitByRuns(top, gone.size > 0 ? left : null);
    const fresh = [...top, ...shadows].flatMap((root) => scan(root, this.spotter, this.memory, false, 'static'));
    if (stale.length === 0 && fresh.length === 0) return;
    // Rescanned blocks may sit anywhere on the page: keep document order, which
    // "first mention only", stepping and counting all rely on.
    this.marks = mergeInOrder(kept, fresh);
    if (this.filtering) this.paint(this.painted());
    else {
      this.painter.remove(stale);
      this.painter.add(fresh, 'change');
      this.index.remove(stale);
      this.index.add(fresh);
    }
    this.opts.onChange();
  }

  /**
   * Whether the changed text has words the page has not asked about: then
   * the changes wait, whole, for the answer, and are looked at again after it.
   */
  private learnFirst(roots: readonly Node[], records: MutationRecord[]): boolean {
    const vocabulary = this.opts.vocabulary;
    if (!vocabulary) return false;
    const words = new WordSet();
    // All the text under them, scripts' and hidden text's too: a word too many only asks for an alias more.
    for (const root of roots) addWordHashes(root.textContent ?? '', words);
    const fresh = vocabulary.unknown(words.values());
    if (fresh.length === 0) return false;
    this.learning = true;
    vocabulary
      .learn(fresh)
      .catch((e: unknown) => this.opts.onError(e))
      .finally(() => {
        this.learning = false;
        this.pending.unshift(...records);
        this.queue([]);
      });
    return true;
  }

  /**
   * The marks to keep and those under the changed nodes, when no web
   * component is among them. Once the marks over text taken away are out
   * (`left`, when anything was removed), the rest are in reading order, and
   * the marks under each changed node are one run of them, found by binary
   * search.
   */
  private splitByRuns(top: readonly Node[], left: ((m: Mark) => boolean) | null): { kept: Mark[]; stale: Mark[] } {
    const attached = left ? this.marks.filter((m) => !left(m)) : this.marks;
    const stale = left ? this.marks.filter(left) : [];
    const runs = top.map((root) => spanWithin(attached, root)).sort((a, b) => a[0] - b[0]);
    const kept: Mark[] = [];
    let at = 0;
    for (const [from, to] of runs) {
      for (let k = at; k < from; k++) kept.push(attached[k]!);
      for (let k = Math.max(at, from); k < to; k++) stale.push(attached[k]!);
      at = Math.max(at, to);
    }
    for (let k = at; k < attached.length; k++) kept.push(attached[k]!);
    return { kept, stale };
  }

  /**
   * The same when web components are under the changed nodes: a shadow tree
   * moves with its host without its ranges collapsing, so the marks may no
   * longer be in reading order. Every mark is looked at (through its hosts),
   * and the kept ones sorted again. Rare, and as costly as before the runs.
   */
  private splitAround(top: readonly Node[], left: (m: Mark) => boolean): { kept: Mark[]; stale: Mark[] } {
    const under = (node: Node): boolean => {
      for (let at: Node | undefined = node; at; at = (at.getRootNode() as ShadowRoot).host) if (top.some((root) => root.contains(at!))) return true;
      return false;
    };
    const kept: Mark[] = [];
    const stale: Mark[] = [];
    for (const m of this.marks) (left(m) || under(m.range.startContainer) ? stale : kept).push(m);
    kept.sort((a, b) => compareRanges(a.range, b.range));
    return { kept, stale };
  }

  /** Replaces the alias index (the dataset changed) and scans the page again with it. */
  setSpotter(spotter: SpotterIndex): Promise<void> {
    this.spotter = spotter;
    return this.fullScan();
  }

  /** Scans the whole page in slices, visible text first; a newer scan cancels an older one. */
  async fullScan(): Promise<void> {
    this.scanning?.abort();
    const scanning = new AbortController();
    this.scanning = scanning;
    const stop = () => scanning.abort();
    this.opts.signal.addEventListener('abort', stop, { once: true });
    this.memory = new PageMemory();
    this.painter.setMarks([]);
    this.marks = [];
    this.index.clear();
    const view = this.doc.defaultView;
    // The Highlight API paints as results come; "first mention only" needs the whole page.
    const progressive = !this.filtering;
    let painted = 0;
    try {
      const result = await scanInSlices(this.doc.body ?? this.doc.documentElement, this.spotter, {
        memory: this.memory,
        signal: scanning.signal,
        viewport: view ? { top: 0, bottom: view.innerHeight } : undefined,
        kind: 'static',
        onShadowRoots: (roots) => this.followShadowRoots(roots),
        prepare: this.opts.vocabulary ? (segments, first) => this.learnSegments(segments, first, scanning.signal) : undefined,
        onMarks: progressive
          ? (marks) => {
              this.painter.add(marks);
              this.index.add(marks);
              painted += marks.length;
            }
          : undefined,
      });
      if (scanning.signal.aborted) return;
      this.marks = result.marks;
      // Every final mark was painted as it was found (the final ones are among
      // those painted): repainting them all at once would be one long task on
      // a big page. A full paint only when a mark painted early was dropped,
      // or a filter was set meanwhile.
      if (!progressive || this.filtering || painted !== result.marks.length) this.paint(this.painted());
      this.opts.onChange();
    } catch (e) {
      if (!(e instanceof ScanAborted)) this.opts.onError(e);
    } finally {
      this.opts.signal.removeEventListener('abort', stop);
      if (this.scanning === scanning) {
        this.scanning = null;
        // What changed meanwhile is looked at now.
        if (this.pending.length > 0 || this.storm) this.queue([]);
      }
    }
  }

  /**
   * Before a full scan: the aliases the page's words may complete. The text
   * the scan starts with (about a screen, FIRST_ASK_CHARS) is asked about
   * first, so that the scan starts soon; the rest of the page is hashed in
   * slices and asked about while that text is scanned. Texts are hashed
   * joined by line breaks, a chunk at a time: one long call is optimised
   * early, thousands of short ones are not.
   */
  private async learnSegments(segments: readonly Segment[], first: number, signal: AbortSignal): Promise<Prepared> {
    const vocabulary = this.opts.vocabulary!;
    const n = segments.length;
    const textAt = (k: number) => segments[(first + k) % n]!.text;
    const seen = new WordSet();
    const ready = hashChunk(textAt, n, 0, FIRST_ASK_CHARS, seen);
    await vocabulary.learn(vocabulary.unknown(seen.values()));
    const rest = async () => {
      const words = new WordSet();
      let sliceStart = performance.now();
      for (let k = ready; k < n;) {
        k = hashChunk(textAt, n, k, HASH_CHUNK_CHARS, words);
        if (performance.now() - sliceStart >= SLICE_BUDGET_MS) {
          await yieldToMain();
          if (signal.aborted) return;
          sliceStart = performance.now();
        }
      }
      await vocabulary.learn(vocabulary.unknown(words.values()));
    };
    // A failed question leaves the rest of the page with the aliases it has; the error is told once.
    return { ready, rest: rest().catch((e: unknown) => this.opts.onError(e)) };
  }

  private paint(marks: Mark[]): void {
    this.painter.setMarks(marks);
    this.index.clear();
    this.index.add(marks);
  }

  destroy(): void {
    this.scanning?.abort();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
    this.painter.destroy();
    this.marks = [];
    this.index.clear();
  }
}
