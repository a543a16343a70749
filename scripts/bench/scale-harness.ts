// Runs in bench pages (bundled into harness.ts): the two sides of a page
// learning its aliases at scale. The "background" page packs the alias
// index, stores it and answers word hashes, as the service worker does
// (utils/gateway.ts); the "tab" page hashes its words and builds its small
// index from the answer, as the content script does (page/vocabulary.ts).
// The bench carries the messages between them, and counts their bytes.
import { aliasesFor, packAliases, type PackedAliases } from '../../core/alias-index';
import type { SpotterEntry } from '../../core/model';
import { addEntries, buildIndex, type SpotterIndex } from '../../core/spotter';
import { collectSegments } from '../../page/collect';
import type { Mark } from '../../page/highlights';
import { scan } from '../../page/scan';
import { FIRST_ASK_CHARS, hashChunk, HASH_CHUNK_CHARS } from '../../page/vocabulary';
import { readAliases, writeAliases } from '../../store/alias-store';
import { openDerived } from '../../store/derived';
import { scaleEntries } from './scale-entries';
import { WordSet } from '../../core/word-set';

const DB = 'reperes-bench-derived';
const KEY = 'bench';
let packed: PackedAliases | null = null;
let index: SpotterIndex | null = null;
let kept: Mark[] = [];

const scale = {
  // ---- the background's side
  /** Makes `n` names and packs them: the index a build persists. */
  build(real: SpotterEntry[], firstNames: string[], syllables: string[], n: number) {
    const entries = scaleEntries(real, firstNames, syllables, n);
    const t0 = performance.now();
    packed = packAliases(entries);
    return { aliases: entries.length, packMs: performance.now() - t0, packedBytes: packed.data.byteLength + packed.keys.byteLength + packed.starts.byteLength };
  },
  /** Writes the packed index to IndexedDB, as the background does after a build. */
  async persist() {
    const t0 = performance.now();
    const db = await openDerived(DB);
    await writeAliases(db, KEY, packed!);
    db.close();
    return { ms: performance.now() - t0 };
  },
  answer(words: number[], fresh: number) {
    const t0 = performance.now();
    const entries = aliasesFor(packed!, words, fresh);
    return { entries, ms: performance.now() - t0 };
  },
  /** A woken worker's first answer: nothing in memory; the stored index read back, then the page's words looked up. */
  async wake(words: number[]) {
    packed = null;
    const t0 = performance.now();
    const db = await openDerived(DB);
    const opened = performance.now();
    const stored = await readAliases(db, KEY);
    const read = performance.now();
    db.close();
    const entries = aliasesFor(stored!, words, words.length);
    return { ms: performance.now() - t0, openMs: opened - t0, readMs: read - opened, sent: entries.length };
  },
  // ---- the tab's side
  /**
   * The hashes of the page's words, from the text the scan reads, as the
   * content script collects them (page/live-scanner.ts): those of the text
   * the scan starts with, asked about before it starts (timed), then every
   * word, the new ones last.
   */
  words() {
    const texts = collectSegments(document.body).map((s) => s.text);
    const textAt = (k: number) => texts[k]!;
    const t0 = performance.now();
    const seen = new WordSet();
    const ready = hashChunk(textAt, texts.length, 0, FIRST_ASK_CHARS, seen);
    const first = seen.values();
    const ms = performance.now() - t0;
    const rest = new WordSet();
    for (let k = ready; k < texts.length;) k = hashChunk(textAt, texts.length, k, HASH_CHUNK_CHARS, rest);
    const known = new Set(first);
    const later = rest.values().filter((h) => !known.has(h));
    return { first, all: [...first, ...later], ms };
  },
  learn(entries: SpotterEntry[]) {
    const t0 = performance.now();
    index = buildIndex(entries);
    return { ms: performance.now() - t0, aliases: index.aliasCount };
  },
  /** The rest of the page's aliases, once the scan has started. */
  learnMore(entries: SpotterEntry[]) {
    addEntries(index!, entries);
    return { aliases: index!.aliasCount };
  },
  /** The first full scan with the page's own index; its marks are kept, as the content script keeps them. */
  scan() {
    const t0 = performance.now();
    kept = scan(document.body, index!, undefined, true, 'static');
    return { ms: performance.now() - t0, marks: kept.length };
  },
  forget() {
    index = null;
    kept = [];
  },
};

(globalThis as unknown as { __reperesScale: typeof scale }).__reperesScale = scale;
