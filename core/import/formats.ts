// The import formats, listed once: how each is named to the reader and the
// file extensions that announce it. Where each parser lives is in index.ts.

import type { ImportFormat, Parsed } from './types';

export interface ParseOptions {
  /** Builds a Document from HTML text (DOMParser in the extension). */
  parseHtml: (text: string) => Document;
  /** The file's extension, lower case: ".tsv" says tab-separated before the text does. */
  extension: string;
}

/** What every format's parser is: text in, drafts and problems out, never throwing. */
export type Parser = (text: string, file: string, opts: ParseOptions) => Parsed;

interface FormatEntry {
  /** How the reader knows it, in English and French. */
  name: { en: string; fr: string };
  /** Extensions that announce it, without the dot, and the format each says; null when only the text can tell (.xml). */
  extensions: Readonly<Record<string, ImportFormat | null>>;
}

export const FORMAT_TABLE: readonly FormatEntry[] = [
  {
    name: { en: 'CSV or TSV', fr: 'CSV ou TSV' },
    extensions: { csv: 'csv', tsv: 'csv', tab: 'csv' },
  },
  {
    name: { en: 'JSON Lines', fr: 'JSON Lines' },
    extensions: { jsonl: 'jsonl', ndjson: 'jsonl' },
  },
  {
    name: { en: 'a Repères collection', fr: 'une collection Repères' },
    extensions: { json: 'reperes-json' },
  },
  {
    name: { en: 'Markdown articles', fr: 'des articles Markdown' },
    extensions: { md: 'markdown', markdown: 'markdown' },
  },
  {
    name: { en: 'RSS or Atom feeds', fr: 'des flux RSS ou Atom' },
    extensions: { rss: 'rss', atom: 'atom', xml: null },
  },
  {
    name: { en: 'web pages', fr: 'des pages web' },
    extensions: { html: 'html', htm: 'html', xhtml: 'html' },
  },
];

/** Extension → format, for the extensions that tell. */
export const FORMAT_OF_EXTENSION: ReadonlyMap<string, ImportFormat> = new Map(
  FORMAT_TABLE.flatMap((e) => Object.entries(e.extensions).filter((x): x is [string, ImportFormat] => x[1] !== null)),
);

/** "CSV or TSV (.csv, .tsv, .tab), JSON Lines (.jsonl, .ndjson)… and web pages (.html…)", for the unknown-format message. */
export function supportedFormats(lang: 'en' | 'fr'): string {
  const items = FORMAT_TABLE.map(
    (e) =>
      `${e.name[lang]} (${Object.keys(e.extensions)
        .map((x) => `.${x}`)
        .join(', ')})`,
  );
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${items[items.length - 1]}`;
}
