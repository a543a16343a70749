import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../core/import/csv';
import { parseFile } from '../../../core/import/index';
import type { Parsed } from '../../../core/import/types';
import { articlesArb, comparable, expectSound, expected, mutatedArb, parseHtml, toCsv, utf8, uncoded } from './arbitraries';

const opts = { parseHtml };
const errors = (p: Parsed) => p.problems.filter((x) => x.severity === 'error');

// No delimiter inside, so they can go into a row unquoted.
const EN = 'The Taliban entered Kabul on Sunday and the president fled the country as officials said.';
const FR = 'Les talibans sont entrés dans Kaboul dimanche et le président a fui le pays selon des responsables.';

describe('parseCsv: round trips', () => {
  it.each([',', ';', '\t', '|'])('gives back generated articles written with the delimiter %j', (delimiter) => {
    fc.assert(
      fc.property(articlesArb(), (articles) => {
        const parsed = parseCsv(toCsv(articles, delimiter), 'a.csv');
        expect(parsed.problems).toEqual([]);
        expect(parsed.format).toBe('csv');
        expect(parsed.articles.map(comparable)).toEqual(articles.map((a) => expected(a)));
        expect(parsed.articles.map((a) => a.summary)).toEqual(articles.map((a) => a.summary.replace(/\s+/g, ' ').trim()));
        // Spreadsheet rows: the header is row 1, whatever the line breaks inside quoted fields.
        expect(parsed.articles.map((a) => a.origin.row)).toEqual(articles.map((_, i) => i + 2));
      }),
      { numRuns: 60 },
    );
  });
});

describe('parseCsv: damaged files', () => {
  it('never throws, returns only valid articles, and an error whenever there is no article', async () => {
    await fc.assert(
      fc.asyncProperty(
        articlesArb(4)
          .chain((articles) => fc.tuple(fc.constantFrom(',', ';', '\t'), fc.constant(articles)))
          .chain(([d, articles]) => mutatedArb(toCsv(articles, d))),
        async (text) => {
          const parsed = await parseFile('m.csv', utf8(text), opts);
          expectSound(parsed, 'm.csv');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseCsv: specific cases', () => {
  it('names a missing required column on row 1 and lists the columns found', () => {
    const parsed = parseCsv(`Headline,Lang,Body\nHello,en,${EN}\n`, 'a.csv');
    expect(parsed.articles).toEqual([]);
    expect(errors(parsed)).toHaveLength(1);
    expect(errors(parsed)[0]).toMatchObject({ row: 1, severity: 'error', field: 'date' });
    expect(errors(parsed)[0]!.message).toMatch(/missing column: date/);
    expect(errors(parsed)[0]!.message).toContain("'Headline', 'Lang', 'Body'");
    const two = parseCsv(`title,lang\nHello,en\n`, 'a.csv');
    expect(errors(two)[0]!.message).toMatch(/missing columns: date, text/);
  });

  it('reads header synonyms in any case, trimmed, in French or English', () => {
    const parsed = parseCsv(` Titre ;Published_At;LANGUE;Outlet;Lien;Texte\nKaboul tombe;2021-08-15;fr;Le Monde;https://www.lemonde.fr/a;${FR}\n`, 'a.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]).toMatchObject({
      title: 'Kaboul tombe',
      date: '2021-08-15',
      lang: 'fr',
      source: 'Le Monde',
      url: 'https://www.lemonde.fr/a',
      body: FR,
    });
  });

  it('warns about ignored and doubled columns', () => {
    const parsed = parseCsv(`title,date,text,body,author\nA,2021-08-15,${EN},other,me\n`, 'a.csv');
    expect(parsed.articles[0]!.body).toBe(EN);
    const warnings = parsed.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
    expect(warnings).toContain("columns 'text' and 'body' both give the text: 'body' is ignored");
    expect(warnings.some((m) => m.includes("'author'"))).toBe(true);
  });

  it('reads semicolon and tab delimited files', async () => {
    const semi = parseCsv(`titre;date;langue;texte\n"Un; deux";15 août 2021;fr;"Il a dit: ""oui""; puis non."\n`, 'a.csv');
    expect(semi.articles.map((a) => [a.title, a.date, a.body])).toEqual([['Un; deux', '2021-08-15', 'Il a dit: "oui"; puis non.']]);
    const tab = await parseFile('a.tsv', utf8(`title\tdate\tlang\ttext\nA, b\tAugust 15, 2021\ten\tOne, two; three\n`), opts);
    expect(tab.articles.map((a) => [a.title, a.date, a.body])).toEqual([['A, b', '2021-08-15', 'One, two; three']]);
  });

  it('reports a row error after a quoted multi-line field at the spreadsheet row, not the line', () => {
    const text = [
      'title,date,lang,text',
      `First,2021-08-15,en,"${EN}\n\nSecond paragraph,\nthird line."`,
      'Second,2021-02-30,en,Body text here.',
      'Third,2021-08-16,en,Fine.',
    ].join('\n');
    const parsed = parseCsv(text, 'a.csv');
    expect(parsed.articles.map((a) => [a.title, a.origin.row])).toEqual([
      ['First', 2],
      ['Third', 4],
    ]);
    expect(parsed.articles[0]!.body).toBe(`${EN}\n\nSecond paragraph,\nthird line.`);
    expect(uncoded(errors(parsed))).toEqual([
      { severity: 'error', file: 'a.csv', row: 3, field: 'date', message: "no such day in the calendar: '2021-02-30'" },
    ]);
  });

  it('counts blank rows as rows, as a spreadsheet does', () => {
    const parsed = parseCsv(`title,date,lang,text\n\nA,2021-08-15,en,x\n,,,\nB,2021-08-15,en,`, 'a.csv');
    expect(parsed.articles.map((a) => a.origin.row)).toEqual([3]);
    expect(errors(parsed)).toMatchObject([{ row: 5, field: 'text', message: 'the text is missing' }]);
  });

  it('reports a wrong field count and an unclosed quote on their row', () => {
    const parsed = parseCsv(
      `title,date,lang,text\nA,2021-08-15,en,x,extra\nB,2021-08-15,en\nC,2021-08-15,en,fine,\nD,2021-08-15,en,"never closed\nE,2021-08-15,en,lost`,
      'a.csv',
    );
    expect(parsed.articles.map((a) => a.title)).toEqual(['C']);
    expect(errors(parsed).map((p) => [p.row, p.message])).toEqual([
      [2, 'this row has 5 fields, the header has 4: a delimiter or a quote is probably missing or extra'],
      [3, 'this row has 3 fields, the header has 4: a delimiter or a quote is probably missing or extra'],
      [5, 'a quoted field is never closed: the rest of the file was read into this row'],
    ]);
  });

  it('applies the shared field rule: required fields, language, url, source', () => {
    const rows = [
      'title,date,lang,source,url,text',
      `,2021-08-15,en,S,,${EN}`, // 2: no title
      `B,03/04/2021,en,S,,${EN}`, // 3: ambiguous date
      `C,2021-08-15,de,S,,${EN}`, // 4: unsupported language
      `D,2021-08-15,,S,,${FR}`, // 5: guessed fr
      `E,2021-08-15,,S,,Kaboul 2021`, // 6: no language, cannot guess
      `F,2021-08-15,en,,https://www.example.com/f,${EN}`, // 7: source from the url host
      `G,2021-08-15,en,,ftp://example.com/g,${EN}`, // 8: url dropped, source = file name
    ];
    const parsed = parseCsv(rows.join('\n'), 'news.csv');
    expect(parsed.articles.map((a) => [a.title, a.lang, a.source, a.url])).toEqual([
      ['D', 'fr', 'S', undefined],
      ['F', 'en', 'example.com', 'https://www.example.com/f'],
      ['G', 'en', 'news.csv', undefined],
    ]);
    expect(parsed.problems.map((p) => [p.severity, p.row, p.field, p.message])).toEqual([
      ['error', 2, 'title', 'the title is missing'],
      ['error', 3, 'date', "the date '03/04/2021' is ambiguous (day/month or month/day?): write it YYYY-MM-DD"],
      ['error', 4, 'lang', "language 'de' is not supported (en, fr)"],
      ['warning', 5, 'lang', 'language not given; guessed fr'],
      ['error', 6, 'lang', 'language not given, and the text does not make it clear: give it (en or fr)'],
      ['warning', 8, 'url', "'ftp://example.com/g' is not an http(s) address: the url is dropped"],
    ]);
  });

  it('keeps a duplicate once, naming the row it repeats', () => {
    const parsed = parseCsv(
      [
        'title,date,lang,url,text',
        'A,2021-08-15,en,https://x.org/1,one',
        'B,2021-08-15,en,https://x.org/1,two',
        'a,15 August 2021,en,,three',
        'A,2021-08-16,en,,four',
      ].join('\n'),
      'a.csv',
    );
    expect(parsed.articles.map((a) => a.body)).toEqual(['one', 'four']);
    expect(parsed.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'repeats row 2 (same url): kept once'],
      [4, 'repeats row 2 (same title and date): kept once'],
    ]);
  });

  it('derives a summary when the file has none', () => {
    const parsed = parseCsv(`title,date,lang,text\nA,2021-08-15,en,"First sentence here. Second one. Third one."`, 'a.csv');
    expect(parsed.articles[0]!.summary).toBe('First sentence here. Second one.');
  });

  it('reads a French CSV saved as Latin-1, with a warning', async () => {
    const csv = 'titre;date;langue;texte\r\nÉté à Kaboul;15 août 2021;fr;Les talibans sont entrés à Kaboul — « déjà » ?\r\n';
    const bytes = Uint8Array.from([...csv].map((c) => (c === '—' ? 0x97 : c === '«' ? 0xab : c === '»' ? 0xbb : c.charCodeAt(0))));
    expect(bytes.every((b) => b < 256)).toBe(true);
    const parsed = await parseFile('latin1.csv', bytes, opts);
    expect(parsed.encoding).toBe('windows-1252');
    expect(uncoded(parsed.problems)).toEqual([{ severity: 'warning', file: 'latin1.csv', message: 'not UTF-8: read as Windows-1252 (Western European)' }]);
    expect(parsed.articles.map((a) => [a.title, a.date, a.body])).toEqual([['Été à Kaboul', '2021-08-15', 'Les talibans sont entrés à Kaboul — « déjà » ?']]);
  });

  it('refuses more than 20,000 rows with one error naming the first row beyond (row 20,002)', () => {
    const lines = ['title,date,lang,text'];
    for (let i = 0; i < 100_000; i++) lines.push(`Title ${i},2021-08-15,en,Text ${i}`);
    const parsed = parseCsv(lines.join('\n'), 'big.csv');
    expect(parsed.articles).toEqual([]);
    expect(uncoded(parsed.problems)).toEqual([
      { severity: 'error', file: 'big.csv', row: 20_002, message: 'more than 20,000 articles: row 20,002 is beyond the limit; split the file' },
    ]);
  });

  it('accepts exactly 20,000 rows', () => {
    const lines = ['title,date,lang,text'];
    for (let i = 0; i < 20_000; i++) lines.push(`Title ${i},2021-08-15,en,Text ${i}`);
    const parsed = parseCsv(lines.join('\n') + '\n', 'big.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles).toHaveLength(20_000);
  });

  it('says so when there is a header and no rows', () => {
    const parsed = parseCsv('title,date,lang,text\n', 'a.csv');
    expect(uncoded(parsed.problems)).toEqual([{ severity: 'error', file: 'a.csv', message: 'no articles found in this file' }]);
  });
});

describe('parseCsv: many problems', () => {
  it('lists the first 1,000 problems and counts the rest', () => {
    const lines = ['title,date,lang,text'];
    for (let i = 0; i < 1500; i++) lines.push(`T${i},15/08/2021,en,x`);
    lines.push('Good,2021-08-15,en,x');
    const parsed = parseCsv(lines.join('\n'), 'a.csv');
    expect(parsed.articles.map((a) => a.title)).toEqual(['Good']);
    expect(parsed.problems).toHaveLength(1001);
    expect(parsed.problems[999]).toMatchObject({ row: 1001, field: 'date' });
    expect(uncoded([parsed.problems[1000]!])[0]).toEqual({ severity: 'error', file: 'a.csv', message: 'and 500 more errors not listed' });
  });

  it('still names the row beyond the article limit after many problems', () => {
    const lines = ['title,date,lang,text'];
    for (let i = 0; i < 20_001; i++) lines.push(`T${i},${i < 2000 ? 'bad' : '2021-08-15'},en,x`);
    const parsed = parseCsv(lines.join('\n'), 'a.csv');
    expect(parsed.articles).toEqual([]);
    expect(uncoded(parsed.problems.filter((p) => p.message.startsWith('more than')))).toEqual([
      { severity: 'error', file: 'a.csv', row: 20_002, message: 'more than 20,000 articles: row 20,002 is beyond the limit; split the file' },
    ]);
  });

  it('uses the delimiter the header shows, even in a .tsv file written with commas', async () => {
    const parsed = await parseFile('a.tsv', utf8('title,date,lang,text\nA,2021-08-15,en,x\n'), opts);
    expect(parsed.articles.map((a) => a.title)).toEqual(['A']);
  });
});
