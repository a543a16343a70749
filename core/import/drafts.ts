// The rule every format shares: a record (a CSV row, a JSON object, a feed
// item…) becomes a draft article, or problems that say which field is wrong
// and where. Also the per-file checks: duplicates and the article limit.

import { cleanLine, cleanText, deriveSummary, guessLang, hostOf, httpUrl, normalizeLang, parseDate, plainText } from './fields';
import { MAX_ARTICLES, type DraftArticle, type ImportFormat, type Origin, type Parsed, type Problem } from './types';

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
  return BY_NAME.get(name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_')) ?? null;
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

const where = (p: Place) => `${p.unit} ${p.index}`;
const kindOf = (v: unknown) => (Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : typeof v);

/** Collects the drafts and problems of one file. */
export class Drafts {
  readonly articles: DraftArticle[] = [];
  readonly problems: Problem[] = [];
  private records = 0;
  private refused = false;
  /** Problems beyond MAX_PROBLEMS, counted rather than kept: a wrong file can give one per line. */
  private hidden = { errors: 0, warnings: 0 };
  private readonly byUrl = new Map<string, string>();
  private readonly byTitleDate = new Map<string, string>();

  constructor(readonly file: string) {}

  /** Whether the article limit was passed: the parser stops and the import is refused. */
  get full(): boolean {
    return this.refused;
  }

  add(severity: Problem['severity'], origin: At, message: string, field?: string): void {
    this.push({ severity, file: this.file, ...origin, ...(field ? { field } : {}), message });
  }

  error(origin: At, message: string, field?: string): void {
    this.add('error', origin, message, field);
  }

  warn(origin: At, message: string, field?: string): void {
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
      message: `more than ${MAX_ARTICLES.toLocaleString('en-US')} articles: ${place.unit} ${place.index.toLocaleString('en-US')} is beyond the limit; split the file`,
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
    const prefix = place.prefix ? `${where(place)}: ` : '';
    const originOf = (field: Field): At => place.fieldOrigin?.(field) ?? place.origin;
    const say = (severity: Problem['severity'], field: Field, message: string) =>
      own.push({ severity, ...originOf(field), file: this.file, field, message: prefix + message });
    const wrongType = new Set<Field>();
    const value = (field: Field): string => {
      const v = record[field];
      if (v === undefined || v === null) return '';
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      if (!wrongType.has(field)) say('error', field, `${field} should be text, not ${kindOf(v)}`);
      wrongType.add(field);
      return '';
    };
    const missing = (field: Field, message: string) => {
      if (!wrongType.has(field)) say('error', field, message);
    };

    const title = options.html ? cleanLine(plainText(value('title'))) : cleanLine(value('title'));
    if (!title) missing('title', 'the title is missing');

    const rawDate = cleanLine(value('date'));
    let date = '';
    if (!rawDate) missing('date', 'the date is missing');
    else {
      const d = parseDate(rawDate);
      if (d.ok) date = d.date;
      else say('error', 'date', d.reason);
    }

    const rawText = value('text');
    const text = options.html ? plainText(rawText) : cleanText(rawText);
    if (!text) missing('text', 'the text is missing');

    const rawLang = cleanLine(value('lang'));
    let lang = rawLang ? normalizeLang(rawLang) : null;
    if (rawLang && !lang) say('error', 'lang', `language '${rawLang.slice(0, 30)}' is not supported (en, fr)`);
    else if (!rawLang && text) {
      lang = guessLang(`${title}\n${text}`);
      if (lang) say('warning', 'lang', `language not given; guessed ${lang}`);
      else say('error', 'lang', 'language not given, and the text does not make it clear: give it (en or fr)');
    }

    const rawUrl = value('url').trim();
    let url: string | undefined;
    if (rawUrl) {
      // Normalised ("HTTPS://Example.org" → "https://example.org/"), so duplicates are found and the address is well-formed.
      url = httpUrl(rawUrl)?.href;
      if (!url)
        say('warning', 'url', `'${rawUrl.slice(0, 60)}' is not an http(s) address: the url is dropped`);
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
          message: `${prefix}repeats ${first} (same ${firstByUrl ? 'url' : 'title and date'}): kept once`,
        });
        return;
      }
      if (url) this.byUrl.set(url, where(place));
      this.byTitleDate.set(titleDate, where(place));
      this.articles.push({
        ...(id ? { id } : {}),
        title,
        date,
        lang,
        source,
        ...(url ? { url } : {}),
        summary,
        text,
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
      const count = (n: number, what: string) => (n > 0 ? [`${n.toLocaleString('en-US')} ${what}${n > 1 ? 's' : ''}`] : []);
      this.problems.push({
        severity: errors > 0 ? 'error' : 'warning',
        file: this.file,
        message: `and ${[...count(errors, 'more error'), ...count(warnings, 'more warning')].join(' and ')} not listed`,
      });
      this.hidden = { errors: 0, warnings: 0 };
    }
    if (articles.length === 0 && !this.problems.some((p) => p.severity === 'error'))
      this.problems.push({ severity: 'error', file: this.file, message: 'no articles found in this file' });
    return { format, articles, problems: this.problems };
  }
}

/** An unexpected exception as a problem message. */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
