// The rule every format shares: a record (a CSV row, a JSON object, a feed
// item…) becomes a draft article, or problems that say which field is wrong
// and where. Also the per-file checks: duplicates and the article limit.

import { cleanLine, cleanText, deriveSummary, guessLang, hostOf, httpUrl, normalizeLang, parseDate, plainText } from './fields';
import { MAX_ARTICLES, type DraftArticle, type ImportFormat, type Origin, type Parsed, type Problem } from './types';
import { said, type MessageCode, type Params, type Said } from './messages';

export const FIELDS = ['id', 'title', 'date', 'lang', 'source', 'url', 'summary', 'text'] as const;
export type Field = (typeof FIELDS)[number];
export const REQUIRED_FIELDS = ['title', 'date', 'text'] as const satisfies readonly Field[];

/** Column and key names each field is known by (compared lower-case, spaces and hyphens as "_"). */
export const FIELD_SYNONYMS: Record<Field, readonly string[]> = {
  id: ['id', 'identifier', 'slug'],
  title: ['title', 'headline', 'titre'],
  date: ['date', 'published', 'pubdate', 'published_at', 'publication_date', 'date_published', 'datepublished'],
  lang: ['lang', 'language', 'langue', 'locale'],
  source: ['source', 'publication', 'outlet', 'publisher', 'site', 'site_name'],
  url: ['url', 'link', 'lien', 'href'],
  summary: ['summary', 'description', 'abstract', 'excerpt', 'résumé', 'resume', 'chapo', 'chapeau', 'lede'],
  text: ['text', 'body', 'content', 'texte', 'contenu', 'article', 'article_text'],
};

const BY_NAME = new Map<string, Field>(FIELDS.flatMap((f) => FIELD_SYNONYMS[f].map((name) => [name, f] as const)));

/** The field a column or key name stands for, or null. */
export function fieldFor(name: string): Field | null {
  return (
    BY_NAME.get(
      name
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    ) ?? null
  );
}

export type RawRecord = Partial<Record<Field, unknown>>;

/** A place in the file (the file itself is known to the collector). */
export type At = Omit<Origin, 'file'>;

/** Where a record is, and how problems about it are placed. */
export interface Place {
  origin: At;
  /** How the record is named in messages: "row", "line", "item", "article". */
  unit: string;
  index: number;
  /** Start each message with "item 3: " (when the origin alone does not say which record). */
  prefix?: boolean;
  /** A finer origin for one field (the line of a JSON key). */
  fieldOrigin?: (field: Field) => At;
}

export interface BuildOptions {
  /** The text (and summary) is HTML to turn into plain text. */
  html?: boolean;
}

/** Problems listed per file; the rest are counted in one last problem. */
export const MAX_PROBLEMS = 1000;

/** What a JSON value is, for messages: "a list", "an object", "a number"… */
export const kindOf = (v: unknown): string => (Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/** Collects the drafts and problems of one file. */
export class Drafts {
  readonly articles: DraftArticle[] = [];
  readonly problems: Problem[] = [];
  private records = 0;
  private refused = false;
  /** Problems beyond MAX_PROBLEMS, counted rather than kept: a wrong file can give one per line. */
  private hidden = { errors: 0, warnings: 0 };
  private readonly byUrl = new Map<string, Place>();
  private readonly byTitleDate = new Map<string, Place>();

  constructor(readonly file: string) {}

  /** Whether the article limit was passed: the parser stops and the import is refused. */
  get full(): boolean {
    return this.refused;
  }

  add(severity: Problem['severity'], origin: At, message: string | Said, field?: string): void {
    this.push({ severity, file: this.file, ...origin, ...(field ? { field } : {}), ...asProblemText(message) });
  }

  error(origin: At, message: string | Said, field?: string): void {
    this.add('error', origin, message, field);
  }

  warn(origin: At, message: string | Said, field?: string): void {
    this.add('warning', origin, message, field);
  }

  /**
   * Counts one record. Past MAX_ARTICLES, adds one error naming this record
   * and returns false: the parser must stop.
   */
  admit(place: Place): boolean {
    if (this.refused) return false;
    this.records++;
    if (this.records <= MAX_ARTICLES) return true;
    this.refused = true;
    // Always listed, past the problem cap too: it is why the import is refused.
    this.problems.push({
      severity: 'error',
      file: this.file,
      ...place.origin,
      ...asProblemText(said('tooManyArticles', { max: MAX_ARTICLES, unit: place.unit, index: place.index })),
    });
    return false;
  }

  /** Counts the record (see admit), then builds it. Returns false when the parser must stop. */
  record(record: RawRecord, place: Place, options: BuildOptions = {}): boolean {
    if (!this.admit(place)) return false;
    this.build(record, place, options);
    return true;
  }

  /** Applies the shared field rule to one already-admitted record. */
  build(record: RawRecord, place: Place, options: BuildOptions = {}): void {
    const own: Problem[] = [];
    // Feeds and collections name the record in the message ("item 3: …").
    const at: Params = place.prefix ? { atUnit: place.unit, atIndex: place.index } : {};
    const originOf = (field: Field): At => place.fieldOrigin?.(field) ?? place.origin;
    const say = (severity: Problem['severity'], field: Field, code: MessageCode, params: Params = {}) =>
      own.push({ severity, ...originOf(field), file: this.file, field, ...asProblemText(said(code, { ...params, ...at })) });
    const wrongType = new Set<Field>();
    const value = (field: Field): string => {
      const v = record[field];
      if (v === undefined || v === null) return '';
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      if (!wrongType.has(field)) say('error', field, 'notText', { field, kind: kindOf(v) });
      wrongType.add(field);
      return '';
    };
    const missing = (field: Field) => {
      if (!wrongType.has(field)) say('error', field, 'missingField', { field });
    };

    const title = options.html ? cleanLine(plainText(value('title'))) : cleanLine(value('title'));
    if (!title) missing('title');

    const rawDate = cleanLine(value('date'));
    let date = '';
    if (!rawDate) missing('date');
    else {
      const d = parseDate(rawDate);
      if (d.ok) date = d.date;
      else say('error', 'date', d.code, d.params);
    }

    const rawText = value('text');
    const text = options.html ? plainText(rawText) : cleanText(rawText);
    if (!text) missing('text');

    const rawLang = cleanLine(value('lang'));
    let lang = rawLang ? normalizeLang(rawLang) : null;
    if (rawLang && !lang) say('error', 'lang', 'langUnsupported', { lang: rawLang.slice(0, 30) });
    else if (!rawLang && text) {
      lang = guessLang(`${title}\n${text}`);
      if (lang) say('warning', 'lang', 'langGuessed', { lang });
      else say('error', 'lang', 'langUnclear');
    }

    const rawUrl = value('url').trim();
    let url: string | undefined;
    if (rawUrl) {
      // Normalised ("HTTPS://Example.org" → "https://example.org/"), so duplicates are found and the address is well-formed.
      url = httpUrl(rawUrl)?.href;
      if (!url) say('warning', 'url', 'urlDropped', { url: rawUrl.slice(0, 60) });
    }

    const source = cleanLine(value('source')) || (url ? hostOf(url) : null) || this.file;
    const givenSummary = options.html ? cleanLine(plainText(value('summary'))) : cleanLine(value('summary'));
    const summary = givenSummary || deriveSummary(text);
    const id = cleanLine(value('id'));

    const ok = !own.some((p) => p.severity === 'error');
    if (ok && lang) {
      const firstByUrl = url ? this.byUrl.get(url) : undefined;
      const titleDate = `${title.toLowerCase()}\u0000${date}`;
      const first = firstByUrl ?? this.byTitleDate.get(titleDate);
      if (first) {
        this.push(...own, {
          severity: 'warning',
          ...place.origin,
          file: this.file,
          ...asProblemText(said('repeats', { unit: first.unit, index: first.index, by: firstByUrl ? 'url' : 'title and date', ...at })),
        });
        return;
      }
      if (url) this.byUrl.set(url, place);
      this.byTitleDate.set(titleDate, place);
      this.articles.push({
        ...(id ? { id } : {}),
        title,
        date,
        lang,
        source,
        ...(url ? { url } : {}),
        summary,
        body: text,
        origin: { ...place.origin, file: this.file },
      });
    }
    this.push(...own);
  }

  private push(...problems: Problem[]): void {
    for (const p of problems) {
      if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
      else if (p.severity === 'error') this.hidden.errors++;
      else this.hidden.warnings++;
    }
  }

  /** The result. Past the limit, no article is returned (the import is refused); with no article, there is always an error. */
  result(format: ImportFormat | null): Parsed {
    const articles = this.refused ? [] : this.articles;
    const { errors, warnings } = this.hidden;
    if (errors + warnings > 0) {
      this.problems.push({ severity: errors > 0 ? 'error' : 'warning', file: this.file, ...asProblemText(said('moreNotListed', { errors, warnings })) });
      this.hidden = { errors: 0, warnings: 0 };
    }
    if (articles.length === 0 && !this.problems.some((p) => p.severity === 'error'))
      this.problems.push({ severity: 'error', file: this.file, ...asProblemText(said('noArticlesInFile')) });
    return { format, articles, problems: this.problems };
  }
}

/** A problem's text fields from a plain message or a coded one. */
export function asProblemText(message: string | Said): Pick<Problem, 'message' | 'code' | 'params'> {
  return typeof message === 'string' ? { message } : message;
}

/** An unexpected exception as a problem message. */
/** The 1-based line of any offset of `text`: line starts found once, then a binary search per offset. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
