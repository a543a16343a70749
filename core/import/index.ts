// The import parsers, each loaded when a file of its format arrives: a saved
// web page pulls in Readability, a feed the XML parser, a collection its
// schema, and nothing else is fetched.

import { readFile, type ReadOptions } from './read';
import type { Parser } from './formats';
import type { ImportFormat, Parsed } from './types';

export const PARSERS: Readonly<Record<ImportFormat, () => Promise<Parser>>> = {
  csv: () => import('./csv').then((m) => m.parseCsvFile),
  jsonl: () => import('./jsonl').then((m) => m.parseJsonl),
  'reperes-json': () => import('./reperes-collection').then((m) => m.parseCollection),
  markdown: () => import('./markdown').then((m) => m.parseMarkdown),
  rss: () => import('./feed').then((m) => m.parseFeed),
  atom: () => import('./feed').then((m) => m.parseFeed),
  html: () => import('./html').then((m) => m.parseHtmlText),
};

/** Reads one file of any supported format (see read.ts). */
export function parseFile(name: string, bytes: Uint8Array, opts: ReadOptions): Promise<Parsed> {
  return readFile(name, bytes, (format) => PARSERS[format](), opts);
}
