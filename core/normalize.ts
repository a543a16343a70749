// Normalisation for matching. Text is cut into word tokens whose `norm` is
// lower-cased, accent-free and ligature-free, while `start`/`end` keep exact
// UTF-16 offsets into the original text, so every match maps back to the
// characters a reader sees.

export interface Token {
  /** Folded form: lower case, no diacritics. */
  norm: string;
  /** Original characters of the token, ignorable characters removed, case kept, accents folded. */
  cased: string;
  start: number;
  end: number;
}

// Characters that never break a word and never count: soft hyphen,
// zero-width space/joiners, word joiner, BOM. "Kabu\u00ADlov" is one word.
const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const WORD = /[\p{L}\p{N}]/u;
// Modifier letters used as apostrophes ("quʼil"): separators, not letters.
const APOSTROPHE_LETTERS = /[\u02BC\u02BB\u02BD]/;
const MARKS = /\p{M}/gu;
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/**
 * The one table of word characters among the first 128 code points: 1 for a
 * letter or digit, 0 for a separator. The tokenizer, `foldChar` and the
 * spotter's word loop all read it.
 */
export const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

const foldCache = new Map<string, string>();

/**
 * Folds one code point: accents removed (precomposed or decomposed),
 * ligatures expanded. Case is kept; callers lower-case. Returns '' for
 * characters that are part of a word but carry no letter (combining marks,
 * soft hyphens) and null for separators.
 */
export function foldChar(ch: string): string | null {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    return ASCII_WORD[code] ? ch : null;
  }
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached === '\u0000' ? null : cached;
  let out: string | null;
  if (IGNORABLE.test(ch)) out = '';
  else if (APOSTROPHE_LETTERS.test(ch)) out = null;
  else if (LIGATURES[ch] !== undefined) out = LIGATURES[ch];
  else {
    const stripped = ch.normalize('NFD').replace(MARKS, '');
    if (stripped === '')
      out = ''; // a lone combining mark
    else out = WORD.test(stripped) ? stripped : null;
  }
  foldCache.set(ch, out ?? '\u0000');
  return out;
}

/**
 * Cuts text into word tokens (Unicode letters and digits). Most words of a
 * news page are plain ASCII: they are sliced and lower-cased whole, and only
 * a word with another character is folded one character at a time (the
 * spotter's figures in `npm run bench` include it).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && ASCII_WORD[c] === 0) {
      i++;
      continue;
    }
    // A word starts here (or a non-ASCII character that may be a separator).
    const start = i;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d >= 128 || ASCII_WORD[d] === 0) break;
      i++;
    }
    const next = i < n ? text.charCodeAt(i) : 0;
    if (i > start && (i === n || next < 128)) {
      const cased = text.slice(start, i);
      tokens.push({ norm: cased.toLowerCase(), cased, start, end: i });
      continue;
    }
    i = foldWord(text, start, tokens);
  }
  return tokens;
}

/** Folds one word that holds non-ASCII characters, from `start`; returns where it ends. */
function foldWord(text: string, start: number, tokens: Token[]): number {
  let cased = '';
  let first = -1;
  let end = -1;
  let i = start;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(width === 2 ? text.slice(i, i + 2) : text[i]!);
    if (folded === null) break;
    if (folded !== '') {
      if (first < 0) first = i;
      cased += folded;
      end = i + width;
    } else if (first >= 0) {
      end = i + width; // marks and soft hyphens extend the current word
    }
    i += width;
  }
  if (first >= 0) tokens.push({ norm: cased.toLowerCase(), cased, start: first, end });
  // A separator that is not ASCII (a non-breaking space, a dash) is skipped.
  return i === start ? i + (text.codePointAt(i)! > 0xffff ? 2 : 1) : i;
}

// What may stand between two words of one name: spaces of any kind
// (including a line break), hyphens and dashes, apostrophes. A lone dot joins
// only without spaces ("U.S."), so a sentence end never joins two names.
const JOIN_SPACE = /^[\s\u00A0\u202F\-\u2010-\u2015'\u2019\u02BC\u2018]{1,40}$/;
const JOIN_DOT = /^\.$/;
const PARAGRAPH = /[\u2029\n][^\n\u2029]*\n|\u2029/;

/** Whether the text between two tokens can sit inside one name. */
export function joinable(gap: string): boolean {
  if (JOIN_DOT.test(gap)) return true;
  return JOIN_SPACE.test(gap) && !PARAGRAPH.test(gap);
}

/** The normalised form of a whole string: tokens joined by single spaces. */
export function normalizeText(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(' ');
}
