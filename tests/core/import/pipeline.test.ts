import { describe, expect, it } from 'vitest';
import { ImportCancelled, prepareImport, toImportedArticles, type ImportFile } from '../../../core/import/pipeline';
import { MAX_ARTICLES, type DraftArticle, type Parsed } from '../../../core/import/types';
import { projectIndex } from '../../helpers';

const spotter = projectIndex();

function draft(i: number, extra: Partial<DraftArticle> = {}): DraftArticle {
  return {
    title: `Talks ${i}`,
    date: `2022-0${(i % 9) + 1}-10`,
    lang: i % 2 ? 'fr' : 'en',
    source: 'Archive',
    summary: 'Talks.',
    body: 'Zamir Kabulov met the Taliban in Kabul.',
    origin: { file: 'a.csv', row: i + 2 },
    ...extra,
  };
}

const file = (name: string): ImportFile => ({ name, bytes: new Uint8Array() });
const parsedAs = (byFile: Record<string, Parsed>) => (f: ImportFile) => byFile[f.name]!;

describe('prepareImport', () => {
  it('sums up articles, dates, languages and entities, and stores them with their mentions', async () => {
    const parse = parsedAs({ 'a.csv': { format: 'csv', articles: [draft(0), draft(1), draft(2)], problems: [] } });
    const preview = await prepareImport([file('a.csv')], parse, spotter);
    expect(preview).toMatchObject({ ok: true, count: 3, from: '2022-01-10', to: '2022-03-10', langs: { en: 2, fr: 1 } });
    expect(preview.entities.map((e) => e.id)).toEqual(['kabul', 'taliban', 'zamir-kabulov']);
    expect(preview.entities[0]?.articles).toBe(3);
    const stored = toImportedArticles(preview, 'c9');
    expect(stored.map((a) => a.id)).toEqual(['c9/1', 'c9/2', 'c9/3']);
    expect(stored[0]?.mentions.find((m) => m.entity === 'zamir-kabulov')).toEqual({ entity: 'zamir-kabulov', article: 'c9/1', start: 0, end: 13, count: 1 });
    expect(stored[0]?.body).toBe('Zamir Kabulov met the Taliban in Kabul.');
  });

  it('is not ok when a file has an error, and lists errors before warnings', async () => {
    const parse = parsedAs({
      'a.csv': {
        format: 'csv',
        articles: [draft(0)],
        problems: [
          { file: 'a.csv', row: 3, severity: 'warning', message: 'language guessed' },
          { file: 'a.csv', row: 4, severity: 'error', field: 'date', message: 'not a date' },
        ],
      },
    });
    const preview = await prepareImport([file('a.csv')], parse, spotter);
    expect(preview.ok).toBe(false);
    expect(preview.problems.map((p) => p.severity)).toEqual(['error', 'warning']);
  });

  it('keeps an article repeated across files once, with a warning naming where it was first', async () => {
    const parse = parsedAs({
      'a.csv': { format: 'csv', articles: [draft(0, { url: 'https://example.org/1' })], problems: [] },
      'b.jsonl': { format: 'jsonl', articles: [draft(5, { url: 'https://example.org/1', origin: { file: 'b.jsonl', line: 4 } })], problems: [] },
    });
    const preview = await prepareImport([file('a.csv'), file('b.jsonl')], parse, spotter);
    expect(preview.count).toBe(1);
    expect(preview.problems).toEqual([
      expect.objectContaining({ file: 'b.jsonl', line: 4, severity: 'warning', message: expect.stringContaining('a.csv, row 2') }),
    ]);
  });

  it('refuses more than the article limit across files, naming the first one beyond', async () => {
    const many = Array.from({ length: MAX_ARTICLES }, (_, i) => draft(i, { url: `https://example.org/${i}`, body: 'x' }));
    const parse = parsedAs({
      'a.csv': { format: 'csv', articles: many, problems: [] },
      'b.csv': { format: 'csv', articles: [draft(1, { url: 'https://example.org/extra', origin: { file: 'b.csv', row: 2 } })], problems: [] },
    });
    const preview = await prepareImport([file('a.csv'), file('b.csv')], parse, spotter);
    expect(preview.ok).toBe(false);
    expect(preview.problems[0]).toMatchObject({ file: 'b.csv', row: 2, severity: 'error' });
  });

  it('an empty import is an error, not an empty collection', async () => {
    const preview = await prepareImport([file('a.csv')], parsedAs({ 'a.csv': { format: 'csv', articles: [], problems: [] } }), spotter);
    expect(preview.ok).toBe(false);
    expect(preview.problems[0]?.message).toMatch(/no article/);
  });

  it('reports progress and stops on cancel', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => draft(i, { url: `https://example.org/${i}` }));
    const cancel = new AbortController();
    const phases: string[] = [];
    let clock = 0;
    const run = prepareImport([file('a.csv')], parsedAs({ 'a.csv': { format: 'csv', articles: many, problems: [] } }), spotter, {
      signal: cancel.signal,
      // Every article "takes" 1 ms: the work yields every 12.
      now: () => clock++,
      onProgress: (phase, done) => {
        phases.push(phase);
        if (phase === 'scanning' && done > 1000) cancel.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(phases).toContain('reading');
    expect(phases.filter((p) => p === 'scanning').length).toBeGreaterThan(10);
  });
});

describe('tooBig', () => {
  it('refuses a 50 MB file from its size alone, without parsing it', async () => {
    let parsed = 0;
    const preview = await prepareImport(
      [{ name: 'huge.csv', bytes: new Uint8Array(0), size: 50 * 1024 * 1024 }],
      () => (parsed++, { format: 'csv', articles: [], problems: [] }),
      spotter,
    );
    expect(parsed).toBe(0);
    expect(preview.ok).toBe(false);
    expect(preview.problems[0]?.message).toBe('huge.csv is 50.0 MB; the limit is 30.0 MB per file: split it');
  });
});
