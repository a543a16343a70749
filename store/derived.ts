// Data derived from the dataset, kept so that a background that has just
// woken can answer without rebuilding the dataset's index: card slices
// (core/card-slices.ts), the alias tables, and a few values about them. A
// database of its own, apart from the reader's (store/db.ts): a backup or a
// restore never sees it, and it can be dropped and rebuilt at any time.
//
// Every slice belongs to one dataset version, its key, stored with the
// slices in the same transaction: a reader that asks with another key gets
// nothing rather than slices of another dataset.

import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { CardSlice } from '../core/card-slices';
import { abandoned } from './db';

interface DerivedSchema extends DBSchema {
  /** Small values by name (out-of-line keys): the slices' key among them. */
  meta: { key: string; value: unknown };
  /** One card slice per entity, by entity id. */
  slices: { key: string; value: CardSlice };
  /** The alias tables, a record of a few ArrayBuffers (out-of-line keys). */
  aliases: { key: string; value: unknown };
}

export type Derived = IDBPDatabase<DerivedSchema>;

export const DERIVED_DB_NAME = 'reperes-derived';
const DERIVED_DB_VERSION = 1;

/** The meta record that holds the key (dataset version) the stored slices belong to. */
export const SLICES_KEY = 'slices';

export function openDerived(name = DERIVED_DB_NAME): Promise<Derived> {
  return openDB<DerivedSchema>(name, DERIVED_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('slices', { keyPath: 'entity.id' });
        db.createObjectStore('aliases');
      }
    },
  });
}

/**
 * Slices made and put before the write waits for the store: a put clones
 * its slice at once, and putting every slice of a big list in one go held
 * the background for seconds, every message waiting behind it. Between
 * batches, other tasks run; the transaction stays open, as a new batch
 * follows from the last request's success.
 */
export const PUT_BATCH = 256;

/** The request's success, or its error. */
function settled(request: IDBRequest): Promise<void> {
  return new Promise((ok, fail) => {
    request.addEventListener('success', () => ok());
    request.addEventListener('error', () => fail(request.error));
  });
}

/**
 * Replaces every stored slice with `slices`, and records `key` as the
 * version they belong to, in one transaction: on any failure (a slice that
 * cannot be stored, a quota error) it aborts, and the slices and key stored
 * before are left as they were. `slices` is read a batch at a time (PUT_BATCH).
 */
export async function writeSlices(db: Derived, key: string, slices: Iterable<CardSlice>): Promise<void> {
  const tx = db.transaction(['meta', 'slices'], 'readwrite');
  // Awaited below; this only keeps an abort from surfacing twice.
  tx.done.catch(() => undefined);
  try {
    // The plain store: a request's failure aborts the transaction and rejects
    // tx.done, so only the last request of each batch is waited for.
    const store = unwrap(tx.objectStore('slices'));
    store.clear();
    let put = 0;
    for (const slice of slices) {
      const request = store.put(slice);
      if (++put % PUT_BATCH === 0) await settled(request);
    }
    unwrap(tx.objectStore('meta')).put(key, SLICES_KEY);
    await tx.done;
  } catch (e) {
    throw abandoned(tx, e);
  }
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
