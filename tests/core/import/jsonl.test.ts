import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../core/import/index';
import { parseJsonl } from '../../../core/import/jsonl';
import { articlesArb, comparable, expectSound, expected, mutatedArb, parseHtml, toJsonl, utf8, uncoded } from './arbitraries';

const opts = { parseHtml };

describe('parseJsonl', () => {
  it('gives back generated articles', () => {
    fc.assert(
      fc.property(articlesArb(), (articles) => {
        const parsed = parseJsonl(toJsonl(articles), 'a.jsonl');
        expect(parsed.problems).toEqual([]);
        expect(parsed.format).toBe('jsonl');
        expect(parsed.articles.map(comparable)).toEqual(articles.map((a) => expected(a)));
        expect(parsed.articles.map((a) => a.origin.line)).toEqual(articles.map((_, i) => i + 1));
      }),
      { numRuns: 80 },
    );
  });

  it('never throws on damaged files, and returns only valid articles', async () => {
    await fc.assert(
      fc.asyncProperty(
        articlesArb(4).chain((articles) => mutatedArb(toJsonl(articles))),
        async (text) => expectSound(await parseFile('m.jsonl', utf8(text), opts), 'm.jsonl'),
      ),
      { numRuns: 300 },
    );
  });

  it('reports malformed JSON and non-objects with their line, and skips blank lines', () => {
    const text = [
      '{"title": "A", "date": "2021-08-15", "lang": "en", "text": "One."}',
      '',
      '{"title": "B", "date": "2021-08-15", "lang": "en", "text": "Two."',
      '["not", "an", "object"]',
      '  ',
      '{"Headline": "C", "published_at": "2021-08-15T10:00:00Z", "LANGUAGE": "French", "Body": "Trois.", "views": 3, "outlet": "Libé"}',
      '"text"',
      '{"title": "D", "date": 20210815, "lang": "en", "text": "Four."}',
      '{"title": ["E"], "date": "2021-08-15", "lang": "en", "text": "Five."}',
    ].join('\r\n');
    const parsed = parseJsonl(text, 'a.jsonl');
    expect(parsed.articles.map((a) => [a.title, a.lang, a.source, a.origin.line])).toEqual([
      ['A', 'en', 'a.jsonl', 1],
      ['C', 'fr', 'Libé', 6],
    ]);
    expect(parsed.problems.map((p) => [p.severity, p.line, p.field, p.message.replace(/:.*/, ':…')])).toEqual([
      ['error', 3, undefined, 'not valid JSON:…'],
      ['error', 4, undefined, 'expected one JSON object {…} per line, found a list'],
      ['warning', 6, 'views', "field 'views' is not an article field:…"],
      ['error', 7, undefined, 'expected one JSON object {…} per line, found a string'],
      ['error', 8, 'date', "'20210815' is not a date this importer reads:…"],
      ['error', 9, 'title', 'title should be text, not a list'],
    ]);
  });

  it('keeps a duplicate once, naming the line it repeats', () => {
    const line = (title: string, url: string) => JSON.stringify({ title, date: '2021-08-15', lang: 'en', url, text: 'x' });
    const parsed = parseJsonl([line('A', 'https://a.org/1'), line('B', 'https://a.org/2'), line('C', 'https://a.org/1')].join('\n'), 'a.jsonl');
    expect(parsed.articles.map((a) => a.title)).toEqual(['A', 'B']);
    expect(uncoded(parsed.problems)).toEqual([{ severity: 'warning', file: 'a.jsonl', line: 3, message: 'repeats line 1 (same url): kept once' }]);
  });

  it('refuses more than 20,000 lines, naming the first line beyond', () => {
    const lines = Array.from({ length: 20_010 }, (_, i) => JSON.stringify({ title: `T${i}`, date: '2021-08-15', lang: 'en', text: 'x' }));
    lines.splice(10, 0, ''); // a blank line is not an article, but it is a line
    const parsed = parseJsonl(lines.join('\n'), 'big.jsonl');
    expect(parsed.articles).toEqual([]);
    expect(uncoded(parsed.problems)).toEqual([
      { severity: 'error', file: 'big.jsonl', line: 20_002, message: 'more than 20,000 articles: line 20,002 is beyond the limit; split the file' },
    ]);
  });
});
