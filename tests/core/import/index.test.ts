import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../core/import/detect';
import { parseFile } from '../../../core/import/index';
import { problemText } from '../../../core/import/messages';
import { toCollectionJson } from '../../../core/import/collection-format';
import { expectSound, parseHtml, toAtom, toCsv, toJsonl, toMarkdown, toRss, utf8, type GenArticle, uncoded } from './arbitraries';

const opts = { parseHtml };
const A: GenArticle = {
  title: 'Kabul, « août »',
  date: '2021-08-15',
  lang: 'fr',
  source: 'Le Monde',
  summary: 'Résumé.',
  body: 'Les talibans sont entrés dans Kaboul.',
  url: 'https://x.org/1',
};

describe('detectFormat', () => {
  it.each([
    ['a.csv', 'x', 'csv'],
    ['a.TSV', 'x', 'csv'],
    ['a.jsonl', '', 'jsonl'],
    ['a.ndjson', '', 'jsonl'],
    ['a.json', '{\n  "format": "reperes-collection"', 'reperes-json'],
    ['a.json', '{"title": "a"}\n{"title": "b"}', 'jsonl'],
    ['a.md', '---', 'markdown'],
    ['a.html', '', 'html'],
    ['a.htm', '', 'html'],
    ['a.rss', '<?xml version="1.0"?><rss>', 'rss'],
    ['a.rss', '<feed xmlns="http://www.w3.org/2005/Atom">', 'atom'],
    ['a.atom', '', 'atom'],
    ['a.xml', '<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', 'rss'],
    ['a.xml', '\uFEFF<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', 'atom'],
    ['a.xml', '<?xml version="1.0"?><rdf:RDF>', 'rss'],
    ['a.xml', '<note/>', null],
    ['feed', '<rss version="2.0">', 'rss'],
    ['page.txt', '<!DOCTYPE html><html>', 'html'],
    ['page', '  <html lang="fr">', 'html'],
    ['export.txt', '{"format":"reperes-collection","version":1}', 'reperes-json'],
    ['lines.txt', '{"title":"a","date":"2021-08-15"}\n{"title":"b"}', 'jsonl'],
    ['article.txt', '---\ntitle: x\n---\n', 'markdown'],
    ['data.txt', 'Titre;Date;Texte\n', 'csv'],
    ['data', 'headline\tdate\ttext', 'csv'],
    ['notes.txt', 'Just some notes, nothing else', null],
    ['image.png', '\u0089PNG', null],
  ] as const)('%s starting %j → %s', (name, head, format) => {
    expect(detectFormat(name, head)).toBe(format);
  });
});

describe('parseFile', () => {
  it('dispatches every format from bytes, with the encoding', async () => {
    const files: [string, string][] = [
      ['a.csv', toCsv([A], ';')],
      ['a.jsonl', toJsonl([A])],
      ['a.json', toCollectionJson('C', [A])],
      ['a.md', toMarkdown({ ...A, url: undefined })],
      ['a.xml', toRss([A], 'Le Monde')],
      ['a.atom', toAtom([A], 'Le Monde')],
    ];
    for (const [name, text] of files) {
      const parsed = await parseFile(name, utf8(text), opts);
      expect(parsed.problems, name).toEqual([]);
      expect(parsed.encoding).toBe('utf-8');
      expect(
        parsed.articles.map((a) => [a.title, a.date, a.lang, a.source, a.body]),
        name,
      ).toEqual([[A.title, A.date, A.lang, A.source, A.body]]);
    }
    expect((await parseFile('a.xml', utf8(toRss([A], 'x')), opts)).format).toBe('rss');
    expect((await parseFile('a.xml', utf8(toAtom([A], 'x')), opts)).format).toBe('atom');
  });

  it('reads UTF-16 with a BOM', async () => {
    const text = toCsv([A]);
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const parsed = await parseFile('utf16.csv', bytes, opts);
    expect(parsed.encoding).toBe('utf-16le');
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles.map((a) => a.title)).toEqual([A.title]);
  });

  it('refuses a 50 MB file from its size, without reading it', async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024); // all zeros: decoding it would say "binary", so the message shows it was not read
    const parsed = await parseFile('file.csv', bytes, opts);
    expect({ ...parsed, problems: uncoded(parsed.problems) }).toEqual({
      format: null,
      articles: [],
      problems: [{ severity: 'error', file: 'file.csv', message: 'file.csv is 50.0 MB; the limit is 30.0 MB per file: split it' }],
    });
  });

  it('refuses empty and binary files, and unknown formats listing the supported ones', async () => {
    expect(uncoded((await parseFile('e.csv', new Uint8Array(0), opts)).problems)).toEqual([{ severity: 'error', file: 'e.csv', message: 'the file is empty' }]);
    expect(uncoded((await parseFile('b.csv', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 1]), opts)).problems)).toEqual([
      { severity: 'error', file: 'b.csv', message: 'looks like a binary file, not text' },
    ]);
    const unknown = await parseFile('notes.txt', utf8('Some notes'), opts);
    expect(unknown.articles).toEqual([]);
    expect(unknown.problems).toHaveLength(1);
    expect(unknown.problems[0]!.message).toMatch(
      /^cannot tell the format of notes\.txt: Repères reads CSV.*JSON Lines.*collection.*Markdown.*RSS or Atom.*web pages/,
    );
    expect(problemText(unknown.problems[0]!, 'fr')).toMatch(
      /^impossible de reconnaître le format de notes\.txt : Repères lit CSV ou TSV \(\.csv, .*des flux RSS ou Atom \(\.rss, \.atom, \.xml\) et des pages web \(\.html/,
    );
  });

  it('turns an exception from the HTML parser into an error', async () => {
    const parsed = await parseFile('p.html', utf8('<html><body><p>x</p></body></html>'), {
      parseHtml: () => {
        throw new Error('no DOM here');
      },
    });
    expect(parsed.articles).toEqual([]);
    expect(uncoded(parsed.problems)).toEqual([{ severity: 'error', file: 'p.html', message: 'could not read p.html: no DOM here' }]);
  });

  it('never throws on arbitrary bytes or text, whatever the file name', async () => {
    const names = fc.constantFrom('x.csv', 'x.tsv', 'x.jsonl', 'x.json', 'x.md', 'x.xml', 'x.rss', 'x.atom', 'x.html', 'x.txt', 'x');
    await fc.assert(
      fc.asyncProperty(names, fc.uint8Array({ maxLength: 300 }), async (name, bytes) => expectSound(await parseFile(name, bytes, opts), name)),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(names, fc.string({ unit: 'grapheme', maxLength: 200 }), async (name, text) =>
        expectSound(await parseFile(name, utf8(text), opts), name),
      ),
      { numRuns: 300 },
    );
  });
});
