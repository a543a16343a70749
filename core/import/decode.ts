// Bytes to text: a byte-order mark first (UTF-8, UTF-16), else strict UTF-8,
// else Windows-1252 (what Excel and older tools write in Western Europe; a
// superset of Latin-1 for every printable character). Binary content and
// empty files are refused here, before any parser sees them.

import type { Problem } from './types';
import { said, type Said } from './messages';

export const WINDOWS_1252 = 'windows-1252';

/** How much of the start is inspected for binary content. */
const SNIFF_BYTES = 64 * 1024;

function problem(file: string, message: Said): Problem {
  return { severity: 'error', file, ...message };
}

/** Control characters that never occur in text files (everything below 0x20 but tab, LF, FF, CR, and ESC/SUB, which some tools leave). */
function isBinaryByte(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a && b !== 0x1b;
}

/** UTF-16 without a byte-order mark: in mostly-ASCII text every other byte is zero. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (isBinaryByte(b)) odd++;
  }
  return odd > Math.max(8, n * 0.01);
}

function textLooksBinary(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (isBinaryByte(c)) odd++;
  }
  return odd > Math.max(8, n * 0.01);
}

// Windows-1252's characters at 0x80–0x9F (undefined bytes stay as they are).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWith(encoding: string, bytes: Uint8Array, fatal: boolean): string {
  // ignoreBOM: false (the default) strips a BOM that matches the encoding.
  const text = new TextDecoder(encoding, { fatal }).decode(bytes);
  // Some runtimes (Node before 22) decode windows-1252 as ISO-8859-1: map the C1 range as the standard says.
  return encoding === WINDOWS_1252 ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c) : text;
}

/**
 * Reads a file's bytes as text. Returns the text and the encoding used
 * ('utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'), or an error problem
 * for an empty or binary file. Never throws.
 */
export function decodeBytes(bytes: Uint8Array, file: string): { text: string; encoding: string } | Problem {
  try {
    if (bytes.length === 0) return problem(file, said('emptyFile'));
    let encoding: string | null = null;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
    else encoding = sniffUtf16(bytes);

    let text: string;
    if (encoding) {
      // A BOM or a UTF-16 pattern: decode leniently (a stray bad sequence becomes U+FFFD).
      text = decodeWith(encoding, bytes, false);
      if (textLooksBinary(text)) return problem(file, said('binaryFile'));
    } else {
      if (looksBinary(bytes)) return problem(file, said('binaryFile'));
      try {
        text = decodeWith('utf-8', bytes, true);
        encoding = 'utf-8';
      } catch {
        text = decodeWith(WINDOWS_1252, bytes, false);
        encoding = WINDOWS_1252;
      }
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return problem(file, said('emptyFile'));
    return { text, encoding };
  } catch (e) {
    return problem(file, said('detail', { what: 'could not read the file as text', detail: e instanceof Error ? e.message : String(e) }));
  }
}
