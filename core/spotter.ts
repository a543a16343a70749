// The spotter: finds every known alias in a text in one left-to-right pass
// over its word tokens. Aliases live in a trie keyed by whole folded words,
// so each position costs at most one lookup per word of the longest alias,
// and word boundaries come for free ("Kabulistan" is one word, not "Kabul").
// Leftmost-longest: at each position the longest alias wins, and the scan
// resumes after it.
//
// Written here rather than taken from a package because the figures said so
// (npm run bench, 870 K characters of the dataset's text, Node 20): this
// trie, with folding, case rules and offsets into the page included, takes
// about 40 ms and builds its index in 4 ms; modern-ahocorasick, given text
// already folded and no case rules, takes about 750 ms and 25 ms to build.

import type { EntityType, SpotterEntry } from './model';
import { foldChar, joinable, tokenize, type Token } from './normalize';

export interface Candidate {
  entity: string;
  type: EntityType;
  /** A partial form: needs the full name earlier on the page. */
  short: boolean;
  /** A phrase that is known not to be an entity. */
  stop?: boolean;
}

export interface RawMatch {
  start: number;
  end: number;
  /** Usually one; several when entities share a form (a surname). */
  candidates: Candidate[];
}

interface IndexedAlias {
  candidate: Candidate;
  /** The alias ends with a dot that belongs to it ("U.S."). */
  dotted?: boolean;
  /** For exact-case aliases: the cased words that must appear. */
  exactWords?: string[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  aliases?: IndexedAlias[];
}

export interface SpotterIndex {
  root: TrieNode;
  aliasCount: number;
  /** Bit set of the hashes of every alias's first word (see `mayMatch`). */
  firstWords: Uint32Array;
}

// The first-word filter. Most text of a news page holds no name at all: a
// navigation bar, a footer, a comment. Before cutting a text into token
// objects, one loop over its character codes hashes each word as the
// tokenizer would fold it and looks the hash up in a bit set of the aliases'
// first words. A text with no hit cannot match, and is done. Hash collisions
// only send a text to the full matcher for nothing, so the answer never
// changes. Measured with `npm run bench` on the saved news pages, where most
// segments hold no name (figures in the README).
const FIRST_WORD_BITS = 1 << 18;
const FIRST_WORD_MASK = FIRST_WORD_BITS - 1;

function hashWord(norm: string): number {
  let h = 0;
  for (let i = 0; i < norm.length; i++) h = (Math.imul(h, 31) + norm.charCodeAt(i)) | 0;
  return h;
}

// How each UTF-16 code unit enters a folded, lower-cased word, filled in as
// characters are met: 0 not yet known, SEPARATOR ends a word, SILENT
// continues one and adds nothing (soft hyphens, combining marks), UNSURE
// cannot be hashed one unit at a time (a ligature, a surrogate, a letter
// whose lower case is not one unit): the word counts as a possible hit.
// Otherwise the folded lower-case code unit.
const SEPARATOR = -1;
const SILENT = -2;
const UNSURE = -3;
const FOLDED = new Int32Array(65536);
for (let c = 0; c < 128; c++) {
  const word = (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
  FOLDED[c] = word ? c : c >= 65 && c <= 90 ? c + 32 : SEPARATOR;
}

function foldedUnit(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return UNSURE;
  const f = foldChar(String.fromCharCode(c));
  if (f === null) return SEPARATOR;
  if (f === '') return SILENT;
  // Σ lower-cases by context (σ or ς): not one unit at a time.
  const lower = f.length === 1 && c !== 0x3a3 ? f.toLowerCase() : '';
  return lower.length === 1 ? lower.charCodeAt(0) : UNSURE;
}

/**
 * Whether `text` may hold an alias: false only when no word of it begins
 * any alias. Never false where `spot` would find something.
 */
export function mayMatch(index: SpotterIndex, text: string): boolean {
  const bits = index.firstWords;
  let h = 0;
  let inWord = false;
  for (let i = 0, n = text.length; i <= n; i++) {
    let f = i < n ? FOLDED[text.charCodeAt(i)]! : SEPARATOR;
    if (f === 0) f = FOLDED[text.charCodeAt(i)] = foldedUnit(text.charCodeAt(i));
    if (f > 0) {
      h = (Math.imul(h, 31) + f) | 0;
      inWord = true;
    } else if (f === SEPARATOR) {
      if (inWord) {
        const k = h & FIRST_WORD_MASK;
        if ((bits[k >>> 5]! & (1 << (k & 31))) !== 0) return true;
      }
      h = 0;
      inWord = false;
    } else if (f === UNSURE) {
      return true;
    }
  }
  return false;
}

function node(): TrieNode {
  return { next: new Map() };
}

function insert(root: TrieNode, words: Token[], entry: IndexedAlias): void {
  let at = root;
  for (const w of words) {
    let child = at.next.get(w.norm);
    if (!child) {
      child = node();
      at.next.set(w.norm, child);
    }
    at = child;
  }
  const list = (at.aliases ??= []);
  const dup = list.some(
    (a) => a.candidate.entity === entry.candidate.entity && sameWords(a.exactWords, entry.exactWords),
  );
  if (!dup) list.push(entry);
}

function sameWords(a?: string[], b?: string[]): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** Builds the alias index. Plural group names also get their "-s" form. */
export function buildIndex(entries: readonly SpotterEntry[]): SpotterIndex {
  const root = node();
  let aliasCount = 0;
  for (const e of entries) {
    const words = tokenize(e.alias.text);
    if (words.length === 0) continue;
    const candidate: Candidate = { entity: e.entity, type: e.type, short: e.alias.short === true, ...(e.stop ? { stop: true } : {}) };
    const exactWords = e.alias.exact ? words.map((w) => w.cased) : undefined;
    const dotted = e.alias.text.trimEnd().endsWith('.');
    insert(root, words, { candidate, exactWords, ...(dotted ? { dotted } : {}) });
    aliasCount++;
    if (e.plural) {
      const last = words[words.length - 1]!;
      if (!last.norm.endsWith('s')) {
        const pluralWords = [...words.slice(0, -1), { ...last, norm: last.norm + 's', cased: last.cased + 's' }];
        insert(root, pluralWords, {
          candidate,
          exactWords: exactWords ? pluralWords.map((w) => w.cased) : undefined,
        });
        aliasCount++;
      }
    }
  }
  const firstWords = new Uint32Array(FIRST_WORD_BITS / 32);
  for (const word of root.next.keys()) {
    const k = hashWord(word) & FIRST_WORD_MASK;
    firstWords[k >>> 5]! |= 1 << (k & 31);
  }
  return { root, aliasCount, firstWords };
}

/** A word in capitals (two letters or more): "KABUL", "UN". */
function isCapsWord(t: Token | undefined): boolean {
  return !!t && t.cased.length >= 2 && t.cased === t.cased.toUpperCase() && t.cased !== t.cased.toLowerCase();
}

function isCapitalised(t: Token): boolean {
  const first = t.cased[0]!;
  return first !== first.toLowerCase();
}

/** Titles that may stand before a surname without being part of a name. */
const TITLES = new Set([
  'general', 'gen', 'president', 'minister', 'prime', 'mullah', 'mollah', 'mawlawi', 'maulvi', 'sheikh', 'cheikh', 'mr', 'mrs', 'ms', 'dr',
  'commander', 'commandant', 'colonel', 'lieutenant', 'ambassador', 'envoy', 'secretary', 'chancellor', 'emir', 'king', 'sir', 'lord',
  'spokesman', 'chief', 'leader', 'senator', 'admiral', 'marshal', 'mme', 'm', 'president', 'ministre', 'general', 'generale',
]);
const SENTENCE_BREAK = /[.!?:;…"«»“”()[\]\n]/;

function accepts(alias: IndexedAlias, tokens: Token[], text: string, from: number, to: number): boolean {
  if (!alias.exactWords) return true;
  if (!alias.exactWords.every((w, k) => tokens[from + k]?.cased === w)) return false;
  // In a line set in capitals ("KABOUL – UN GOUVERNEMENT"), case says nothing:
  // an exact-case alias there is as likely to be the ordinary word.
  return !(isCapsWord(tokens[from - 1]) && isCapsWord(tokens[to + 1]) && joinable(text.slice(tokens[to]!.end, tokens[to + 1]!.start)));
}

/**
 * A surname alone must stand alone: "Jalaluddin Haqqani" or "Ahmad Wali
 * Massoud" is someone else's full name, and "Massoud Circle" a place. The
 * word before may be a title ("General Bajwa") or the first word of a sentence.
 */
function standsAlone(tokens: Token[], text: string, from: number, to: number): boolean {
  const before = tokens[from - 1];
  if (before && isCapitalised(before) && !TITLES.has(before.norm) && joinable(text.slice(before.end, tokens[from]!.start))) {
    const prior = tokens[from - 2];
    const startsSentence = !prior || SENTENCE_BREAK.test(text.slice(prior.end, before.start));
    if (!startsSentence) return false;
  }
  const after = tokens[to + 1];
  const gap = after ? text.slice(tokens[to]!.end, after.start) : '';
  return !(after && isCapitalised(after) && /^[ \u00A0-]$/.test(gap));
}

/** All matches in `text`, in order, never overlapping. */
export function spot(index: SpotterIndex, text: string): RawMatch[] {
  return mayMatch(index, text) ? spotTokens(index, text) : [];
}

/** `spot` without the first-word filter: the reference it must agree with. */
export function spotTokens(index: SpotterIndex, text: string): RawMatch[] {
  const tokens = tokenize(text);
  const out: RawMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let at: TrieNode | undefined = index.root;
    let bestEnd = -1;
    let best: Candidate[] = [];
    let dotted = false;
    for (let j = i; j < tokens.length; j++) {
      // The trie first: most words continue no alias, and a map lookup is
      // cheaper than checking the gap (a single space, the usual gap, is
      // checked without slicing).
      at = at.next.get(tokens[j]!.norm);
      if (!at) break;
      if (j > i) {
        const from = tokens[j - 1]!.end;
        const to = tokens[j]!.start;
        if (!(to - from === 1 && text.charCodeAt(from) === 32) && !joinable(text.slice(from, to))) break;
      }
      if (at.aliases) {
        const ok = at.aliases.filter((a) => accepts(a, tokens, text, i, j));
        if (ok.length > 0) {
          bestEnd = j;
          best = ok.map((a) => a.candidate);
          dotted = ok.some((a) => a.dotted);
        }
      }
    }
    if (bestEnd < 0) {
      i++;
      continue;
    }
    const end = tokens[bestEnd]!.end;
    const alone = best.some((c) => c.short) ? standsAlone(tokens, text, i, bestEnd) : true;
    const candidates = best.filter((c) => !c.stop && (alone || !c.short));
    // A stop phrase is consumed like a name, so nothing inside it matches.
    if (candidates.length > 0 && !best.some((c) => c.stop)) {
      out.push({ start: tokens[i]!.start, end: dotted && text[end] === '.' ? end + 1 : end, candidates });
    }
    i = bestEnd + 1;
  }
  return out;
}
