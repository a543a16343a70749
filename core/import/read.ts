// From a file's name and bytes to what its format's parser makes of it:
// checks the size, decodes, detects the format, loads that parser and runs
// it. Never rejects: every failure is an error problem.

import { decodeBytes, WINDOWS_1252 } from './decode';
import { detectFormat, extensionOf } from './detect';
import { supportedFormats, type ParseOptions, type Parser } from './formats';
import { describeError, said, tooBigMessage, type Said } from './messages';
import { MAX_FILE_BYTES, type ImportFormat, type Parsed, type Problem } from './types';

export type ReadOptions = Pick<ParseOptions, 'parseHtml'>;

/** The parser of a format, loaded on first use; null when this context does not read that format. */
export type ParserLoader = (format: ImportFormat) => Promise<Parser | null>;

function failure(file: string, message: Said, format: ImportFormat | null = null): Parsed {
  const problem: Problem = { severity: 'error', file, ...message };
  return { format, articles: [], problems: [problem] };
}

export async function readFile(name: string, bytes: Uint8Array, load: ParserLoader, opts: ReadOptions): Promise<Parsed> {
  try {
    if (bytes.length > MAX_FILE_BYTES) {
      return failure(name, tooBigMessage(name, bytes.length));
    }
    const decoded = decodeBytes(bytes, name);
    if ('severity' in decoded) return { format: null, articles: [], problems: [decoded] };
    const { text, encoding } = decoded;
    const format = detectFormat(name, text.slice(0, 8192));
    if (format === null)
      return { ...failure(name, said('unknownFormat', { file: name, formats: supportedFormats('en'), formatsFr: supportedFormats('fr') })), encoding };
    const parse = await load(format);
    if (!parse) return { ...failure(name, said('detail', { what: `could not read ${name}`, detail: `${format} is not read here` }), format), encoding };
    const parsed = parse(text, name, { ...opts, extension: extensionOf(name) });
    const problems = encoding === WINDOWS_1252 ? [{ severity: 'warning' as const, file: name, ...said('notUtf8') }, ...parsed.problems] : parsed.problems;
    return { ...parsed, format: parsed.format ?? format, encoding, problems };
  } catch (e) {
    return failure(name, said('detail', { what: `could not read ${name}`, detail: describeError(e) }));
  }
}
