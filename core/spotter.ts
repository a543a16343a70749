// The spotter: finds every known alias in a text in one left-to-right pass
// over its word tokens. Aliases live in a trie keyed by whole folded words,
// so each position costs at most one lookup per word of the longest alias,
// and word boundaries come for free ("Kabulistan" is one word, not "Kabul").
// Leftmost-longest: at each position the longest alias wins, and the scan
// resumes after it.
//
// Written here rather than taken from a package because the figures said so:
// this trie, with folding, case rules and offsets into the page included, is
// more than ten times faster than modern-ahocorasick given text already
// folded and no case rules (`npm run bench`, "Word trie vs
// modern-ahocorasick"; docs/adr/0001-token-trie-spotter.md).

import type { EntityType, SpotterEntry } from './model';
import { ASCII_WORD, foldChar, joinable, tokenize, type Token } from './normalize';

export interface Candidate {
  entity: string;
  type: EntityType;
  /** A partial form: needs the full name earlier on the page. */
  short: boolean;
  /** A phrase that is known not to be an entity. */
  stop?: boolean;
  /** A name that needs the page's support (see Alias.common and core/resolve.ts). */
  common?: boolean;
  /** A form matched only in its exact case (an acronym that is also a word). */
  exact?: boolean;
  /** What the page's context is weighed by (see SpotterEntry). */
  cc?: string;
  within?: string;
  pop?: number;
  near?: string[];
}

export interface RawMatch {
  start: number;
  end: number;
  /** Usually one; several when entities share a form (a surname, a namesake). */
  candidates: Candidate[];
  /** The match opens a sentence, where a capital says nothing (only told when a candidate is `common`). */
  initial?: boolean;
}

interface IndexedAlias {
  candidate: Candidate;
  /** The alias ends with a dot that belongs to it ("U.S."). */
  dotted?: boolean;
  /** For exact-case aliases: the cased words that must appear. */
  exactWords?: string[];
}

interface TrieNode {
  /** The folded word that leads here from the parent ('' at the root). */
  word: string;
  next: Map<string, TrieNode>;
  /**
   * The same children by the hash of their word (see `childKey`), so a word
   * of the text is looked up without being made into a string; null where
   * two children's words share a key: those are looked up by word.
   */
  byHash: Map<number, TrieNode | null>;
  aliases: IndexedAlias[] | undefined;
  /**
   * What `aliases` give a match when none needs its exact case, all of them
   * being accepted then: worked out once rather than at every match (null
   * when one needs its case; undefined until asked, and again when an alias joins).
   */
  accepted: Accepted | null | undefined;
  /**
   * Under a first word: every alias of the branch is matched only as
   * written and begins with a capital ("Republic", "Battle Ground"), so the
   * word in lower case ("the republic") begins none, and is not walked.
   */
  capitalOnly: boolean;
}

interface Accepted {
  /** One per entity (see `onePerEntity`). */
  candidates: Candidate[];
  dotted: boolean;
}

/** An alias waiting for its branch: the entry as it came, or its forms already made (group names and their plurals). */
type PendingAlias = SpotterEntry | { words: Token[]; entry: IndexedAlias };

export interface SpotterIndex {
  /** The trie's branches built so far (see `branch`). */
  root: TrieNode;
  /** First word → the aliases it begins, not yet made into a branch. */
  pending: Map<string, PendingAlias[]>;
  aliasCount: number;
  /** Bit set of the hashes of every alias's first word (see `mayMatch`). */
  firstWords: Uint32Array;
}

// Words are found in one loop over the text's character codes, which also
// hashes each word as the tokenizer would fold it. Most words of a news page
// begin no alias: their hash is not in a bit set of the aliases' first words,
// and they are never made into token objects (no slice, no lower-casing, no
// map lookup). Only the words the matcher looks at (a possible first word,
// the words after it, the neighbours the case rules read) become tokens.
// A hash collision only costs one map lookup, so results never change; a
// property test holds this to the plain tokenizer on any text. The gain is
// in `npm run bench` (the spotter on the dataset's text).
const FIRST_WORD_BITS = 1 << 18;
const FIRST_WORD_MASK = FIRST_WORD_BITS - 1;

function hashWord(norm: string): number {
  let h = 0;
  for (let i = 0; i < norm.length; i++) h = (Math.imul(h, 31) + norm.charCodeAt(i)) | 0;
  return h;
}

/** A word's key among a trie node's children: its hash cut to a small integer, which the engine keeps unboxed. */
function childKey(hash: number): number {
  return hash & 0x3fffffff;
}

// How each UTF-16 code unit enters a folded, lower-cased word, filled in as
// characters are met: 0 not yet known, SEPARATOR ends a word, SILENT
// continues one and adds nothing (soft hyphens, combining marks), UNSURE
// cannot be folded one unit at a time (a ligature, a surrogate, a letter
// whose lower case is not one unit): such a text is tokenized the plain way.
// Otherwise the folded lower-case code unit.
const SEPARATOR = -1;
const SILENT = -2;
const UNSURE = -3;
const FOLDED = new Int32Array(65536);
for (let c = 0; c < 128; c++) FOLDED[c] = ASCII_WORD[c] ? (c >= 65 && c <= 90 ? c + 32 : c) : SEPARATOR;

function foldedUnit(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return UNSURE;
  const f = foldChar(String.fromCharCode(c));
  if (f === null) return SEPARATOR;
  if (f === '') return SILENT;
  // Σ lower-cases by context (σ or ς): not one unit at a time.
  const lower = f.length === 1 && c !== 0x3a3 ? f.toLowerCase() : '';
  return lower.length === 1 ? lower.charCodeAt(0) : UNSURE;
}

/** The words of a text, made into tokens only when asked for. */
interface Words {
  readonly count: number;
  at(k: number): Token | undefined;
  /** `at(k).start` and `at(k).end`, for a word that exists, without making its token. */
  start(k: number): number;
  end(k: number): number;
  /** Whether word `k` begins with a capital (`isCapitalised` of its token). */
  capitalised(k: number): boolean;
  /**
   * The first word from `k` on that may begin an alias (`count` when none);
   * asked with `k` never decreasing.
   */
  nextBegin(k: number): number;
  /** The trie node word `k` leads to from `node`: the branch it begins at the root. */
  child(index: SpotterIndex, node: TrieNode, k: number): TrieNode | undefined;
}

/** The child of `node` by the word itself: the root's built on demand (see `branch`). */
function childByWord(index: SpotterIndex, node: TrieNode, word: string): TrieNode | undefined {
  return node === index.root ? branch(index, word) : node.next.get(word);
}

/** Every word as a token, made in advance: the plain way, and the reference. */
class TokenWords implements Words {
  private tokens: Token[] = [];
  count = 0;

  /** These words for `text` (see `lazyWords` on why one object serves every text). */
  of(text: string): this {
    this.tokens = tokenize(text);
    this.count = this.tokens.length;
    return this;
  }

  at(k: number): Token | undefined {
    return this.tokens[k];
  }

  start(k: number): number {
    return this.tokens[k]!.start;
  }

  end(k: number): number {
    return this.tokens[k]!.end;
  }

  nextBegin(k: number): number {
    return k;
  }

  capitalised(k: number): boolean {
    return isCapitalised(this.tokens[k]!);
  }

  child(index: SpotterIndex, node: TrieNode, k: number): TrieNode | undefined {
    return childByWord(index, node, this.tokens[k]!.norm);
  }
}

/** Whether text[start, end), an ASCII word, lower-cases to `word`: compared in place, no string made. */
function spells(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(start + k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(k)) return false;
  }
  return true;
}

// Word bounds of the text being matched, reused from call to call (matching
// is synchronous); `begins` lists the words whose hash is in the index's
// bit set of first words, the only ones the matcher starts from.
let starts = new Int32Array(256);
let ends = new Int32Array(256);
let hashes = new Int32Array(256);
let plain = new Uint8Array(256);
let begins = new Int32Array(256);

/** A folded word's hash: what a page tells the background about its words (page/vocabulary.ts). */
export const wordHash = hashWord;

/**
 * Adds the hash of every folded word of `text` to `into`, in one pass over
 * its characters (the pass `lazyWords` makes): what a page sends to learn
 * which aliases it may hold, without making a string of each word. A line
 * with a unit that cannot be folded alone (a ligature, a surrogate) goes
 * through the tokenizer, and only that line: a page's texts can be hashed
 * joined by line breaks, in one call, where the loop is optimised early.
 */
export function addWordHashes(text: string, into: { add(hash: number): unknown }): void {
  const folded = FOLDED;
  const n = text.length;
  let inWord = false;
  let h = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let f = folded[c]!;
    if (f === 0) f = folded[c] = foldedUnit(c);
    if (f > 0) {
      if (!inWord) {
        inWord = true;
        h = 0;
      }
      h = (Math.imul(h, 31) + f) | 0;
    } else if (f === SEPARATOR) {
      if (inWord) into.add(h);
      inWord = false;
    } else if (f === UNSURE) {
      // A line break separates words for the tokenizer too: the line alone gives the same words.
      const from = text.lastIndexOf('\n', i) + 1;
      const next = text.indexOf('\n', i);
      const to = next < 0 ? n : next;
      for (const t of tokenize(text.slice(from, to))) into.add(hashWord(t.norm));
      inWord = false;
      i = to;
    }
  }
  if (inWord) into.add(h);
}

/** The words of `text`, tokens made on demand; null when a unit cannot be folded alone. */
function lazyWords(index: SpotterIndex, text: string): LazyWords | null {
  const n = text.length;
  const capacity = (n >> 1) + 1;
  if (starts.length < capacity) {
    const size = Math.max(capacity, starts.length * 2);
    starts = new Int32Array(size);
    ends = new Int32Array(size);
    hashes = new Int32Array(size);
    plain = new Uint8Array(size);
    begins = new Int32Array(size);
  }
  // Locals, not the module's bindings, in the loop: the engine keeps them in registers.
  const wordStarts = starts;
  const wordEnds = ends;
  const wordHashes = hashes;
  const wordPlain = plain;
  const wordBegins = begins;
  const bits = index.firstWords;
  const folded = FOLDED;
  let count = 0;
  let beginCount = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let f = folded[c]!;
    if (f === 0) f = folded[c] = foldedUnit(c);
    if (f === UNSURE) return null;
    // Separators, and soft hyphens or marks before a word: nothing.
    if (f < 0) {
      i++;
      continue;
    }
    // A word starts here: its letters, and the soft hyphens and marks inside
    // it (all beyond ASCII, as `units` then tells).
    const start = i;
    let h = 0;
    let units = 0;
    for (;;) {
      if (f > 0) h = (Math.imul(h, 31) + f) | 0;
      else if (f !== SILENT) break;
      units |= c;
      if (++i === n) break;
      c = text.charCodeAt(i);
      f = folded[c]!;
      if (f === 0) f = folded[c] = foldedUnit(c);
    }
    if (f === UNSURE) return null;
    const b = h & FIRST_WORD_MASK;
    if ((bits[b >>> 5]! & (1 << (b & 31))) !== 0) wordBegins[beginCount++] = count;
    wordStarts[count] = start;
    wordEnds[count] = i;
    wordHashes[count] = h;
    wordPlain[count++] = units < 128 ? 1 : 0;
  }
  return lazy.of(text, count, beginCount);
}

/** The words `lazyWords` found, read from its arrays. */
class LazyWords implements Words {
  private text = '';
  count = 0;
  private beginCount = 0;
  private made: (Token | undefined)[] = [];
  /** Where `nextBegin` stands in `begins`. */
  private cursor = 0;

  of(text: string, count: number, beginCount: number): this {
    this.text = text;
    this.count = count;
    this.beginCount = beginCount;
    this.made = [];
    this.cursor = 0;
    return this;
  }

  start(k: number): number {
    return starts[k]!;
  }

  end(k: number): number {
    return ends[k]!;
  }

  capitalised(k: number): boolean {
    // A plain word's token is its own characters: a capital is A to Z.
    if (!plain[k]) return isCapitalised(this.at(k)!);
    const c = this.text.charCodeAt(starts[k]!);
    return c >= 65 && c <= 90;
  }

  nextBegin(k: number): number {
    while (this.cursor < this.beginCount && begins[this.cursor]! < k) this.cursor++;
    return this.cursor < this.beginCount ? begins[this.cursor]! : this.count;
  }

  child(index: SpotterIndex, node: TrieNode, k: number): TrieNode | undefined {
    // Most words the matcher looks up are plain ASCII: found by their hash
    // and checked against the text, with no token made. Below the root,
    // every child is in `byHash`: a hash that leads nowhere, or to another
    // word, is no child. A hash two children share, a branch of the root
    // not built yet, or a word with other characters: looked up by word.
    if (plain[k]) {
      const byHash = node.byHash.get(childKey(hashes[k]!));
      if (byHash && spells(this.text, starts[k]!, ends[k]!, byHash.word)) return byHash;
      if (byHash !== null && node !== index.root) return undefined;
    }
    return childByWord(index, node, this.at(k)!.norm);
  }

  at(k: number): Token | undefined {
    if (k < 0 || k >= this.count) return undefined;
    let t = this.made[k];
    if (!t) {
      const start = starts[k]!;
      const end = ends[k]!;
      const cased = this.text.slice(start, end);
      if (plain[k]) t = { norm: cased.toLowerCase(), cased, start, end };
      else {
        // The word alone, folded by the tokenizer: the same token, offsets shifted.
        const one = tokenize(cased)[0]!;
        t = { norm: one.norm, cased: one.cased, start: start + one.start, end: start + one.end };
      }
      this.made[k] = t;
    }
    return t;
  }
}

// The words of each text are read through one object of each kind, reset
// for each text, rather than a new one per text: the engine's optimized
// matcher is tied to the objects' shape, and a shape no living object has is
// dropped by a full garbage collection, after which the matcher would be
// optimized again from scratch (seen as deoptimizations in `npm run bench`,
// which collects garbage before each measurement).
const tokens = new TokenWords();
const lazy = new LazyWords();

function node(word: string): TrieNode {
  // Every field from the start: all nodes have one shape for the engine.
  return { word, next: new Map(), byHash: new Map(), aliases: undefined, accepted: undefined, capitalOnly: true };
}

function insert(root: TrieNode, words: Token[], entry: IndexedAlias): void {
  const first = entry.exactWords?.[0];
  const capital = first !== undefined && first[0] !== first[0]!.toLowerCase();
  let at = root;
  for (const w of words) {
    let child = at.next.get(w.norm);
    if (!child) {
      child = node(w.norm);
      at.next.set(w.norm, child);
      const key = childKey(hashWord(w.norm));
      at.byHash.set(key, at.byHash.has(key) ? null : child);
    }
    if (at === root && !capital) child.capitalOnly = false;
    at = child;
  }
  const list = (at.aliases ??= []);
  const dup = list.some((a) => a.candidate.entity === entry.candidate.entity && sameWords(a.exactWords, entry.exactWords));
  if (!dup) {
    list.push(entry);
    at.accepted = undefined;
  }
}

function sameWords(a?: string[], b?: string[]): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/**
 * Builds the alias index. Plural group names also get their "-s" form.
 *
 * Aliases are only grouped by their first word here, read without
 * tokenizing the rest; a group becomes a branch of the trie the first time
 * the text holds that word. A page meets a few hundred of the thousands of
 * first words the world pack knows, so the content script is ready to scan
 * after one pass over the aliases, not after building every branch.
 */
export function buildIndex(entries: readonly SpotterEntry[]): SpotterIndex {
  const index: SpotterIndex = { root: node(''), pending: new Map(), aliasCount: 0, firstWords: new Uint32Array(FIRST_WORD_BITS / 32) };
  addEntries(index, entries);
  return index;
}

/**
 * Adds aliases to an index, as `buildIndex` would have had them: a page
 * asks the background for the aliases its new text may hold (page/vocabulary.ts),
 * and they join the ones it has. An alias whose first word already has its
 * branch goes straight into it.
 */
export function addEntries(index: SpotterIndex, entries: readonly SpotterEntry[]): void {
  const { pending, firstWords } = index;
  const add = (first: string, alias: PendingAlias) => {
    index.aliasCount++;
    const built = index.root.next.get(first);
    if (built) {
      if ('words' in alias) insert(index.root, alias.words, alias.entry);
      else for (const form of forms(alias)) insert(index.root, form.words, form.entry);
      return;
    }
    const group = pending.get(first);
    if (group) group.push(alias);
    else {
      pending.set(first, [alias]);
      const k = hashWord(first) & FIRST_WORD_MASK;
      firstWords[k >>> 5]! |= 1 << (k & 31);
    }
  };
  for (const e of entries) {
    if (e.plural) {
      // A group name's plural ("talibans") may begin with another word than the name: its forms are made now.
      for (const form of forms(e)) add(form.words[0]!.norm, form);
      continue;
    }
    const first = firstWordOf(e.alias.text);
    if (first) add(first, e);
  }
}

/** The words an entry's alias is matched by, and its plural's ("Taliban", "Talibans"). */
function forms(e: SpotterEntry): { words: Token[]; entry: IndexedAlias }[] {
  const words = tokenize(e.alias.text);
  if (words.length === 0) return [];
  const candidate: Candidate = {
    entity: e.entity,
    type: e.type,
    short: e.alias.short === true,
    ...(e.stop ? { stop: true } : {}),
    ...(e.alias.common ? { common: true } : {}),
    ...(e.alias.exact ? { exact: true } : {}),
    ...(e.cc ? { cc: e.cc } : {}),
    ...(e.within ? { within: e.within } : {}),
    ...(e.pop ? { pop: e.pop } : {}),
    ...(e.near ? { near: e.near } : {}),
  };
  const exactWords = e.alias.exact ? words.map((w) => w.cased) : undefined;
  const dotted = e.alias.text.trimEnd().endsWith('.');
  const out = [{ words, entry: { candidate, exactWords, ...(dotted ? { dotted } : {}) } }];
  const last = words[words.length - 1]!;
  if (e.plural && !last.norm.endsWith('s')) {
    const pluralWords = [...words.slice(0, -1), { ...last, norm: last.norm + 's', cased: last.cased + 's' }];
    out.push({ words: pluralWords, entry: { candidate, exactWords: exactWords ? pluralWords.map((w) => w.cased) : undefined } });
  }
  return out;
}

/** The folded words of each form an entry is matched by: its alias, and its plural's. */
export function formWords(e: SpotterEntry): string[][] {
  return forms(e).map((f) => f.words.map((w) => w.norm));
}

/**
 * The folded first word of an alias, as `tokenize` would give it: read
 * directly for the usual ASCII word, through the tokenizer otherwise.
 */
export function firstWordOf(text: string): string | undefined {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 128 && FOLDED[text.charCodeAt(i)] === SEPARATOR) i++;
  const start = i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 128) return tokenize(text)[0]?.norm;
    if (FOLDED[c] === SEPARATOR) break;
    i++;
  }
  return i > start ? text.slice(start, i).toLowerCase() : tokenize(text)[0]?.norm;
}

/** The branch of the trie for a first word, built the first time it is asked for. */
function branch(index: SpotterIndex, word: string): TrieNode | undefined {
  const built = index.root.next.get(word);
  if (built) return built;
  const group = index.pending.get(word);
  if (!group) return undefined;
  index.pending.delete(word);
  for (const alias of group) {
    if ('words' in alias) insert(index.root, alias.words, alias.entry);
    else for (const form of forms(alias)) insert(index.root, form.words, form.entry);
  }
  return index.root.next.get(word);
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
  'general',
  'gen',
  'president',
  'minister',
  'prime',
  'mullah',
  'mollah',
  'mawlawi',
  'maulvi',
  'sheikh',
  'cheikh',
  'mr',
  'mrs',
  'ms',
  'dr',
  'commander',
  'commandant',
  'colonel',
  'lieutenant',
  'ambassador',
  'envoy',
  'secretary',
  'chancellor',
  'emir',
  'king',
  'sir',
  'lord',
  'spokesman',
  'chief',
  'leader',
  'senator',
  'admiral',
  'marshal',
  'mme',
  'm',
  'president',
  'ministre',
  'general',
  'generale',
]);
const SENTENCE_BREAK = /[.!?:;…"«»“”()[\]\n]/;

/**
 * Capitalised words that may follow a name without making it part of a
 * longer one: titles and offices ("Pakistan Prime Minister Shehbaz Sharif",
 * "Kyiv Mayor Vitali Klitschko", "UK Government").
 */
const NOT_A_CONTINUATION = new Set([
  ...TITLES,
  'foreign',
  'defence',
  'defense',
  'interior',
  'home',
  'finance',
  'state',
  'government',
  'vice',
  'deputy',
  'mayor',
  'governor',
  'spokesperson',
  'spokeswoman',
  'premier',
  'queen',
  'crown',
  'prince',
  'princess',
  'ayatollah',
  'supreme',
  'chair',
  'chairman',
  'chairwoman',
  'head',
  'director',
  'officials',
  'official',
  'authorities',
  'police',
  // Dates written after a place ("in Paris Monday", "Kyiv, March"): not part of a name.
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/** Articles, capitalised at a sentence's start: "The Times of India" is one name after "The". */
const ARTICLES = new Set(['the', 'le', 'la', 'les', 'l']);

/** Words that join the parts of a longer name: "University of Tehran", "Stade de France". */
const CONNECTORS = new Set(['of', 'de', 'du', 'des', 'd']);

/**
 * Capitalised words before "of" that name what follows rather than start a
 * longer name: "President of France", "Republic of Korea", "State of Palestine".
 */
const NAMES_WHAT_FOLLOWS = new Set([
  ...NOT_A_CONTINUATION,
  'republic',
  'kingdom',
  'emirate',
  'sultanate',
  'federation',
  'principality',
  'people',
  'peoples',
  'union',
  'islands',
  'capital',
  'city',
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
]);

function accepts(alias: IndexedAlias, words: Words, text: string, from: number, to: number): boolean {
  if (!alias.exactWords) return true;
  if (!alias.exactWords.every((w, k) => words.at(from + k)?.cased === w)) return false;
  // In a line set in capitals ("KABOUL – UN GOUVERNEMENT"), case says nothing:
  // an exact-case alias there is as likely to be the ordinary word.
  const next = words.at(to + 1);
  return !(isCapsWord(words.at(from - 1)) && isCapsWord(next) && joinable(text.slice(words.at(to)!.end, next!.start)));
}

/**
 * A surname alone must stand alone: "Jalaluddin Haqqani" or "Ahmad Wali
 * Massoud" is someone else's full name, and "Massoud Circle" a place. The
 * word before may be a title ("General Bajwa") or the first word of a sentence.
 */
function standsAlone(words: Words, text: string, from: number, to: number): boolean {
  const before = words.at(from - 1);
  if (before && isCapitalised(before) && !TITLES.has(before.norm) && joinable(text.slice(before.end, words.at(from)!.start))) {
    const prior = words.at(from - 2);
    const startsSentence = !prior || SENTENCE_BREAK.test(text.slice(prior.end, before.start));
    if (!startsSentence) return false;
  }
  const after = words.at(to + 1);
  const gap = after ? text.slice(words.at(to)!.end, after.start) : '';
  return !(after && isCapitalised(after) && /^[ \u00A0-]$/.test(gap));
}

/** Whether word `k` is the first of its sentence (or of the text). */
function opensSentence(words: Words, text: string, k: number): boolean {
  const before = words.at(k - 1);
  return !before || SENTENCE_BREAK.test(text.slice(before.end, words.at(k)!.start));
}

/**
 * A known name that is only part of a longer proper name Repères does not
 * know is not highlighted as the shorter entity:
 * - followed, in the same sentence, by a capitalised word that is neither a
 *   title, nor a date, nor the start of another known name: "Pakistan Air
 *   Force", "China Eastern", "U.N. Security Council" when the council is
 *   unknown;
 * - after "of" or "de" and a capitalised word that does not name what
 *   follows: "University of Tehran", "the Times of India", "Stade de France"
 *   (but "President of France", "Republic of Korea");
 * - an organisation followed by "of" and a capitalised word that is not a
 *   person: "the Democratic Party of Korea", "The Times of India" (people and
 *   places are often written so: "Emmanuel Macron of France", and an
 *   organisation "of" its leader is his: "the CSU of Friedrich Merz").
 * A line in title or capital case ("Russia Strikes Kyiv") says nothing by its capitals.
 */
function partOfLongerName(
  index: SpotterIndex,
  words: Words,
  text: string,
  first: number,
  last: number,
  dotted: boolean,
  candidates: Candidate[],
  previous: number,
): boolean {
  const end = words.end(last);
  const start = words.start(first);
  let longer = false;
  // Tokens are made only for the words a rule reads: most names are followed by a word in lower case.
  if (last + 1 < words.count && words.capitalised(last + 1)) {
    const after = words.at(last + 1)!;
    // "U.S. Army": the alias's own dot, then a space.
    const gap = text.slice(end, after.start);
    const joined = isSpace(text, end, after.start) || (dotted && (gap === '. ' || gap === '.\u00A0'));
    longer = joined && !NOT_A_CONTINUATION.has(after.norm) && !longestAt(index, words, text, last + 1);
  }
  const before = words.at(first - 1);
  const connected = before !== undefined && CONNECTORS.has(before.norm) && before.cased === before.norm;
  const ahead = connected ? words.at(first - 2) : undefined;
  // One capitalised word opens the longer name ("the University of Tehran"); after a longer run, "of" starts a
  // complement ("the Telugu Desam Party of Andhra Pradesh", "the Rocky Mountains of Alberta"). French writes
  // peoples capitalised and plural ("les Ouïghours du Xinjiang"): a plural there is no name's first word.
  if (!longer && before && ahead && first - 2 > previous && connected && isCapitalised(ahead)) {
    const apostrophe = before.norm === 'd' && /^['’]$/.test(text.slice(before.end, start));
    const opener = words.at(first - 3);
    const run = opener !== undefined && isCapitalised(opener) && !ARTICLES.has(opener.norm) && isSpace(text, opener.end, ahead.start);
    const people = before.norm !== 'of' && ahead.norm.endsWith('s');
    longer =
      (isSpace(text, before.end, start) || apostrophe) && isSpace(text, ahead.end, before.start) && !run && !people && !NAMES_WHAT_FOLLOWS.has(ahead.norm);
  }
  const after = candidates.every((c) => c.type === 'organization') ? words.at(last + 1) : undefined;
  const next = after && words.at(last + 2);
  if (!longer && after && next && CONNECTORS.has(after.norm) && after.cased === after.norm) {
    // "The Times of India", but "the Rapid Support Forces of Mohamed Hamdan Dagalo", "la CSU de Friedrich Merz".
    const named = isCapitalised(next) && longestAt(index, words, text, last + 2);
    const person = named && named.candidates.some((c) => c.type === 'person');
    longer = isCapitalised(next) && !person && isSpace(text, end, after.start) && isSpace(text, after.end, next.start);
  }
  return longer && !inTitleCase(text, end);
}

/** Whether text[from, to) is one space, plain or non-breaking. */
function isSpace(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const c = text.charCodeAt(from);
  return c === 32 || c === 0xa0;
}

/**
 * The line around `at` is a headline, a caption or a line in capitals: no
 * word of four letters or more in lower case ("Russia Strikes Kyiv With
 * Drones"), where a sentence has its verbs and nouns in lower case.
 */
function inTitleCase(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at) + 1;
  const to = text.indexOf('\n', at);
  const line = text.slice(from, to < 0 ? text.length : to);
  const words = line.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? [];
  return words.length >= 3 && !words.some((w) => w.length >= 4 && w[0] === w[0]!.toLowerCase() && w[0] !== w[0]!.toUpperCase());
}

/** All matches in `text`, in order, never overlapping. */
export function spot(index: SpotterIndex, text: string): RawMatch[] {
  return matchWords(index, text, lazyWords(index, text) ?? tokens.of(text));
}

/** `spot` with every word made into a token first: the reference it must agree with. */
export function spotTokens(index: SpotterIndex, text: string): RawMatch[] {
  return matchWords(index, text, tokens.of(text));
}

/** The longest alias accepted from word `i`: its last word, its candidates (one per entity), and whether it ends with its own dot. */
function longestAt(index: SpotterIndex, words: Words, text: string, i: number): { last: number; candidates: Candidate[]; dotted: boolean } | null {
  const n = words.count;
  let at: TrieNode | undefined = index.root;
  let found: { last: number; candidates: Candidate[]; dotted: boolean } | null = null;
  for (let j = i; j < n; j++) {
    // The trie first: most words continue no alias, and a map lookup is
    // cheaper than checking the gap (a single space, the usual gap, is
    // checked without slicing).
    at = words.child(index, at, j);
    if (!at || (j === i && at.capitalOnly && !words.capitalised(i))) break;
    if (j > i) {
      const from = words.end(j - 1);
      const to = words.start(j);
      if (!(to - from === 1 && text.charCodeAt(from) === 32) && !joinable(text.slice(from, to))) break;
    }
    if (at.aliases) {
      if (at.accepted === undefined) at.accepted = at.aliases.some((a) => a.exactWords) ? null : acceptedOf(at.aliases);
      if (at.accepted) found = { last: j, candidates: at.accepted.candidates, dotted: at.accepted.dotted };
      else {
        const ok = at.aliases.filter((a) => accepts(a, words, text, i, j));
        if (ok.length > 0) {
          const { candidates, dotted } = acceptedOf(ok);
          found = { last: j, candidates, dotted };
        }
      }
    }
  }
  return found;
}

/** What accepted aliases give a match: their candidates, and whether the match takes a final dot. */
function acceptedOf(aliases: IndexedAlias[]): Accepted {
  return { candidates: onePerEntity(aliases.map((a) => a.candidate)), dotted: aliases.some((a) => a.dotted) };
}

/**
 * One candidate per entity, its full form before its short one: an entity
 * that lists "UNRWA" (exact) and "Unrwa" is one candidate, not two namesakes.
 */
function onePerEntity(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const byEntity = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = byEntity.get(c.entity);
    if (!seen || (seen.short && !c.short) || (seen.common && !c.common)) byEntity.set(c.entity, c);
  }
  return byEntity.size === candidates.length ? candidates : [...byEntity.values()];
}

function matchWords(index: SpotterIndex, text: string, words: Words): RawMatch[] {
  const out: RawMatch[] = [];
  const n = words.count;
  let i = words.nextBegin(0);
  // The last word of the previous known name: "Yoon Suk Yeol of South Korea" joins two names, not one longer.
  let previous = -1;
  while (i < n) {
    const found = longestAt(index, words, text, i);
    if (!found) {
      i = words.nextBegin(i + 1);
      continue;
    }
    const { last, dotted } = found;
    const end = words.end(last);
    const alone = found.candidates.some((c) => c.short) ? standsAlone(words, text, i, last) : true;
    const candidates = found.candidates.filter((c) => !c.stop && (alone || !c.short));
    // A stop phrase is consumed like a name, so nothing inside it matches.
    if (candidates.length > 0 && !found.candidates.some((c) => c.stop) && !partOfLongerName(index, words, text, i, last, dotted, candidates, previous)) {
      const match: RawMatch = { start: words.start(i), end: dotted && text[end] === '.' ? end + 1 : end, candidates };
      if (candidates.some((c) => c.common) && opensSentence(words, text, i)) match.initial = true;
      out.push(match);
      previous = last;
    }
    i = words.nextBegin(last + 1);
  }
  return out;
}
