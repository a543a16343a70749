// The derived database: slices are replaced whole, with the key they belong
// to, or not at all; a reader with another key gets nothing; and a card made
// from what it gives back is the full index's.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { allSlices, entitiesNamedBy, sliceIndex, sliceOf, type CardSlice } from '../../core/card-slices';
import { buildCard, MAX_CARD_ARTICLES, type CardMatch } from '../../core/cards';
import { indexDataset } from '../../core/dataset-index';
import type { Article } from '../../core/model';
import { DB_NAME, StoreError } from '../../store/db';
import {
  DERIVED_DB_NAME,
  getMeta,
  openDerived,
  PUT_BATCH,
  putMeta,
  readSlices,
  readTerms,
  SLICES_KEY,
  writeSlices,
  writeTerms,
  type Derived,
} from '../../store/derived';
import { openDB } from 'idb';
import { entity, projectDataset } from '../helpers';

let n = 0;
const open: Derived[] = [];
async function fresh(): Promise<Derived> {
  const db = await openDerived(`derived-${n++}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const article = (id: string, date: string): Article => ({ id, title: `Title ${id}`, date, lang: 'en', source: 'S', summary: '', body: `About ${id}. Kabul.` });

// A small dataset: three entities, two articles.
const small = indexDataset({
  version: 2,
  entities: [entity('a', 'person', [{ text: 'A' }]), entity('b', 'place', [{ text: 'B' }]), entity('c', 'organization', [{ text: 'C' }])],
  articles: [article('x', '2021-09-01'), article('y', '2021-08-01')],
  postings: {
    a: [
      { article: 'x', start: 0, end: 5, count: 1 },
      { article: 'y', start: 0, end: 5, count: 2 },
    ],
    b: [{ article: 'x', start: 6, end: 8, count: 1 }],
  },
  cooccurrence: { a: [['b', 1]], b: [['a', 1]] },
  stopPhrases: [],
});
const slices = [...allSlices(small)];
const full = projectDataset();
const byId = (id: string) => slices.find((s) => s.entity.id === id)!;

describe('derived store', () => {
  it('is a database of its own, apart from the reader’s', async () => {
    expect(DERIVED_DB_NAME).not.toBe(DB_NAME);
    const db = await fresh();
    expect([...db.objectStoreNames].sort()).toEqual(['aliases', 'meta', 'slices', 'terms']);
  });

  it('gives back nothing before slices are written', async () => {
    const db = await fresh();
    expect(await readSlices(db, 'v1', ['a'])).toBeNull();
  });

  it('gives back the slices asked for, unchanged, for the key they were written with', async () => {
    const db = await fresh();
    await writeSlices(db, 'v1', slices);
    const got = await readSlices(db, 'v1', ['a', 'c', 'nobody', 'a']);
    expect(got).toStrictEqual(
      new Map([
        ['a', byId('a')],
        ['c', byId('c')],
      ]),
    );
    expect(await getMeta(db, SLICES_KEY)).toBe('v1');
  });

  it('gives back nothing for another key: the slices are stale', async () => {
    const db = await fresh();
    await writeSlices(db, 'v1', slices);
    expect(await readSlices(db, 'v2', ['a'])).toBeNull();
  });

  it('replaces every slice and the key', async () => {
    const db = await fresh();
    await writeSlices(db, 'v1', slices);
    await writeSlices(db, 'v2', [byId('b')]);
    expect(await readSlices(db, 'v1', ['a'])).toBeNull();
    expect([...(await readSlices(db, 'v2', ['a', 'b', 'c']))!.keys()]).toEqual(['b']);
    expect(await db.count('slices')).toBe(1);
  });

  it('lets other tasks run while a long list of slices is written, and writes it whole', async () => {
    const db = await fresh();
    const count = 3 * PUT_BATCH;
    let ran = false;
    /** Slices made before another task ran. */
    let before = 0;
    function* many(): Generator<CardSlice> {
      for (let k = 0; k < count; k++) {
        if (!ran) before++;
        yield { ...byId('a'), entity: { ...byId('a').entity, id: `e${k}` } };
      }
    }
    setTimeout(() => (ran = true), 0);
    await writeSlices(db, 'v1', many());
    expect(ran).toBe(true);
    expect(before).toBeLessThanOrEqual(PUT_BATCH);
    expect(await db.count('slices')).toBe(count);
    expect(await getMeta(db, SLICES_KEY)).toBe('v1');
  });

  const failures: [string, () => Iterable<CardSlice>][] = [
    // A value the store cannot clone.
    ['a slice that cannot be stored', () => [byId('a'), { ...byId('b'), related: [() => 0] } as unknown as CardSlice]],
    // No key where the store looks for one.
    ['a slice without an entity id', () => [byId('a'), { ...byId('b'), entity: {} } as unknown as CardSlice]],
    [
      'slices that fail while they are made',
      function* () {
        yield byId('a');
        throw new Error('out of memory');
      },
    ],
    [
      'slices that fail after a batch was put',
      function* () {
        for (let k = 0; k <= PUT_BATCH; k++) yield { ...byId('a'), entity: { ...byId('a').entity, id: `e${k}` } };
        throw new Error('out of memory');
      },
    ],
  ];
  for (const [what, make] of failures) {
    it(`leaves the slices and key as they were after ${what}`, async () => {
      const db = await fresh();
      await writeSlices(db, 'v1', slices);
      await expect(writeSlices(db, 'v2', make())).rejects.toBeInstanceOf(StoreError);
      expect(await readSlices(db, 'v2', ['a'])).toBeNull();
      expect(await readSlices(db, 'v1', ['a', 'b', 'c'])).toStrictEqual(new Map(slices.map((s) => [s.entity.id, s])));
      expect(await db.count('slices')).toBe(slices.length);
    });
  }

  it('gives back the title index entries asked for, with the article count, for their key only', async () => {
    const db = await fresh();
    const entries = [
      { term: 'kabul', idf: 0.5, postings: [['x', 0.7] as [string, number]] },
      { term: 'talks', idf: 1.5, postings: [['y', 0.2] as [string, number]] },
    ];
    expect(await readTerms(db, 'v1', ['kabul'])).toBeNull();
    await writeTerms(db, 'v1', entries, 2);
    expect(await readTerms(db, 'v1', ['kabul', 'nowhere'])).toStrictEqual({ entries: [entries[0]], articles: 2 });
    expect(await readTerms(db, 'v2', ['kabul'])).toBeNull();
    await writeTerms(db, 'v2', [entries[1]!], 1);
    expect(await readTerms(db, 'v2', ['kabul', 'talks'])).toStrictEqual({ entries: [entries[1]], articles: 1 });
  });

  it('opens a database of the first version with its slices kept, and a place for the title index', async () => {
    const name = `derived-${n++}`;
    const old = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('meta');
        db.createObjectStore('slices', { keyPath: 'entity.id' });
        db.createObjectStore('aliases');
      },
    });
    await old.put('slices', byId('a'));
    await old.put('meta', 'v1', SLICES_KEY);
    old.close();
    const db = await openDerived(name);
    open.push(db);
    expect(await readSlices(db, 'v1', ['a'])).toStrictEqual(new Map([['a', byId('a')]]));
    expect(await readTerms(db, 'v1', ['kabul'])).toBeNull();
  });

  it('keeps other values by name, and the alias tables as buffers', async () => {
    const db = await fresh();
    expect(await getMeta(db, 'built')).toBeUndefined();
    await putMeta(db, 'built', { at: 3, of: ['x'] });
    expect(await getMeta<{ at: number; of: string[] }>(db, 'built')).toStrictEqual({ at: 3, of: ['x'] });
    const tables = { offsets: new Uint32Array([1, 2, 3]).buffer, chars: new Uint16Array([65]).buffer };
    await db.put('aliases', tables, 'current');
    const back = (await db.get('aliases', 'current')) as typeof tables;
    expect([...new Uint32Array(back.offsets)]).toEqual([1, 2, 3]);
    expect(back.chars).toBeInstanceOf(ArrayBuffer);
  });

  it('gives back slices a card is made from as the full index makes it', async () => {
    const db = await fresh();
    await writeSlices(db, 'bundled', allSlices(full));
    const id = 'kabul';
    const [main, namesake] = [...full.entity.keys()].filter((e) => e !== id);
    const match: CardMatch = { form: 'Kabul', how: { rule: 'context', by: main!, others: [namesake!, sliceOf(full, id)!.related[0]!.id] } };
    const got = (await readSlices(db, 'bundled', [id, ...entitiesNamedBy(match)]))!;
    const mine = got.get(id)!;
    const bodies = new Map(mine.listed.map(({ article }) => [article.id, full.article.get(article.id)!.body]));
    const others = entitiesNamedBy(match).flatMap((o) => got.get(o)?.entity ?? []);
    for (const lang of ['en', 'fr'] as const)
      expect(buildCard(sliceIndex(mine, others, bodies), id, lang, MAX_CARD_ARTICLES, undefined, match)).toStrictEqual(
        buildCard(full, id, lang, MAX_CARD_ARTICLES, undefined, match),
      );
  }, 30_000);
});
