// Which format a file is in, from its name and first characters: light
// enough for any page to ask before loading a parser.

import { COLLECTION_FORMAT } from './collection-format';
import { FORMAT_OF_EXTENSION } from './formats';
import type { ImportFormat } from './types';

/** A file name's extension, lower case, without the dot. */
export const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase() ?? '';

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
  const byExtension = FORMAT_OF_EXTENSION.get(extension);
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
