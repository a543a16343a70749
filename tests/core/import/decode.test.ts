import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../core/import/decode';
import type { Problem } from '../../../core/import/types';

const text = 'titre;date\nÉté à Kaboul — « août » 😀;2021-08-15\n';

function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let i = 0;
  if (bom) {
    out[i++] = littleEndian ? 0xff : 0xfe;
    out[i++] = littleEndian ? 0xfe : 0xff;
  }
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    out[i++] = littleEndian ? c & 0xff : c >> 8;
    out[i++] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}

/** Windows-1252 bytes of a string made of Latin-1 characters. */
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

const isProblem = (r: ReturnType<typeof decodeBytes>): r is Problem => 'severity' in r;

describe('decodeBytes', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeBytes(new TextEncoder().encode(text), 'a.csv')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'a.csv')).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    expect(decodeBytes(utf16(text, true, true), 'a.csv')).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(text, false, true), 'a.csv')).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeBytes(utf16('title,date,text\nhello,2021-08-15,world\n', true, false), 'a.csv')).toEqual({
      text: 'title,date,text\nhello,2021-08-15,world\n',
      encoding: 'utf-16le',
    });
  });

  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    const r = decodeBytes(latin1('titre;date\nÉté à Kaboul, août;2021\n'), 'a.csv');
    expect(r).toEqual({ text: 'titre;date\nÉté à Kaboul, août;2021\n', encoding: 'windows-1252' });
    // Windows-1252 beyond Latin-1: the euro sign and curly quotes.
    expect(decodeBytes(Uint8Array.from([0x80, 0x20, 0x93, 0x61, 0x94]), 'a.csv')).toEqual({ text: '€ “a”', encoding: 'windows-1252' });
  });

  it('refuses an empty file', () => {
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode(' \n\t\r\n '), Uint8Array.from([0xef, 0xbb, 0xbf]), Uint8Array.from([0xff, 0xfe])]) {
      const r = decodeBytes(bytes, 'e.csv');
      expect(isProblem(r) && r.message).toBe('the file is empty');
      expect(isProblem(r) && r.severity).toBe('error');
    }
  });

  it('refuses binary content', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0x21, 0, 0xb3, 0x2a]);
    for (const bytes of [png, zip, new TextEncoder().encode('title,date\u0000,text')]) {
      const r = decodeBytes(bytes, 'x.csv');
      expect(isProblem(r) && r.message).toBe('looks like a binary file, not text');
    }
  });
});
