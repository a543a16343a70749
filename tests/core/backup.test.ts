// The backup format: written from the store's records, read back to the same
// records, every damaged or foreign file turned into clean problems (never an
// exception), and the restore plan: what is added, replaced or unchanged, and
// nothing at all the second time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backupData,
  BACKUP_FORMAT,
  isEmptyPlan,
  mergeRejections,
  planRestore,
  readBackup,
  summarize,
  toBackup,
  type BackupData,
  type StoreData,
} from '../../core/backup';
import { problemText } from '../../core/import/messages';
import { DEFAULT_SETTINGS, MAX_REJECTED_PAGES } from '../../core/settings';
import type { Problem } from '../../core/import/types';

const EXPORTED = new Date('2026-12-06T10:00:00.000Z');

function store(): StoreData {
  return {
    settings: { ...DEFAULT_SETTINGS, hiddenEntities: ['isi'], mentions: 'first' },
    rejections: { 'https://news.example/a': ['kabul'] },
    entities: [
      {
        id: 'user:m1',
        type: 'organization',
        name: { en: 'Meridian Relief Network', fr: 'Meridian Relief Network' },
        description: { en: 'A test organisation.', fr: 'A test organisation.' },
        aliases: [{ text: 'Meridian Relief Network' }, { text: 'MRN', exact: true }],
        mentions: [{ entity: 'user:m1', article: 'c1/1', start: 40, end: 63, count: 1 }],
      },
    ],
    packs: [
      {
        meta: { id: 'pack-b', name: 'beat', enabled: true, created: '2026-12-04T00:00:00.000Z', file: 'beat.csv', count: 2, choice: 'keep' },
        content: {
          entities: [
            {
              id: 'pack-b/1',
              type: 'person',
              name: { en: 'Talvio Brennick', fr: 'Talvio Brennick' },
              description: { en: 'A spokesman', fr: 'A spokesman' },
              aliases: [{ text: 'Talvio Brennick' }, { text: 'Brennick' }],
              mentions: [],
            },
            {
              id: 'pack-b/2',
              type: 'place',
              name: { en: 'Port Quillan', fr: 'Port Quillan' },
              description: { en: '', fr: '' },
              aliases: [{ text: 'Port Quillan' }],
              coords: [47.2, -3.5],
            },
          ],
          additions: [{ entity: 'kabul', aliases: [{ text: 'Kabul City' }] }],
          removals: [{ entity: 'isi', texts: ['ISI'] }],
        },
      },
    ],
    collections: [
      {
        meta: {
          id: 'c1',
          name: 'archive',
          enabled: true,
          created: '2026-12-05T00:00:00.000Z',
          count: 2,
          from: '2023-02-14',
          to: '2023-03-01',
          langs: ['en', 'fr'],
          files: ['archive.csv'],
        },
        articles: [
          {
            id: 'c1/2',
            collection: 'c1',
            title: 'Une note',
            date: '2023-03-01',
            lang: 'fr',
            source: 'Archive',
            summary: 'Une note.',
            body: 'Cet article cite Mazar-i-Sharif.',
            mentions: [{ entity: 'mazar-i-sharif', article: 'c1/2', start: 17, end: 31, count: 1 }],
          },
          {
            id: 'c1/1',
            collection: 'c1',
            title: 'A note that names Zamir Kabulov',
            date: '2023-02-14',
            lang: 'en',
            source: 'Test Archive',
            summary: 'A note.',
            url: 'https://archive.example/kabulov-note',
            body: 'This test article names Zamir Kabulov, the Meridian Relief Network and Kabul.',
            mentions: [{ entity: 'zamir-kabulov', article: 'c1/1', start: 24, end: 37, count: 1 }],
          },
        ],
      },
    ],
  };
}

const EMPTY: BackupData = { settings: DEFAULT_SETTINGS, rejections: {}, entities: [], packs: [], collections: [] };

function read(text: string) {
  const r = readBackup(text, 'b.json');
  return { ...r, errors: r.problems.filter((p) => p.severity === 'error') };
}

/** A backup's object, to damage by hand. */
const object = () =>
  JSON.parse(toBackup(store(), EXPORTED)) as Record<string, unknown> & {
    collections: { meta: Record<string, unknown>; articles: Record<string, unknown>[] }[];
  };

describe('writing a backup', () => {
  it('holds everything, keys in a fixed order, entities without their mentions, articles with theirs and their text', () => {
    const text = toBackup(store(), EXPORTED);
    expect(text.endsWith('}\n')).toBe(true);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['format', 'version', 'exported', 'settings', 'rejections', 'entities', 'packs', 'collections']);
    expect(json).toMatchObject({ format: BACKUP_FORMAT, version: 1, exported: '2026-12-06T10:00:00.000Z' });
    const { entities, collections, packs } = json as unknown as BackupData;
    expect(entities[0]).not.toHaveProperty('mentions');
    expect(packs[0]!.content.entities.every((e) => !('mentions' in e))).toBe(true);
    expect(collections[0]!.articles.map((a) => a.id)).toEqual(['c1/1', 'c1/2']);
    expect(collections[0]!.articles[0]).not.toHaveProperty('collection');
    expect(collections[0]!.articles[0]!.body).toContain('Zamir Kabulov');
    expect(collections[0]!.articles[0]!.mentions).toHaveLength(1);
  });

  it('is read back to the same records, with no problem', () => {
    const r = read(toBackup(store(), EXPORTED));
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    const { format: _f, version: _v, exported, ...data } = r.backup!;
    expect(exported).toBe('2026-12-06T10:00:00.000Z');
    expect(data).toEqual(backupData(store()));
  });

  it('sorts ids naturally (c/2 before c/10), the same way every time', () => {
    const s = store();
    const c = s.collections[0]!;
    const article = (n: number) => ({ ...c.articles[1]!, id: `c1/${n}`, mentions: [] });
    const data = backupData({ ...s, collections: [{ meta: { ...c.meta, count: 3 }, articles: [article(10), article(2), article(1)] }] });
    expect(data.collections[0]!.articles.map((a) => a.id)).toEqual(['c1/1', 'c1/2', 'c1/10']);
  });
});

describe('reading a damaged or foreign file', () => {
  it('names a JSON syntax error with its line', () => {
    const text = toBackup(store(), EXPORTED).replace('"version": 1,', '"version": 1');
    const r = read(text);
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ file: 'b.json', line: 3, code: 'detail' });
    expect(r.errors[0]!.message).toMatch(/^not valid JSON: /);
  });

  it('refuses an empty file, a collection and a list, naming what a backup is', () => {
    expect(read('  ').errors[0]!.code).toBe('emptyFile');
    expect(read(JSON.stringify({ format: 'reperes-collection', version: 1, name: 'x', articles: [] })).errors.map((p) => p.code)).toEqual(['backupNotBackup']);
    expect(read('[1, 2]').errors.map((p) => p.code)).toEqual(['backupNotBackup']);
  });

  it('refuses another version, saying which it reads', () => {
    const r = read(JSON.stringify({ ...object(), version: 2 }));
    expect(r.errors.map((p) => p.message)).toEqual(['"version" is 2: this Repères reads backups of version 1']);
  });

  it('names a wrong value by its path and line, in English and French', () => {
    const o = object();
    o.collections[0]!.articles[1]!.date = '2023-02-30';
    const text = JSON.stringify(o, null, 2);
    const r = read(text);
    expect(r.ok).toBe(false);
    const p = r.errors[0]!;
    expect(p.message).toBe('collections[0].articles[1].date: expected a date YYYY-MM-DD, found "2023-02-30"');
    expect(text.split('\n')[p.line! - 1]).toContain('"date": "2023-02-30"');
    expect(problemText(p, 'fr')).toBe('collections[0].articles[1].date : il faut une date AAAA-MM-JJ, pas "2023-02-30"');
  });

  it('names a missing field, a duplicate id, an id that does not belong, a count that does not match, a mention outside its text', () => {
    const o = object();
    const c = o.collections[0]!;
    delete c.articles[0]!.title;
    c.articles[1]!.id = 'c1/1';
    (o.entities as Record<string, unknown>[])[0]!.id = 'kabul';
    c.meta.count = 5;
    (c.articles[0]!.mentions as Record<string, unknown>[])[0]!.end = 4000;
    const messages = read(JSON.stringify(o)).errors.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '"collections[0].articles[0].title" is missing',
        'collections[0].articles[1].id: the id "c1/1" is already used at collections[0].articles[0].id',
        'entities[0].id: the id "kabul" should start with "user:"',
        "collections[0].articles[0].mentions[0]: this mention is not within its article's text",
      ]),
    );
    // The count is checked once every article reads well.
    c.articles[1]!.id = 'c1/2';
    c.articles[0]!.title = 'Back';
    (c.articles[0]!.mentions as Record<string, unknown>[])[0]!.end = 37;
    (o.entities as Record<string, unknown>[])[0]!.id = 'user:m1';
    expect(read(JSON.stringify(o)).errors.map((p) => p.message)).toEqual(['collections[0].meta.count: says 5, but 2 follow']);
  });

  it('an article of one collection cannot claim another’s id', () => {
    const o = object();
    o.collections[0]!.articles[0]!.id = 'other/1';
    expect(read(JSON.stringify(o)).errors.map((p) => p.code)).toContain('backupIdPrefix');
  });

  it('ignores an unknown field with a warning, and still reads the file', () => {
    const o = { ...object(), comment: 'made by hand' };
    const r = read(JSON.stringify(o));
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([['warning', 'unknown field "comment" ignored']]);
  });

  it('settings missing a field take its default, as the settings’ migrations do', () => {
    const o = object();
    const settings = o.settings as Record<string, unknown>;
    delete settings.appearance;
    const r = read(JSON.stringify(o));
    expect(r.ok).toBe(true);
    expect(r.backup!.settings.appearance).toEqual(DEFAULT_SETTINGS.appearance);
    expect(r.backup!.settings.hiddenEntities).toEqual(['isi']);
  });

  it('a value nested too deep to find its line is still named by its path', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const o = JSON.stringify({ ...object(), settings: 0 }).replace('"settings":0', `"settings":${deep}`);
    expect(read(o).problems.map((p) => p.message)).toEqual(['settings: expected an object {…}, found […]']);
  });

  it('lists at most a few hundred problems and counts the rest', () => {
    const o = object();
    const a = o.collections[0]!.articles[0]!;
    o.collections[0]!.articles = Array.from({ length: 500 }, (_, i) => ({ ...a, id: `c1/${i}`, lang: 'de' }));
    o.collections[0]!.meta.count = 500;
    const r = read(JSON.stringify(o));
    expect(r.problems.length).toBeLessThan(500);
    expect(r.problems.at(-1)!.code).toBe('moreNotListed');
  });
});

/** Every path in a JSON value, to damage one. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v !== null && typeof v === 'object') return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}

function damaged(o: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(o) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** A clean problem: a code, an English and a French text with nothing undefined. */
function expectClean(problems: Problem[]): void {
  for (const p of problems) {
    expect(p.code, p.message).toBeTruthy();
    expect(p.message).not.toMatch(/undefined|\[object Object\]/);
    expect(problemText(p, 'fr')).not.toMatch(/undefined|\[object Object\]/);
  }
}

/** Whatever is read either fails with errors, or reads back to itself and plans nothing over itself. */
function expectSound(text: string): void {
  const r = readBackup(text, 'f.json');
  expectClean(r.problems);
  if (!r.ok) {
    expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
    return;
  }
  const { format: _f, version: _v, exported: _e, ...data } = r.backup;
  const again = readBackup(toBackup(data, EXPORTED));
  expect(again.ok).toBe(true);
  const { format: _f2, version: _v2, exported: _e2, ...back } = again.backup!;
  expect(back).toEqual(data);
  expect(isEmptyPlan(planRestore(data, data))).toBe(true);
}

describe('fuzzing: a damaged file gives clean problems and never throws', () => {
  const valid = object();
  const all = paths(valid);

  it('any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => expectSound(s)),
      { numRuns: 300 },
    );
  });

  it('any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => expectSound(JSON.stringify(v) ?? 'null')),
      { numRuns: 300 },
    );
  });

  it('a backup with one value replaced or removed', () => {
    fc.assert(
      fc.property(fc.nat(all.length - 1), fc.jsonValue({ maxDepth: 2 }), fc.boolean(), (i, replacement, remove) =>
        expectSound(JSON.stringify(damaged(valid, all[i]!, replacement, remove))),
      ),
      { numRuns: 600 },
    );
  });

  it('a backup cut short or with a character changed', () => {
    const text = toBackup(store(), EXPORTED);
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.oneof(fc.constant(null), fc.string({ minLength: 1, maxLength: 1 })), (at, c) =>
        expectSound(c === null ? text.slice(0, at) : text.slice(0, at) + c + text.slice(at + 1)),
      ),
      { numRuns: 600 },
    );
  });
});

describe('planning a restore', () => {
  const backup = () => backupData(store());

  it('into an empty browser: everything added, the settings changed, entities looked for again', () => {
    const plan = planRestore(EMPTY, backup());
    expect(summarize(plan)).toEqual({
      settings: true,
      rejections: true,
      entities: { added: 1, replaced: 0, unchanged: 0 },
      packs: { added: ['beat'], replaced: [], unchanged: 0 },
      collections: { added: ['archive'], replaced: [], unchanged: 0, articles: 2 },
      nothing: false,
    });
    expect(plan.rescan).toBe(true);
    expect(plan.settings!.hiddenEntities).toEqual(['isi']);
  });

  it('into a browser that has it all: nothing, even where the store keeps mentions the file does not', () => {
    const current = backupData(store());
    const plan = planRestore(current, backup());
    expect(isEmptyPlan(plan)).toBe(true);
    expect(summarize(plan)).toMatchObject({ nothing: true, entities: { added: 0, replaced: 0, unchanged: 1 } });
  });

  it('replaces what differs, keeps what the backup does not hold, and is idempotent', () => {
    const s = store();
    const renamed = { ...s, collections: [{ ...s.collections[0]!, meta: { ...s.collections[0]!.meta, name: 'mine' } }] };
    const edited = {
      ...renamed,
      entities: [
        { ...s.entities[0]!, type: 'place' as const },
        { ...s.entities[0]!, id: 'user:other' },
      ],
    };
    const current = backupData({ ...edited, settings: DEFAULT_SETTINGS, rejections: { 'https://b.example/': ['x'] } });
    const plan = planRestore(current, backup());
    expect(summarize(plan)).toMatchObject({
      settings: true,
      entities: { added: 0, replaced: 1, unchanged: 0 },
      packs: { added: [], replaced: [], unchanged: 1 },
      collections: { added: [], replaced: ['archive'], unchanged: 0 },
    });
    expect(plan.rejections).toEqual({ 'https://b.example/': ['x'], 'https://news.example/a': ['kabul'] });

    // Applied, then planned again: nothing to change.
    const after: BackupData = {
      settings: plan.settings!,
      rejections: plan.rejections!,
      entities: [...current.entities.filter((e) => e.id === 'user:other'), ...plan.entities.replaced],
      packs: current.packs,
      collections: plan.collections.replaced,
    };
    expect(isEmptyPlan(planRestore(after, backup()))).toBe(true);
  });

  it('keeps the newest pages of “Not this one”, the backup’s last', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_REJECTED_PAGES }, (_, i) => [`https://p.example/${i}`, ['x']]));
    const merged = mergeRejections(many, { 'https://p.example/0': ['y'], 'https://new.example/': ['z'] });
    expect(Object.keys(merged)).toHaveLength(MAX_REJECTED_PAGES);
    expect(Object.keys(merged).slice(-2)).toEqual(['https://p.example/0', 'https://new.example/']);
    expect(merged['https://p.example/0']).toEqual(['y']);
    expect(mergeRejections(merged, { 'https://p.example/0': ['y'], 'https://new.example/': ['z'] })).toEqual(merged);
  });
});
