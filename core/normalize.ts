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
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? ch : null;
  }
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached === '\u0000' ? null : cached;
  let out: string | null;
  if (IGNORABLE.test(ch)) out = '';
  else if (APOSTROPHE_LETTERS.test(ch)) out = null;
  else if (LIGATURES[ch] !== undefined) out = LIGATURES[ch];
  else {
    const stripped = ch.normalize('NFD').replace(MARKS, '');
    if (stripped === '') out = ''; // a lone combining mark
    else out = WORD.test(stripped) ? stripped : null;
  }
  foldCache.set(ch, out ?? '\u0000');
  return out;
}

/** Cuts text into word tokens (Unicode letters and digits). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let cased = '';
  let start = -1;
  let end = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(width === 2 ? text.slice(i, i + 2) : text[i]!);
    if (folded === null) {
      if (start >= 0) {
        tokens.push({ norm: cased.toLowerCase(), cased, start, end });
        start = -1;
        cased = '';
      }
    } else if (folded !== '') {
      if (start < 0) start = i;
      cased += folded;
      end = i + width;
    } else if (start >= 0) {
      end = i + width; // marks and soft hyphens extend the current word
    }
    i += width;
  }
  if (start >= 0) tokens.push({ norm: cased.toLowerCase(), cased, start, end });
  return tokens;
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
