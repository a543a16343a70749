// Data derived from the dataset, kept so that a background that has just
// woken can answer without rebuilding the dataset's index: card slices
// (core/card-slices.ts), the alias tables, and a few values about them. A
// database of its own, apart from the reader's (store/db.ts): a backup or a
// restore never sees it, and it can be dropped and rebuilt at any time.
//
// Every slice belongs to one dataset version, its key, stored with the
// slices in the same transaction: a reader that asks with another key gets
// nothing rather than slices of another dataset.

import { openDB, unwrap, wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { CardSlice } from '../core/card-slices';
import type { TermEntry } from '../core/text-similarity';
import { abandoned } from './db';

interface DerivedSchema extends DBSchema {
  /** Small values by name (out-of-line keys): the slices' key among them. */
  meta: { key: string; value: unknown };
  /** One card slice per entity, by entity id. */
  slices: { key: string; value: CardSlice };
  /** The alias tables, a record of a few ArrayBuffers (out-of-line keys). */
  aliases: { key: string; value: unknown };
  /** The popup's title index, one entry per word (core/text-similarity.ts), by word. */
  terms: { key: string; value: TermEntry };
}

export type Derived = IDBPDatabase<DerivedSchema>;

export const DERIVED_DB_NAME = 'reperes-derived';
const DERIVED_DB_VERSION = 2;

/** The meta record that holds the key (dataset version) the stored slices belong to. */
export const SLICES_KEY = 'slices';
/** The meta record that holds the key the stored terms belong to, and the dataset's article count. */
export const TERMS_KEY = 'terms';

export function openDerived(name = DERIVED_DB_NAME): Promise<Derived> {
  return openDB<DerivedSchema>(name, DERIVED_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('slices', { keyPath: 'entity.id' });
        db.createObjectStore('aliases');
      }
      if (oldVersion < 2) db.createObjectStore('terms', { keyPath: 'term' });
    },
  });
}

/**
 * Records made and put before a write waits for the store: a put clones
 * its record at once, and putting every slice of a big list in one go held
 * the background for seconds, every message waiting behind it. Between
 * batches, other tasks run; the transaction stays open, as a new batch
 * follows from the last request's success.
 */
export const PUT_BATCH = 256;

/**
 * Replaces every record of `store` with `records`, and puts `meta` (what
 * says which version they belong to) under `metaName`, in one transaction:
 * on any failure (a record that cannot be stored, a quota error) it aborts,
 * and what was stored before is left as it was. `records` is read a batch
 * at a time (PUT_BATCH).
 */
async function replaceAll<S extends 'slices' | 'terms'>(
  db: Derived,
  store: S,
  records: Iterable<DerivedSchema[S]['value']>,
  metaName: string,
  meta: unknown,
): Promise<void> {
  const tx = db.transaction(['meta', store], 'readwrite');
  // Awaited below; this only keeps an abort from surfacing twice.
  tx.done.catch(() => undefined);
  try {
    // The plain store: a request's failure aborts the transaction and rejects
    // tx.done, so only the last request of each batch is waited for.
    const plain = unwrap(tx.objectStore(store));
    plain.clear();
    let put = 0;
    for (const record of records) {
      const request = plain.put(record);
      if (++put % PUT_BATCH === 0) await wrap(request);
    }
    unwrap(tx.objectStore('meta')).put(meta, metaName);
    await tx.done;
  } catch (e) {
    throw abandoned(tx, e);
  }
}

/** Replaces every stored slice with `slices`, for version `key` (see replaceAll). */
export function writeSlices(db: Derived, key: string, slices: Iterable<CardSlice>): Promise<void> {
  return replaceAll(db, 'slices', slices, SLICES_KEY, key);
}

/** Replaces the stored title index with `entries`, for version `key`, with the dataset's article count (see replaceAll). */
export function writeTerms(db: Derived, key: string, entries: Iterable<TermEntry>, articles: number): Promise<void> {
  return replaceAll(db, 'terms', entries, TERMS_KEY, { key, articles });
}

/**
 * The stored entries of `terms` (a word without one is left out) and the
 * dataset's article count, or null when the stored terms belong to another
 * key than `key`, or there are none.
 */
export async function readTerms(db: Derived, key: string, terms: readonly string[]): Promise<{ entries: TermEntry[]; articles: number } | null> {
  const tx = db.transaction(['meta', 'terms']);
  const store = tx.objectStore('terms');
  const [meta, found] = await Promise.all([tx.objectStore('meta').get(TERMS_KEY), Promise.all(terms.map((t) => store.get(t)))]);
  const stored = meta as { key: string; articles: number } | undefined;
  if (stored?.key !== key) return null;
  return { entries: found.filter((e): e is TermEntry => e !== undefined), articles: stored.articles };
}

/**
 * The slices of `ids` that are stored (an id without one is left out), or
 * null when the stored slices belong to another key than `key`, or there
 * are none: the caller builds the full index instead.
 */
export async function readSlices(db: Derived, key: string, ids: readonly string[]): Promise<Map<string, CardSlice> | null> {
  const tx = db.transaction(['meta', 'slices']);
  const store = tx.objectStore('slices');
  // Asked together: one wait for the key and the slices.
  const [stored, found] = await Promise.all([tx.objectStore('meta').get(SLICES_KEY), Promise.all(ids.map((id) => store.get(id)))]);
  if (stored !== key) return null;
  return new Map(found.flatMap((s) => (s ? [[s.entity.id, s] as const] : [])));
}

/** A value stored with `putMeta`; the caller knows what it stored under `name`. */
export async function getMeta<T>(db: Derived, name: string): Promise<T | undefined> {
  return (await db.get('meta', name)) as T | undefined;
}

export async function putMeta<T>(db: Derived, name: string, value: T): Promise<void> {
  await db.put('meta', value, name);
}
