// What every import parser produces: draft articles, each traced back to its
// place in the file, and the problems found, each with its line or row. A
// parser never throws: whatever the input, it ends in articles or problems.

import type { Lang } from '../model';

export const IMPORT_FORMATS = ['reperes-json', 'markdown', 'jsonl', 'csv', 'rss', 'atom', 'html'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Files above this are refused before they are read (the whole collection is held in memory while it is imported). */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/** Articles in one import: above this the import is refused, naming the first row or line beyond. */
export const MAX_ARTICLES = 20_000;

/** Where a draft or a problem comes from. `line` is 1-based; `row` is a spreadsheet row (the header is row 1). */
export interface Origin {
  file: string;
  line?: number;
  row?: number;
}

export interface DraftArticle {
  /** The id the file gave the article, when it gave one (a Repères collection, a Markdown article). */
  id?: string;
  title: string;
  /** YYYY-MM-DD, a real calendar date */
  date: string;
  lang: Lang;
  source: string;
  url?: string;
  /** One or two sentences; derived from the text when the file has none. */
  summary: string;
  /** Plain text, paragraphs separated by a blank line (the file's "text" field or column). */
  body: string;
  origin: Origin;
}

export interface Problem extends Origin {
  severity: 'error' | 'warning';
  /** The field or column concerned, when there is one. */
  field?: string;
  message: string;
  /** The message's code and parameters (core/import/messages.ts), to show it in the reader's language. */
  code?: string;
  params?: Record<string, string | number>;
}

export interface Parsed {
  format: ImportFormat | null;
  /** The text encoding the bytes were read with, when the input was bytes. */
  encoding?: string;
  articles: DraftArticle[];
  problems: Problem[];
}
