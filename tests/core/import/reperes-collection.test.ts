import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../core/import/index';
import { parseMarkdown } from '../../../core/import/markdown';
import { toCollectionJson } from '../../../core/import/collection-format';
import { parseCollection } from '../../../core/import/reperes-collection';
import { ROOT } from '../../helpers';
import { articlesArb, comparable, expectSound, expected, mutatedArb, parseHtml, toMarkdown, utf8, uncoded } from './arbitraries';

const opts = { parseHtml };
const EXPORTED = new Date('2021-09-01T12:00:00Z');

describe('Repères collections: toCollectionJson and parseCollection', () => {
  it('round-trips generated articles, summaries and ids included', () => {
    fc.assert(
      fc.property(articlesArb(), fc.boolean(), (articles, withIds) => {
        const input = articles.map((a, i) => ({ ...a, ...(withIds ? { id: `a-${i}` } : {}), title: a.title.replace(/\s+/g, ' ').trim(), summary: a.summary }));
        const json = toCollectionJson('Ma collection', input, EXPORTED);
        const parsed = parseCollection(json, 'c.json');
        expect(parsed.problems).toEqual([]);
        expect(parsed.format).toBe('reperes-json');
        expect(parsed.articles.map(comparable)).toEqual(articles.map((a) => expected(a)));
        expect(parsed.articles.map((a) => a.summary)).toEqual(input.map((a) => a.summary.replace(/\s+/g, ' ').trim()));
        expect(parsed.articles.map((a) => a.id)).toEqual(input.map((a) => a.id));
        // Each article's line is the line of its opening brace.
        const lines = json.split('\n');
        for (const a of parsed.articles) expect(lines[a.origin.line! - 1]).toBe('    {');
      }),
      { numRuns: 80 },
    );
  });

  it('writes pretty JSON with a stable key order', () => {
    const json = toCollectionJson(
      'News',
      [{ body: 'Body.', summary: 'Sum.', source: 'S', lang: 'en', date: '2021-08-15', title: 'T', url: 'https://x.org/' }],
      EXPORTED,
    );
    expect(json).toBe(`{
  "format": "reperes-collection",
  "version": 1,
  "name": "News",
  "exported": "2021-09-01T12:00:00.000Z",
  "articles": [
    {
      "title": "T",
      "date": "2021-08-15",
      "lang": "en",
      "source": "S",
      "url": "https://x.org/",
      "summary": "Sum.",
      "text": "Body."
    }
  ]
}
`);
  });

  it('never throws on damaged collections, and returns only valid articles', async () => {
    await fc.assert(
      fc.asyncProperty(
        articlesArb(3).chain((articles) => mutatedArb(toCollectionJson('C', articles, EXPORTED))),
        async (text) => expectSound(await parseFile('m.json', utf8(text), opts), 'm.json'),
      ),
      { numRuns: 300 },
    );
  });

  it('names the line of a JSON syntax error', () => {
    const json = toCollectionJson('C', [{ title: 'T', date: '2021-08-15', lang: 'en', source: 'S', summary: 'S.', body: 'X.' }], EXPORTED).replace(
      '"lang": "en",',
      '"lang": "en"',
    );
    const parsed = parseCollection(json, 'c.json');
    expect(parsed.articles).toEqual([]);
    expect(uncoded(parsed.problems)).toEqual([{ severity: 'error', file: 'c.json', line: 10, message: 'not valid JSON: CommaExpected' }]);
  });

  it('refuses another format or version, naming the line', () => {
    const other = parseCollection('{\n  "format": "something-else",\n  "version": 1,\n  "name": "x",\n  "articles": []\n}', 'c.json');
    expect(other.problems).toEqual([{ severity: 'error', file: 'c.json', line: 2, field: 'format', message: '"format" should be "reperes-collection"' }]);
    const v2 = parseCollection('{\n  "format": "reperes-collection",\n  "version": 2,\n  "name": "x",\n  "articles": []\n}', 'c.json');
    expect(v2.problems).toEqual([
      { severity: 'error', file: 'c.json', line: 3, field: 'version', message: '"version" should be 1: this Repères reads version 1 collections' },
    ]);
    expect(parseCollection('[1, 2]', 'c.json').problems.map((p) => p.message)).toEqual([
      'expected a Repères collection: a JSON object with "format": "reperes-collection"',
    ]);
  });

  it('checks each article, naming the line of the field at fault, and keeps the good ones', () => {
    const json = `{
  "format": "reperes-collection",
  "version": 1,
  "name": "Test",
  "articles": [
    { "title": "Good", "date": "2021-08-15", "lang": "en", "source": "S", "text": "Fine." },
    {
      "title": "Bad date",
      "date": "2021-02-30",
      "lang": "en",
      "source": "S",
      "text": "x"
    },
    {
      "title": 42,
      "lang": "en",
      "source": "S",
      "text": "x",
      "extra": true
    },
    "not an article",
    { "title": "Unsupported", "date": "2021-08-15", "lang": "de", "source": "S", "text": "x", "mood": "?" }
  ]
}`;
    const parsed = parseCollection(json, 'c.json');
    expect(parsed.articles.map((a) => [a.title, a.origin.line])).toEqual([['Good', 6]]);
    expect(parsed.problems.map((p) => [p.severity, p.line, p.field, p.message])).toEqual([
      ['error', 9, 'date', "article 2: no such day in the calendar: '2021-02-30'"],
      ['error', 15, 'title', 'article 3: "title" should be text'],
      ['error', 14, 'date', 'article 3: "date" is missing'],
      ['error', 21, undefined, 'article 4: expected an article object {…}'],
      ['warning', 22, 'mood', 'article 5: unknown field "mood" ignored'],
      ['error', 22, 'lang', "article 5: language 'de' is not supported (en, fr)"],
    ]);
  });
});

describe('Markdown articles', () => {
  it('reads every article of the project dataset as it is written', () => {
    const dir = join(ROOT, 'data', 'articles');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const source = readFileSync(join(dir, name), 'utf8');
      const parsed = parseMarkdown(source, name);
      expect(parsed.problems).toEqual([]);
      expect(parsed.articles).toHaveLength(1);
      const a = parsed.articles[0]!;
      expect(a.id).toBe(name.replace(/\.md$/, ''));
      expect(source).toContain(`date: ${a.date}`);
      expect(source).toContain(`lang: ${a.lang}`);
      expect(source.trimEnd().endsWith(a.body.slice(-40))).toBe(true);
    }
  });

  it('round-trips generated articles', () => {
    fc.assert(
      fc.property(articlesArb(1, fc.constant(false)), ([a]) => {
        const parsed = parseMarkdown(toMarkdown(a!), 'a.md');
        expect(parsed.problems).toEqual([]);
        expect(parsed.articles.map(comparable)).toEqual([expected(a!)]);
        expect(parsed.articles[0]!.summary).toBe(a!.summary.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 80 },
    );
  });

  it('never throws on damaged articles, and returns only valid ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        articlesArb(1).chain(([a]) => mutatedArb(toMarkdown(a!))),
        async (text) => expectSound(await parseFile('m.md', utf8(text), opts), 'm.md'),
      ),
      { numRuns: 300 },
    );
  });

  it('warns about unknown keys and names the line of a bad field', () => {
    const md = [
      '---',
      'title: Kaboul',
      'date: 15/08/2021',
      'lang: fr',
      'author: Moi',
      'references:',
      '  - https://example.org',
      '---',
      '',
      'Les talibans sont entrés dans Kaboul.',
      '',
    ].join('\n');
    const parsed = parseMarkdown(md, 'a.md');
    expect(parsed.articles).toEqual([]);
    expect(parsed.problems.map((p) => [p.severity, p.line, p.field, p.message])).toEqual([
      ['warning', 5, 'author', 'unknown front matter field "author" ignored'],
      ['error', 3, 'date', "the date '15/08/2021' is ambiguous (day/month or month/day?): write it YYYY-MM-DD"],
    ]);
    const ok = parseMarkdown(md.replace('15/08/2021', '2021-08-15'), 'a.md');
    expect(ok.articles).toMatchObject([{ title: 'Kaboul', date: '2021-08-15', lang: 'fr', source: 'a.md', body: 'Les talibans sont entrés dans Kaboul.' }]);
  });

  it('reports missing front matter and YAML errors with their line', () => {
    expect(parseMarkdown('# Just a title\n\nText.', 'a.md').problems).toMatchObject([
      { severity: 'error', line: 1, message: expect.stringMatching(/front matter/) },
    ]);
    const bad = parseMarkdown('---\ntitle: A\ndate: [2021\n---\nText', 'a.md');
    expect(bad.articles).toEqual([]);
    expect(bad.problems[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/^front matter: /) });
    expect(bad.problems[0]!.line).toBeGreaterThanOrEqual(3);
  });
});
