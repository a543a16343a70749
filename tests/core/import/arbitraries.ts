// Shared by the import tests: generated articles, small serialisers for each
// format (written independently of the parsers), mutations, and the
// invariants every parse result must hold.
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { expect } from 'vitest';
import { cleanLine, cleanText } from '../../../core/import/fields';
import type { DraftArticle, Parsed } from '../../../core/import/types';
import type { Lang } from '../../../core/model';
import { isoDate } from '../../../core/schema';

/** A generated article: what a parser should give back, without where it came from. */
export type GenArticle = Omit<DraftArticle, 'origin' | 'id'>;

// Words that stress every format: delimiters, quotes, markup characters, accents, emoji.
const TRICKY = [
  ',',
  ';',
  '"',
  "'",
  '&',
  '<',
  '>',
  '|',
  '«',
  '»',
  '’',
  '…',
  '😀',
  '🇫🇷',
  'é',
  'ç',
  'Œ',
  '&amp;',
  '<b>',
  '"quoted"',
  'a,b',
  'x;y',
  '\\',
  '{',
  '}',
  '[',
  ']',
  '#',
  '---',
  '%',
];
const LETTERS = 'abcdefghijklmnopqrstuvwxyzéèàçôœABCDEFGHIJKLMNOPQRSTUVWXYZÉ0123456789';

const plainWord = fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 9 });
const word = fc.oneof(
  { weight: 4, arbitrary: plainWord },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 1, arbitrary: fc.tuple(plainWord, fc.constantFrom(...TRICKY), plainWord).map((p) => p.join('')) },
);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

/** A title: one line of words (at least one plain word, so it is never empty after cleaning). */
export const titleArb = fc.tuple(plainWord, words(0, 8)).map(([a, b]) => `${a} ${b}`.trim());
/** A text: paragraphs of lines of words. */
export const textArb = fc
  .array(
    fc
      .array(
        fc.tuple(plainWord, words(0, 12)).map(([a, b]) => `${a} ${b}`.trim()),
        { minLength: 1, maxLength: 3 },
      )
      .map((lines) => lines.join('\n')),
    { minLength: 1, maxLength: 3 },
  )
  .map((paragraphs) => paragraphs.join('\n\n'));

export const dateArb = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const articleArb = (withUrl: fc.Arbitrary<boolean> = fc.boolean()): fc.Arbitrary<GenArticle> =>
  fc
    .record({
      title: titleArb,
      date: dateArb,
      lang: fc.constantFrom<Lang>('en', 'fr'),
      source: fc.tuple(plainWord, words(0, 3)).map(([a, b]) => `${a} ${b}`.trim()),
      hasUrl: withUrl,
      n: fc.nat(),
      summary: fc.tuple(plainWord, words(0, 10)).map(([a, b]) => `${a} ${b}`.trim()),
      body: textArb,
    })
    .map(({ hasUrl, n, ...a }) => ({ ...a, ...(hasUrl ? { url: `https://example.org/news/${n}?id=${n}&lang=${a.lang}` } : {}) }));

/** Articles a file may hold together: distinct by title + date and by url, so none is a duplicate. */
export const articlesArb = (max = 6, withUrl?: fc.Arbitrary<boolean>) =>
  fc
    .uniqueArray(articleArb(withUrl), { minLength: 1, maxLength: max, selector: (a) => `${cleanLine(a.title).toLowerCase()}\u0000${a.date}` })
    .map((list) => list.filter((a, i) => !a.url || list.findIndex((b) => b.url === a.url) === i));

/** What a parser must give back for a generated article. */
export function expected(a: GenArticle, source = a.source) {
  return { title: cleanLine(a.title), date: a.date, lang: a.lang, source: cleanLine(source), url: a.url, body: cleanText(a.body) };
}

export function comparable(d: DraftArticle) {
  return { title: d.title, date: d.date, lang: d.lang, source: d.source, url: d.url, body: d.body };
}

// ---------------------------------------------------------------------------
// Serialisers

export function csvField(s: string, delimiter: string): string {
  return /["\r\n]/.test(s) || s.includes(delimiter) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(articles: GenArticle[], delimiter = ',', header = ['title', 'date', 'lang', 'source', 'url', 'summary', 'text']): string {
  // The file's "text" column holds the article's body.
  const keys = ['title', 'date', 'lang', 'source', 'url', 'summary', 'body'] as const;
  const rows = articles.map((a) => keys.map((k) => csvField(a[k] ?? '', delimiter)).join(delimiter));
  return [header.join(delimiter), ...rows].join('\r\n') + '\r\n';
}

export function toJsonl(articles: GenArticle[]): string {
  return articles.map(({ body, ...a }) => JSON.stringify({ ...a, text: body })).join('\n') + '\n';
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const html = xml;
/** Text as HTML paragraphs, lines broken with <br>. */
export const textHtml = (text: string) =>
  text
    .split('\n\n')
    .map((p) => `<p>${p.split('\n').map(html).join('<br>\n')}</p>`)
    .join('\n');

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** RFC 2822 with a time late in the day and an eastern zone: the date must be read as written, not shifted to UTC. */
export function rfc2822(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${DAYS[d.getUTCDay()]}, ${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 23:30:00 -0430`;
}

export function toRss(articles: GenArticle[], channelTitle: string, cdata = false): string {
  const items = articles.map((a) => {
    const body = textHtml(a.body);
    const description = cdata && !body.includes(']]>') ? `<![CDATA[${body}]]>` : xml(body);
    return [
      '    <item>',
      `      <title>${xml(html(a.title))}</title>`,
      a.url ? `      <link>${xml(a.url)}</link>` : '',
      `      <pubDate>${rfc2822(a.date)}</pubDate>`,
      `      <dc:language>${a.lang}</dc:language>`,
      `      <description>${description}</description>`,
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xml(html(channelTitle))}</title>
    <link>https://example.org/</link>
    <description>Test feed</description>
${items.join('\n')}
  </channel>
</rss>
`;
}

export function toAtom(articles: GenArticle[], feedTitle: string): string {
  const entries = articles.map((a, i) =>
    [
      `  <entry xml:lang="${a.lang}">`,
      `    <title type="text">${xml(a.title)}</title>`,
      a.url ? `    <link rel="alternate" type="text/html" href="${xml(a.url)}"/>` : '',
      `    <link rel="related" href="https://example.net/related/${i}"/>`,
      `    <id>urn:test:${i}</id>`,
      `    <published>${a.date}T23:30:00+04:30</published>`,
      `    <updated>2031-01-01T00:00:00Z</updated>`,
      `    <content type="html">${xml(textHtml(a.body))}</content>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xml(feedTitle)}</title>
  <id>urn:test:feed</id>
  <updated>2031-01-01T00:00:00Z</updated>
${entries.join('\n')}
</feed>
`;
}

export function toMarkdown(a: GenArticle): string {
  const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
  return ['---', `title: ${q(a.title)}`, `date: ${a.date}`, `lang: ${a.lang}`, `source: ${q(a.source)}`, `summary: ${q(a.summary)}`, '---', a.body, ''].join(
    '\n',
  );
}

// ---------------------------------------------------------------------------
// Mutations and invariants

/** A damaged copy of a text: truncated, characters deleted, duplicated, flipped or inserted. */
export const mutatedArb = (source: string) =>
  fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
        fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
        fc.record({
          kind: fc.constant('insert' as const),
          at: fc.nat(),
          text: fc.constantFrom('"', "'", ',', ';', '\t', '|', '<', '>', '&', '\n', '\r\n', '{', '}', ']]>', '<!--', '</item>', '---', '\u0000', 'é', '😀'),
        }),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((ops) => {
      let s = source;
      for (const op of ops) {
        const at = s.length === 0 ? 0 : op.at % (s.length + 1);
        if (op.kind === 'truncate') s = s.slice(0, at);
        else if (op.kind === 'delete') s = s.slice(0, at) + s.slice(at + op.length);
        else if (op.kind === 'duplicate') s = s.slice(0, at + op.length) + s.slice(at, at + op.length) + s.slice(at + op.length);
        else s = s.slice(0, at) + op.text + s.slice(at);
      }
      return s;
    });

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** What every parse result must hold, whatever the input. */
export function expectSound(parsed: Parsed, file: string): void {
  for (const a of parsed.articles) {
    expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isoDate.safeParse(a.date).success, a.date).toBe(true);
    expect(['en', 'fr']).toContain(a.lang);
    expect(a.title.trim()).not.toBe('');
    expect(a.body.trim()).not.toBe('');
    expect(a.source.trim()).not.toBe('');
    expect(a.summary.length).toBeGreaterThan(0);
    expect(a.origin.file).toBe(file);
    if (a.url) expect(a.url).toMatch(/^https?:\/\//i);
  }
  for (const p of parsed.problems) {
    expect(['error', 'warning']).toContain(p.severity);
    expect(p.message).not.toBe('');
    expect(p.file).toBe(file);
  }
  if (parsed.articles.length === 0) expect(parsed.problems.some((p) => p.severity === 'error')).toBe(true);
}

const window = new Window();
/** happy-dom's DOMParser, as the extension's parseHtml would be. */
export function parseHtml(text: string): Document {
  // happy-dom's Document implements the DOM Document the parsers read; its own type is a separate declaration.
  return new window.DOMParser().parseFromString(text, 'text/html') as unknown as Document;
}

/** Problems without their message codes, to compare the English text and places alone. */
export function uncoded<T extends { code?: string; params?: unknown }>(problems: readonly T[]): Omit<T, 'code' | 'params'>[] {
  return problems.map(({ code: _code, params: _params, ...rest }) => rest);
}
