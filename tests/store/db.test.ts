// The store's guarantee: a collection is stored whole or not at all, and
// whatever goes wrong halfway (a record that cannot be stored, a cancel, a
// quota error) leaves the database exactly as it was.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportedArticle } from '../../core/merge';
import {
  addCollection,
  collectionArticles,
  deleteCollection,
  enabledArticles,
  getBodies,
  listCollections,
  listEntities,
  openStore,
  putEntity,
  renameCollection,
  replaceEntity,
  setCollectionEnabled,
  StoreError,
  type CollectionMeta,
  type Store,
} from '../../store/db';
import { entity } from '../helpers';

let n = 0;
const open: Store[] = [];
async function freshStore(): Promise<Store> {
  const db = await openStore(`test-${n++}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function meta(id: string, count: number): CollectionMeta {
  return {
    id,
    name: `Collection ${id}`,
    enabled: true,
    created: `2026-11-30T00:00:0${n % 10}Z`,
    count,
    from: '2021-01-01',
    to: '2021-12-31',
    langs: ['en'],
    files: ['a.csv'],
  };
}

function articles(collection: string, count: number): ImportedArticle[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${collection}/${i}`,
    collection,
    title: `Article ${i}`,
    date: '2021-08-15',
    lang: 'en',
    source: 'Test',
    summary: 'A summary.',
    body: `Zamir Kabulov spoke in Kabul (${i}).`,
    mentions: [{ entity: 'zamir-kabulov', article: `${collection}/${i}`, start: 0, end: 13, count: 1 }],
  }));
}

/** Everything in the database, for before/after comparisons. */
async function snapshot(db: Store) {
  return {
    collections: await db.getAll('collections'),
    articles: await db.getAll('articles'),
    bodies: await db.getAll('bodies'),
    entities: await db.getAll('entities'),
  };
}

describe('store', () => {
  it('stores a collection and reads it back, enabled collections only', async () => {
    const db = await freshStore();
    await addCollection(db, meta('a', 3), articles('a', 3));
    await addCollection(db, { ...meta('b', 2), enabled: false }, articles('b', 2));
    expect((await listCollections(db)).map((c) => c.id).sort()).toEqual(['a', 'b']);
    expect(await collectionArticles(db, 'b')).toEqual(articles('b', 2));
    const on = await enabledArticles(db);
    // Texts are stored apart and read only when asked for.
    expect(on.articles.every((a) => !('body' in a))).toBe(true);
    expect(await getBodies(db, ['a/1', 'nope'])).toEqual(new Map([['a/1', 'Zamir Kabulov spoke in Kabul (1).']]));
    expect(on.collections.map((c) => c.id)).toEqual(['a']);
    expect(on.articles.map((a) => a.id).sort()).toEqual(['a/0', 'a/1', 'a/2']);
    await setCollectionEnabled(db, 'b', true);
    await renameCollection(db, 'b', 'Renamed');
    expect((await enabledArticles(db)).articles).toHaveLength(5);
    expect((await listCollections(db)).find((c) => c.id === 'b')?.name).toBe('Renamed');
  });

  it('deletes a collection with all its articles, and nothing else', async () => {
    const db = await freshStore();
    await addCollection(db, meta('a', 3), articles('a', 3));
    await addCollection(db, meta('b', 2), articles('b', 2));
    await deleteCollection(db, 'a');
    const s = await snapshot(db);
    expect(s.collections.map((c) => c.id)).toEqual(['b']);
    expect(s.articles.map((a) => a.id).sort()).toEqual(['b/0', 'b/1']);
    expect(s.bodies.map((b) => b.id).sort()).toEqual(['b/0', 'b/1']);
  });

  it('a record that cannot be stored halfway leaves the database exactly as it was', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 600 }), fc.nat(), async (count, at) => {
        const db = await freshStore();
        await addCollection(db, meta('kept', 2), articles('kept', 2));
        await putEntity(db, entity('user:x', 'person', [{ text: 'X Y' }]));
        const before = await snapshot(db);
        const list = articles('new', count);
        const broken = at % count;
        // A function cannot be cloned into IndexedDB: the put fails there.
        (list[broken] as unknown as { oops: () => void }).oops = () => undefined;
        await expect(addCollection(db, meta('new', count), list)).rejects.toBeInstanceOf(StoreError);
        expect(await snapshot(db)).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });

  it('a duplicate article id fails the whole collection', async () => {
    const db = await freshStore();
    const before = await snapshot(db);
    const list = articles('dup', 10);
    list[7] = { ...list[7]!, id: list[2]!.id };
    await expect(addCollection(db, meta('dup', 10), list)).rejects.toMatchObject({ kind: 'exists' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a cancel halfway stores nothing', async () => {
    const db = await freshStore();
    await addCollection(db, meta('kept', 2), articles('kept', 2));
    const before = await snapshot(db);
    const cancel = new AbortController();
    const seen: number[] = [];
    const writing = addCollection(db, meta('big', 2000), articles('big', 2000), {
      signal: cancel.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 1000) cancel.abort();
      },
    });
    await expect(writing).rejects.toMatchObject({ kind: 'cancelled' });
    expect(seen[0]).toBeLessThan(1000);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a quota error is explained and stores nothing', async () => {
    const db = await freshStore();
    const before = await snapshot(db);
    // fake-indexeddb has no quota: make the store refuse the way a full disk does.
    const list = articles('q', 600);
    const original = IDBObjectStore.prototype.add;
    let calls = 0;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (++calls === 400) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, value, key);
    };
    try {
      const error = await addCollection(db, meta('q', 600), list).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'quota' });
      expect((error as StoreError).message).toMatch(/storage space/);
    } finally {
      IDBObjectStore.prototype.add = original;
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the reader’s entities', async () => {
    const db = await freshStore();
    await putEntity(db, entity('user:a', 'organization', [{ text: 'Acme Relief' }]));
    expect((await listEntities(db)).map((e) => e.id)).toEqual(['user:a']);
  });
});

describe('replaceEntity', () => {
  it('swaps an edited entity for its new id in one go', async () => {
    const db = await openStore(`test-replace-${Date.now()}`);
    try {
      await putEntity(db, entity('user:old', 'person', [{ text: 'Old Name' }]));
      await replaceEntity(db, 'user:old', entity('user:new', 'place', [{ text: 'New Name' }]));
      expect((await listEntities(db)).map((e) => [e.id, e.type])).toEqual([['user:new', 'place']]);
    } finally {
      db.close();
    }
  });
});
