// The entry point of the import parsers: from a file's name and bytes to
// draft articles and problems. Checks the size, decodes, detects the format,
// dispatches; never throws.

import { parseCsv } from './csv';
import { decodeBytes, WINDOWS_1252 } from './decode';
import { describeError } from './drafts';
import { parseFeed } from './feed';
import { parseHtmlPage } from './html';
import { parseJsonl } from './jsonl';
import { parseMarkdown } from './markdown';
import { COLLECTION_FORMAT, parseCollection } from './reperes-collection';
import { MAX_FILE_BYTES, type ImportFormat, type Parsed, type Problem } from './types';
import { said, tooBigMessage, type Said } from './messages';

/** What the error for an unknown format lists. */
export const SUPPORTED_FORMATS =
  'CSV or TSV (.csv, .tsv), JSON Lines (.jsonl, .ndjson), a Repères collection (.json), Markdown articles (.md), RSS or Atom feeds (.xml, .rss, .atom) and web pages (.html)';

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'reperes-json',
  md: 'markdown',
  markdown: 'markdown',
  rss: 'rss',
  atom: 'atom',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase() ?? '';

/** XML content: a feed root, or an XHTML page. */
function sniffXml(head: string): ImportFormat | null {
  // The first element that is not a declaration, comment or DOCTYPE.
  const root = /<([a-zA-Z][\w:.-]*)/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''))?.[1]?.toLowerCase();
  if (root === 'rss' || root === 'rdf:rdf') return 'rss';
  if (root === 'feed') return 'atom';
  if (root === 'html') return 'html';
  return null;
}

/**
 * The format of a file, from its extension, then from its first characters
 * when the extension is unknown or ambiguous (.json, .xml, .txt…). Null when
 * neither tells.
 */
export function detectFormat(fileName: string, head: string): ImportFormat | null {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const extension = extensionOf(fileName);
  const byExtension = BY_EXTENSION[extension];
  if (byExtension === 'rss' || byExtension === 'atom') return sniffXml(text) === 'atom' ? 'atom' : sniffXml(text) === 'rss' ? 'rss' : byExtension;
  if (byExtension === 'reperes-json') {
    // A .json file may hold JSON Lines: several objects, one per line.
    if (!new RegExp(`"format"\\s*:\\s*"${COLLECTION_FORMAT}"`).test(text) && /^\{.*\}\s*\n\s*\{/.test(text)) return 'jsonl';
    return 'reperes-json';
  }
  if (byExtension) return byExtension;

  if (text.startsWith('<')) {
    if (/^<!doctype\s+html/i.test(text)) return 'html';
    return sniffXml(text);
  }
  if (text.startsWith('{')) {
    if (new RegExp(`^\\{\\s*"format"\\s*:\\s*"${COLLECTION_FORMAT}"`).test(text)) return 'reperes-json';
    if (/^\{.*\}\s*(?:\n|$)/.test(text)) return 'jsonl';
    return 'reperes-json';
  }
  if (/^---[ \t]*\r?\n/.test(text)) return 'markdown';
  // A header row with a delimiter and a known column name.
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (/[,;\t|]/.test(firstLine) && /(^|[,;\t|"\s])(title|headline|titre)([,;\t|"\s]|$)/i.test(firstLine)) return 'csv';
  return null;
}

function failure(file: string, message: Said, format: ImportFormat | null = null): Parsed {
  const problem: Problem = { severity: 'error', file, ...message };
  return { format, articles: [], problems: [problem] };
}

export interface ParseFileOptions {
  /** Builds a Document from HTML text (DOMParser in the extension). */
  parseHtml: (text: string) => Document;
}

/** Reads one file of any supported format. Never throws: every failure is an error problem. */
export function parseFile(name: string, bytes: Uint8Array, opts: ParseFileOptions): Parsed {
  try {
    if (bytes.length > MAX_FILE_BYTES) {
      return failure(name, tooBigMessage(name, bytes.length));
    }
    const decoded = decodeBytes(bytes, name);
    if ('severity' in decoded) return { format: null, articles: [], problems: [decoded] };
    const { text, encoding } = decoded;
    const format = detectFormat(name, text.slice(0, 8192));
    let parsed: Parsed;
    switch (format) {
      case 'csv':
        parsed = parseCsv(text, name, /^(tsv|tab)$/.test(extensionOf(name)) ? { delimiter: '\t' } : {});
        break;
      case 'jsonl':
        parsed = parseJsonl(text, name);
        break;
      case 'reperes-json':
        parsed = parseCollection(text, name);
        break;
      case 'markdown':
        parsed = parseMarkdown(text, name);
        break;
      case 'rss':
      case 'atom':
        parsed = parseFeed(text, name);
        break;
      case 'html':
        parsed = parseHtmlPage(opts.parseHtml(text), name);
        break;
      case null:
        return { ...failure(name, said('unknownFormat', { file: name, formats: SUPPORTED_FORMATS })), encoding };
    }
    const problems = encoding === WINDOWS_1252 ? [{ severity: 'warning' as const, file: name, ...said('notUtf8') }, ...parsed.problems] : parsed.problems;
    return { ...parsed, format: parsed.format ?? format, encoding, problems };
  } catch (e) {
    return failure(name, said('detail', { what: `could not read ${name}`, detail: describeError(e) }));
  }
}
