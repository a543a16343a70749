// Field helpers shared by every import format: dates, languages, summaries,
// and HTML or messy text turned into clean plain text. Pure functions, no DOM.

import { Parser } from 'htmlparser2';
import type { Lang } from '../model';
import { said, type MessageCode, type Params, type Said } from './messages';

// ---------------------------------------------------------------------------
// Dates

export type DateResult = { ok: true; date: string } | ({ ok: false; reason: string } & Pick<Said, 'code' | 'params'>);

function refused(code: MessageCode, params: Params = {}): DateResult {
  const s = said(code, params);
  return { ok: false, reason: s.message, code: s.code, params: s.params };
}

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['january', 'jan', 'janvier', 'janv']],
  [2, ['february', 'feb', 'fevrier', 'fevr', 'fev']],
  [3, ['march', 'mar', 'mars']],
  [4, ['april', 'apr', 'avril', 'avr']],
  [5, ['may', 'mai']],
  [6, ['june', 'jun', 'juin']],
  [7, ['july', 'jul', 'juillet', 'juil']],
  [8, ['august', 'aug', 'aout']],
  [9, ['september', 'sep', 'sept', 'septembre']],
  [10, ['october', 'oct', 'octobre']],
  [11, ['november', 'nov', 'novembre']],
  [12, ['december', 'dec', 'decembre']],
];
for (const [n, names] of monthNames) for (const name of names) MONTHS[name] = n;

const WEEKDAY =
  /^(?:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|lun|lundi|mardi|mer|mercredi|jeu|jeudi|ven|vendredi|sam|samedi|dim|dimanche)\.?,?\s+/;

/** A time of day and an optional zone after the date: " 23:30:00 +0430", " à 14h05", "T08:00Z". */
const TIME_TAIL =
  /^(?:$|(?:[t\s]|\s+(?:a|at)\s+)\d{1,2}(?:[:h]\d{2})?(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|gmt|[a-z]{2,4}|[+-]\d{2}:?\d{2})?\s*(?:\([a-z ]+\))?$)/;

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function ymd(raw: string, year: number, month: number, day: number): DateResult {
  const written = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return refused('dateImpossible', { raw: short(raw) });
  return { ok: true, date: written };
}

function short(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Reads a date as written, without any time-zone shift, and explains a
 * refusal. Accepts YYYY-MM-DD, ISO 8601 date-times, RFC 2822, "15 August
 * 2021", "August 15, 2021", "15 août 2021", "1er septembre 2021". Refuses
 * impossible days and numeric day/month forms such as 03/04/2021.
 */
export function parseDate(raw: string): DateResult {
  const s = raw.trim();
  if (s === '') return refused('missingField', { field: 'date' });
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(s);
  if (iso && TIME_TAIL.test(fold(iso[4]!))) return ymd(s, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const ymdSlash = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(.*)$/.exec(s);
  if (ymdSlash && TIME_TAIL.test(fold(ymdSlash[4]!))) return ymd(s, Number(ymdSlash[1]), Number(ymdSlash[2]), Number(ymdSlash[3]));
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(s)) return refused('dateAmbiguous', { raw: short(s) });

  const t = fold(s)
    .replace(WEEKDAY, '')
    .replace(/,/g, ' ')
    .replace(/\b(\d{1,2})(?:st|nd|rd|th|er|eme)\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const dmy = /^(\d{1,2}) ([a-z]+)\.? (\d{4})(.*)$/.exec(t);
  if (dmy && TIME_TAIL.test(dmy[4]!)) {
    const month = MONTHS[dmy[2]!];
    if (month) return ymd(s, Number(dmy[3]), month, Number(dmy[1]));
  }
  const mdy = /^([a-z]+)\.? (\d{1,2}) (\d{4})(.*)$/.exec(t);
  if (mdy && TIME_TAIL.test(mdy[4]!)) {
    const month = MONTHS[mdy[1]!];
    if (month) return ymd(s, Number(mdy[3]), month, Number(mdy[2]));
  }
  return refused('dateUnreadable', { raw: short(s) });
}

/** The date as YYYY-MM-DD, or null when it is missing, impossible, ambiguous or unreadable. */
export function normalizeDate(raw: string): string | null {
  const r = parseDate(raw);
  return r.ok ? r.date : null;
}

// ---------------------------------------------------------------------------
// Languages

const LANG_NAMES: Record<string, Lang> = {
  fr: 'fr',
  fre: 'fr',
  fra: 'fr',
  french: 'fr',
  francais: 'fr',
  francaise: 'fr',
  en: 'en',
  eng: 'en',
  english: 'en',
  anglais: 'en',
  anglaise: 'en',
};

/** 'fr', 'fr-FR', 'fr_CA', 'FR', 'French', 'français', 'en-GB', 'English', 'anglais'… → the language; anything else → null. */
export function normalizeLang(raw: string): Lang | null {
  const primary = fold(raw.trim()).split(/[-_\s]/)[0] ?? '';
  return LANG_NAMES[primary] ?? null;
}

// Words frequent in one language and rare in the other.
const FR_WORDS = new Set(
  'le la les des du de et est une un dans pour qui que sur au aux par pas ce cette il elle ils elles ont sont avec ne se sa son ses leur leurs été était mais ou où nous vous selon après depuis'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the and of to in is that for with was as by it at from are this be has have had said were an which not his her their its will would been after who they but or'.split(
    ' ',
  ),
);

/** The language of a text from its function words, or null when the text is too short or mixed to tell. */
export function guessLang(text: string): Lang | null {
  let fr = 0;
  let en = 0;
  for (const word of text
    .slice(0, 20_000)
    .toLowerCase()
    .split(/[^a-zà-ÿœæ]+/)) {
    if (FR_WORDS.has(word)) fr++;
    else if (EN_WORDS.has(word)) en++;
  }
  if (fr >= 3 && fr >= 2 * en) return 'fr';
  if (en >= 3 && en >= 2 * fr) return 'en';
  return null;
}

// ---------------------------------------------------------------------------
// Text

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** \r\n and \r → \n, control characters dropped, lines trimmed, 3+ newlines → 2, trimmed. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line: every run of whitespace (newlines too) becomes one space. For titles, sources, summaries. */
export function cleanLine(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

export const SUMMARY_MAX = 240;
const SENTENCE_END = /[.!?…]+["»”’)\]]*(?=\s|$)/g;

/** One or two first sentences of the first paragraph, at most 240 characters, cut at a word with "…". */
export function deriveSummary(text: string): string {
  const paragraph =
    text
      .split(/\n\s*\n/)
      .map(cleanLine)
      .find((p) => p !== '') ?? '';
  const ends: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(paragraph); m && ends.length < 2; m = SENTENCE_END.exec(paragraph)) ends.push(m.index + m[0].length);
  const first = ends[0] ?? paragraph.length;
  if (first <= SUMMARY_MAX) {
    const second = ends[1];
    return (second !== undefined && second <= SUMMARY_MAX ? paragraph.slice(0, second) : paragraph.slice(0, first)).trim();
  }
  const cut = paragraph.slice(0, SUMMARY_MAX);
  const space = cut.lastIndexOf(' ');
  const head = space > SUMMARY_MAX / 2 ? cut.slice(0, space) : cut.slice(0, SUMMARY_MAX - 1);
  return `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}

const BLOCK = new Set(
  'address article aside blockquote caption center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr ul'.split(
    ' ',
  ),
);
/** Elements whose content is never text a reader sees. */
const DROP = new Set(['script', 'style', 'noscript', 'template', 'title', 'svg', 'math', 'iframe', 'object', 'textarea', 'select', 'head']);

/**
 * An HTML fragment as plain text, without a DOM: tags stripped, entities
 * decoded, block elements and <br> turned into paragraph and line breaks,
 * scripts, styles and comments dropped. htmlparser2 tokenizes as browsers
 * do, so text reads as a browser would show it (a "<" that opens no tag
 * stays text; an unfinished tag at the very end is dropped).
 */
export function plainText(html: string): string {
  const out: string[] = [];
  let pre = 0;
  let dropped = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROP.has(name)) dropped++;
        else if (dropped === 0) breakFor(name, false);
      },
      onclosetag(name) {
        if (DROP.has(name)) dropped = Math.max(0, dropped - 1);
        else if (dropped === 0) breakFor(name, true);
      },
      ontext(text) {
        if (dropped === 0) out.push(pre > 0 ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
      },
    },
    // CDATA in a fragment taken from a feed is its author's text.
    { decodeEntities: true, recognizeCDATA: true },
  );
  const breakFor = (name: string, closing: boolean) => {
    if (name === 'br') {
      if (!closing) out.push('\n');
    } else if (BLOCK.has(name)) {
      out.push('\n\n');
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    } else if (name === 'td' || name === 'th') out.push(' ');
  };
  parser.end(html);
  return cleanText(
    out
      .join('')
      .split('\n')
      .map((l) => l.replace(/ {2,}/g, ' '))
      .join('\n'),
  );
}

/** Whether a string holds HTML markup or entities rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-zA-Z][^<>]*>|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.test(s);
}

// ---------------------------------------------------------------------------
// URLs

/** The URL if it is an absolute http(s) address, else null. */
export function httpUrl(raw: string): URL | null {
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The host name of an http(s) URL without "www.", or null. */
export function hostOf(raw: string): string | null {
  const u = httpUrl(raw);
  return u && u.hostname ? u.hostname.replace(/^www\./, '') : null;
}
