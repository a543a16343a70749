// Runs inside the bench page (bundled by esbuild and injected): the four
// ways to find the same aliases in the page's text, each timed in place.
import Mark from 'mark.js';
import type { SpotterEntry } from '../../core/model';
import { aliasesFor, packAliases } from '../../core/alias-index';
import { addWordHashes, buildIndex, type SpotterIndex } from '../../core/spotter';
import { collectSegments } from '../../page/collect';
import { scan, scanInSlices } from '../../page/scan';
import { LiveScanner } from '../../page/live-scanner';
import { makeRange } from '../../page/ranges';
// The scale case's two sides, in the same injected bundle.
import './scale-harness';

let index: SpotterIndex | null = null;
let aliases: string[] = [];
let regexp: RegExp | null = null;
const MARKJS_BATCH = 200;

// What a developer would write to get case and accent tolerance from one
// RegExp: every letter becomes a class of its accented forms, spaces and
// hyphens a class, word boundaries Unicode lookarounds.
const VARIANTS: Record<string, string> = {
  a: 'aàâäáãå',
  c: 'cç',
  e: 'eéèêë',
  i: 'iîïíì',
  o: 'oôöóòõ',
  u: 'uùûüú',
  y: 'yÿý',
  n: 'nñ',
};
function aliasPattern(alias: string): string {
  let out = '';
  for (const ch of alias.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()) {
    if (VARIANTS[ch]) out += `[${VARIANTS[ch]}]`;
    else if (/[\s\-‐-―'’]/.test(ch)) out += "[\\s\\-‐-―'’]+";
    else if (/[\p{L}\p{N}]/u.test(ch)) out += ch;
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** The content script's live scanner on this page, its first scan done. */
async function startLive(signal: AbortSignal): Promise<LiveScanner> {
  const live = new LiveScanner(document, index!, {
    signal,
    onChange: () => undefined,
    onError: (e) => {
      throw e;
    },
  });
  await live.start();
  return live;
}

const api = {
  /**
   * The aliases this page's words may complete (as the content script gets
   * them from the background, page/vocabulary.ts), for every engine alike.
   */
  setAliases(all: SpotterEntry[]) {
    const words = new Set<number>();
    for (const s of collectSegments(document.body)) addWordHashes(s.text, words);
    const entries = aliasesFor(packAliases(all), [...words]);
    aliases = [...new Set(entries.map((e) => e.alias.text))];
    const init = time(() => buildIndex(entries));
    index = init.value;
    // No alias at all would make an empty alternation, which matches everywhere.
    regexp =
      aliases.length === 0
        ? /(?!)/gu
        : new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${aliases
              .map(aliasPattern)
              .sort((a, b) => b.length - a.length)
              .join('|')})(?![\\p{L}\\p{N}])`,
            'giu',
          );
    return { initMs: init.ms, aliases: index.aliasCount };
  },
  /** (a) The floor: a bare TreeWalker pass that reads every text node. */
  walk() {
    return time(() => {
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let n = w.nextNode(); n; n = w.nextNode()) chars += (n as Text).data.length;
      return chars;
    });
  },
  /** (b) Repères' full scan: walk, normalise, match, build the ranges. */
  scan() {
    // Static ranges, as the content script makes them where the browser has StaticRange.
    return time(() => scan(document.body, index!, undefined, true, 'static').length);
  },
  /**
   * What any implementation of (b) must do on this page besides the walk,
   * timed apart: reading once every character of the text (b) reads (the
   * reading text: not scripts, styles or the other skipped elements; one
   * charCodeAt each, no folding, no matching), and building as many Ranges
   * as (b) finds marks, at the same places. (a) plus these is a floor under (b).
   */
  floors() {
    const nodes = collectSegments(document.body).flatMap((s) => s.spans.map((sp) => sp.node));
    const places = scan(document.body, index!).map((m) => [m.range.startContainer, m.range.startOffset, m.range.endContainer, m.range.endOffset] as const);
    const read = time(() => {
      let sum = 0;
      for (const n of nodes) {
        const data = n.data;
        for (let i = 0; i < data.length; i++) sum += data.charCodeAt(i);
      }
      return sum;
    });
    // The same kind of range the content script makes (static where the browser has StaticRange).
    const ranges = time(() => {
      const out: AbstractRange[] = [];
      for (const [sc, so, ec, eo] of places) out.push(makeRange(document, sc, so, ec, eo, 'static'));
      return out.length;
    });
    return { readMs: read.ms, rangesMs: ranges.ms, ranges: ranges.value };
  },
  /** Only the text collection of (b), to see where (b)'s time goes. */
  collect() {
    return time(() => collectSegments(document.body).length);
  },
  /** (c) One RegExp alternation over the same text segments, building ranges too. */
  regexp() {
    return time(() => {
      let n = 0;
      for (const seg of collectSegments(document.body)) {
        regexp!.lastIndex = 0;
        for (let m = regexp!.exec(seg.text); m; m = regexp!.exec(seg.text)) n++;
      }
      return n;
    });
  },
  /** (d) mark.js with the same aliases (it wraps matches in elements; undone afterwards, untimed). */
  markjs(sample: number) {
    const ctx = new Mark(document.body);
    // mark.js makes one pass over the page per keyword, so its time grows
    // linearly with the alias count: it is timed on a sample of aliases and
    // scaled to the full list (a full run takes minutes on the long page).
    const keywords = aliases.slice(0, Math.min(sample, aliases.length));
    const r = time(() => {
      let n = 0;
      // mark.js recurses once per keyword and overflows the stack past about
      // a thousand keywords in one call, so it gets them in batches.
      for (let i = 0; i < keywords.length; i += MARKJS_BATCH) {
        ctx.mark(keywords.slice(i, i + MARKJS_BATCH), {
          accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '!', '?', '(', ')', '«', '»', '"', "'", '’'] },
          diacritics: true,
          caseSensitive: false,
          separateWordSearch: false,
          // acrossElements overflows the stack on long pages (one regexp over the whole text).
          acrossElements: false,
          exclude: ['script', 'style', 'noscript', 'textarea', 'input', 'select', 'code', 'pre', 'svg'],
          each: () => void n++,
        });
      }
      return n;
    });
    ctx.unmark();
    return { ms: (r.ms * aliases.length) / keywords.length, value: r.value, sampled: keywords.length };
  },
  /**
   * What an edit costs once the page is scanned: the content script's live
   * scanner on this page, then `edits` times one paragraph's text changed
   * (a name added), each followed by the frame in which the scanner rescans
   * it; then as many whole posts removed. The scanner's work in that frame
   * (its `flush`) is what is timed.
   */
  async edits(edits: number) {
    const ac = new AbortController();
    const times: number[] = [];
    // The private method that handles a frame's mutations, timed in place.
    const proto = LiveScanner.prototype as unknown as { flush(this: LiveScanner): void };
    const flush = proto.flush;
    proto.flush = function (this: LiveScanner) {
      const t0 = performance.now();
      flush.call(this);
      times.push(performance.now() - t0);
    };
    try {
      const live = await startLive(ac.signal);
      const marksBefore = live.all.length;
      times.length = 0;
      const paragraphs = [...document.querySelectorAll('article p')].filter((p) => p.firstChild?.nodeType === 3);
      // A frame, or 100 ms if frames stop (a page Chromium decides is hidden): the bench must not hang.
      const frame = () =>
        new Promise((resolve) => {
          requestAnimationFrame(resolve);
          setTimeout(resolve, 100);
        });
      const stats = () => {
        const sorted = times.splice(0).sort((a, b) => a - b);
        return { medianMs: sorted[sorted.length >> 1] ?? NaN, worstMs: sorted[sorted.length - 1] ?? NaN, rescans: sorted.length };
      };
      for (let k = 0; k < edits && paragraphs.length > 0; k++) {
        (paragraphs[Math.floor(((k + 0.5) * paragraphs.length) / edits)]!.firstChild as Text).appendData(' Kabul');
        await frame();
        await frame();
      }
      const edited = stats();
      // Then whole posts taken away, as a live page drops its oldest ones.
      const sections = [...document.querySelectorAll('body > section')];
      for (let k = 0; k < edits && sections.length > edits; k++) {
        sections[Math.floor(((k + 0.5) * sections.length) / edits)]!.remove();
        await frame();
        await frame();
      }
      const removed = stats();
      return { edits: edited, removals: removed, marksBefore, marksAfter: live.all.length };
    } finally {
      proto.flush = flush;
      ac.abort();
    }
  },
  /**
   * What Repères' marks cost the page's own DOM changes: `changes` times a
   * span appended to a paragraph and removed, with the page scanned and its
   * marks held as the content script holds them, then with the same marks
   * held as live Ranges (which the document updates on every change).
   */
  async pageChanges(changes: number) {
    const ac = new AbortController();
    const live = await startLive(ac.signal);
    const marks = live.all.slice();
    ac.abort();
    const paragraphs = [...document.querySelectorAll('article p')];
    const run = () =>
      time(() => {
        for (let i = 0; i < changes; i++) {
          const span = document.createElement('span');
          span.textContent = 'x';
          paragraphs[i % paragraphs.length]!.appendChild(span);
          span.remove();
        }
      }).ms;
    const asHeld = run();
    const liveRanges = marks.map((m) => {
      const r = document.createRange();
      r.setStart(m.range.startContainer, m.range.startOffset);
      r.setEnd(m.range.endContainer, m.range.endOffset);
      return r;
    });
    const asLive = run();
    return { marks: marks.length, static: marks.every((m) => !(m.range instanceof Range)), ms: asHeld, liveMs: asLive, liveRanges: liveRanges.length };
  },
  /** Repères' scan as the content script runs it: in slices, visible text first. */
  async sliced() {
    const t0 = performance.now();
    const result = await scanInSlices(document.body, index!, {});
    return { ms: performance.now() - t0, marks: result.marks.length, longestSliceMs: result.longestSliceMs, slices: result.slices };
  },
};

(globalThis as unknown as { __reperesBench: typeof api }).__reperesBench = api;
