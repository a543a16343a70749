// What a page holds of what Repères knows: the aliases that can match on
// it, and nothing else. The page tells the background the hashes of its
// words (they never leave the browser) and gets back only the aliases whose
// every word is among them (core/alias-index.ts); text that appears later
// asks again, for its new words only. So a tab's cost follows its page, not
// the size of the dataset (docs/adr/0008-knowledge-gateway.md).

import type { SpotterEntry } from '../core/model';
import { addEntries, addWordHashes, buildIndex, type SpotterIndex } from '../core/spotter';
import { WordSet } from '../core/word-set';

/** Characters of the page's text hashed in one call before a full scan: a fraction of a slice's work. */
export const HASH_CHUNK_CHARS = 1 << 16;

/** The text asked about before the scan starts: more than a screenful of the text the scan starts with. */
export const FIRST_ASK_CHARS = 1 << 14;

/**
 * Hashes the words of the texts from `from` on into `into`, joined by line
 * breaks, until about `chars` characters: one long call is optimised early,
 * thousands of short ones are not. Returns the first text not hashed.
 */
export function hashChunk(textAt: (k: number) => string, count: number, from: number, chars: number, into: WordSet): number {
  const chunk: string[] = [];
  let k = from;
  for (let size = 0; k < count && size < chars; k++) {
    const text = textAt(k);
    chunk.push(text);
    size += text.length;
  }
  addWordHashes(chunk.join('\n'), into);
  return k;
}

/** Asks the background: `words` are every word hash asked so far, the last `fresh` of them new. */
export type AskAliases = (words: number[], fresh: number) => Promise<SpotterEntry[]>;

export class Vocabulary {
  /** The index the page is scanned with: grows as the page asks, replaced when the dataset changes. */
  index: SpotterIndex = buildIndex([]);
  private readonly asked = new Set<number>();
  private order: number[] = [];
  /** Every alias received since the index was made, to tell whether a changed dataset changes this page. */
  private entries: SpotterEntry[] = [];
  /** Bumped when the index is replaced: an answer to an older question is dropped. */
  private generation = 0;

  constructor(private readonly ask: AskAliases) {}

  /** Those of `words` not asked about yet. */
  unknown(words: Iterable<number>): number[] {
    const out: number[] = [];
    for (const w of words) if (!this.asked.has(w)) out.push(w);
    return out;
  }

  /**
   * Asks for the aliases `fresh` words may complete, and adds them to the
   * index. Concurrent questions are fine: each one's answer holds the aliases
   * with one of its own new words, among every word asked before it.
   */
  async learn(fresh: readonly number[]): Promise<void> {
    const words = fresh.filter((w) => !this.asked.has(w));
    if (words.length === 0) return;
    for (const w of words) this.asked.add(w);
    this.order.push(...words);
    const generation = this.generation;
    let got: SpotterEntry[];
    try {
      got = await this.ask([...this.order], words.length);
    } catch (e) {
      // Not answered: these words are asked again with the next text that has them.
      for (const w of words) this.asked.delete(w);
      const lost = new Set(words);
      this.order = this.order.filter((w) => !lost.has(w));
      throw e;
    }
    if (generation !== this.generation || got.length === 0) return;
    addEntries(this.index, got);
    this.entries.push(...got);
  }

  /**
   * The dataset changed: asks again for every word of the page. Whether the
   * page's aliases changed (then `index` is a new one, and the page is
   * scanned again); a change elsewhere in the dataset costs the page nothing.
   */
  async reload(): Promise<boolean> {
    // Answers to questions asked before are dropped: they may come from the dataset as it was.
    const generation = ++this.generation;
    const words = [...this.order];
    const got = words.length > 0 ? await this.ask(words, words.length) : [];
    if (generation !== this.generation || sameEntries(got, this.entries)) return false;
    this.entries = got;
    this.index = buildIndex(got);
    // Words first asked while this question was out were answered into the index just replaced.
    const later = this.order.length - words.length;
    if (later > 0) {
      const more = await this.ask([...this.order], later);
      if (generation === this.generation) {
        addEntries(this.index, more);
        this.entries.push(...more);
      }
    }
    return true;
  }
}

/** The same aliases, in any order: answers come grouped by word, not in the dataset's order. */
function sameEntries(a: readonly SpotterEntry[], b: readonly SpotterEntry[]): boolean {
  if (a.length !== b.length) return false;
  const key = (e: SpotterEntry) => JSON.stringify(e);
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((k, i) => k === right[i]);
}
