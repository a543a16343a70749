// The reader's own data in IndexedDB (through `idb`): imported collections,
// their articles, and entities the reader added. Shared by the options page
// (which writes) and the background (which reads): both are extension pages
// of the same origin, so they open the same database.
//
// The guarantee readers rely on: a collection is stored whole or not at all.
// Every write that touches several records runs in one transaction, and any
// failure, cancel or quota error aborts it, which leaves the database
// exactly as it was.

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { optionsStrings, type StoreFailure } from '../core/i18n-options';
import type { PackContent, PackMeta } from '../core/entity-lists/pack';
import type { CollectionMeta, ImportedArticle, UserEntity } from '../core/merge';

export type { CollectionMeta };

/** An imported article as stored: everything but its text, which is kept apart (see `bodies`). */
export type StoredArticle = Omit<ImportedArticle, 'body'>;

interface ReperesDB extends DBSchema {
  collections: { key: string; value: CollectionMeta };
  articles: { key: string; value: StoredArticle; indexes: { collection: string } };
  /**
   * Article texts, apart from the rest: the background reads every article's
   * title, dates and mentions each time it starts (a service worker stops
   * when idle), but a text only when a card or the reader shows it.
   */
  bodies: { key: string; value: { id: string; body: string } };
  entities: { key: string; value: UserEntity };
  /** Entity packs (lists of names): what the options page lists. */
  packs: { key: string; value: PackMeta };
  /** Each pack's entities (with their mentions) and its changes to other entities' names, in one record. */
  packContents: { key: string; value: StoredPack };
}

/** A pack's content as stored: its entities carry their mentions in the articles there were when it was imported. */
export interface StoredPack {
  id: string;
  entities: UserEntity[];
  additions: PackContent['additions'];
  removals: PackContent['removals'];
}

export type Store = IDBPDatabase<ReperesDB>;

export const DB_NAME = 'reperes';
const DB_VERSION = 2;

export function openStore(name = DB_NAME): Promise<Store> {
  return openDB<ReperesDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('collections', { keyPath: 'id' });
        db.createObjectStore('articles', { keyPath: 'id' }).createIndex('collection', 'collection');
        db.createObjectStore('bodies', { keyPath: 'id' });
        db.createObjectStore('entities', { keyPath: 'id' });
      }
      // Version 2: entity packs.
      if (oldVersion < 2) {
        db.createObjectStore('packs', { keyPath: 'id' });
        db.createObjectStore('packContents', { keyPath: 'id' });
      }
    },
  });
}

/**
 * A write that did not happen, and why; the database is as it was before.
 * Its message is the interface's English one for its kind: the options page
 * shows the reader's language from the kind (core/i18n-options.ts).
 */
export class StoreError extends Error {
  constructor(
    readonly kind: StoreFailure,
    options?: { cause?: unknown },
  ) {
    super(optionsStrings('en').storeError(kind, detailOf(options?.cause)), options);
    this.name = 'StoreError';
  }
}

function detailOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause ?? '');
}

/** A failure as the store reports it: the kind of StoreError its cause says. */
export function classify(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).name : '';
  const kind = name === 'QuotaExceededError' ? 'quota' : name === 'ConstraintError' ? 'exists' : name === 'AbortError' ? 'cancelled' : 'failed';
  return new StoreError(kind, { cause: e });
}

/**
 * What a write's failure ends in: its transaction aborted (which leaves the
 * database as it was), and the failure as a StoreError.
 */
export function abandoned(tx: { abort(): void }, e: unknown): StoreError {
  try {
    tx.abort();
  } catch {
    /* already finished or aborted */
  }
  return classify(e);
}

export interface WriteOptions {
  signal?: AbortSignal;
  /** Called every few hundred articles with how many are written. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Waits for a batch of requests; rejects with the first failure. Once one
 * fails the transaction aborts and the others fail too: those are expected
 * and must not surface as unhandled rejections.
 */
export function settled<I, T>(items: readonly I[], request: (item: I) => Promise<T>): Promise<T[]> {
  const requests: Promise<T>[] = [];
  // Each is silenced as soon as it exists: `request` may throw (a value that cannot be cloned) after some were made.
  for (const item of items) {
    const r = request(item);
    r.catch(() => undefined);
    requests.push(r);
  }
  return Promise.all(requests);
}

/** Articles written between two checks of the cancel signal. */
const BATCH = 250;

/** Stores a collection and all its articles in one transaction. */
export async function addCollection(db: Store, meta: CollectionMeta, articles: readonly ImportedArticle[], opts: WriteOptions = {}): Promise<void> {
  if (opts.signal?.aborted) throw classify(new DOMException('cancelled', 'AbortError'));
  const tx = db.transaction(['collections', 'articles', 'bodies'], 'readwrite');
  // A failed request also rejects tx.done; it is awaited below, so this only silences the duplicate.
  tx.done.catch(() => undefined);
  try {
    await tx.objectStore('collections').add(meta);
    const store = tx.objectStore('articles');
    const bodies = tx.objectStore('bodies');
    for (let i = 0; i < articles.length; i += BATCH) {
      // Awaiting the batch keeps the transaction alive and lets a cancel click through.
      await settled(articles.slice(i, i + BATCH), async ({ body, ...rest }) => {
        await store.add(rest);
        return bodies.add({ id: rest.id, body });
      });
      opts.onProgress?.(Math.min(i + BATCH, articles.length), articles.length);
      if (opts.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    }
    await tx.done;
  } catch (e) {
    throw abandoned(tx, e);
  }
}

export function listCollections(db: Store): Promise<CollectionMeta[]> {
  return db.getAll('collections').then((all) => all.sort((a, b) => a.created.localeCompare(b.created) || a.name.localeCompare(b.name)));
}

/** Texts by article id (those stored). */
export async function getBodies(db: Store, ids: readonly string[]): Promise<Map<string, string>> {
  const tx = db.transaction('bodies');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  return new Map(found.flatMap((b) => (b ? [[b.id, b.body] as const] : [])));
}

/** The stored articles of `ids`, without their texts (an id without one is left out). */
export async function getArticles(db: Store, ids: readonly string[]): Promise<Map<string, StoredArticle>> {
  const tx = db.transaction('articles');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  return new Map(found.flatMap((a) => (a ? [[a.id, a] as const] : [])));
}

/** The articles with their texts joined back from the bodies store. */
async function joinBodies(db: Store, articles: StoredArticle[]): Promise<ImportedArticle[]> {
  const bodies = await getBodies(
    db,
    articles.map((a) => a.id),
  );
  return articles.map((a) => ({ ...a, body: bodies.get(a.id) ?? '' }));
}

/** A collection's articles, texts included (to export it). */
export async function collectionArticles(db: Store, id: string): Promise<ImportedArticle[]> {
  return joinBodies(db, await db.getAllFromIndex('articles', 'collection', id));
}

/** Articles of the collections that are switched on, without their texts (getBodies fetches those). */
export async function enabledArticles(db: Store): Promise<{ collections: CollectionMeta[]; articles: StoredArticle[] }> {
  const collections = (await listCollections(db)).filter((c) => c.enabled);
  const lists = await Promise.all(collections.map((c) => db.getAllFromIndex('articles', 'collection', c.id)));
  return { collections, articles: lists.flat() };
}

/** Every imported article with its text, in collections switched on or off (to look for a new entity). */
export async function allArticles(db: Store): Promise<ImportedArticle[]> {
  return joinBodies(db, await db.getAll('articles'));
}

async function updateCollection(db: Store, id: string, change: (c: CollectionMeta) => CollectionMeta): Promise<void> {
  const tx = db.transaction('collections', 'readwrite');
  const c = await tx.store.get(id);
  if (!c) throw new StoreError('failed', { cause: new Error('this collection no longer exists') });
  await tx.store.put(change(c));
  await tx.done;
}

export function renameCollection(db: Store, id: string, name: string): Promise<void> {
  return updateCollection(db, id, (c) => ({ ...c, name }));
}

export function setCollectionEnabled(db: Store, id: string, enabled: boolean): Promise<void> {
  return updateCollection(db, id, (c) => ({ ...c, enabled }));
}

/** Deletes a collection and its articles, in one transaction. */
export async function deleteCollection(db: Store, id: string): Promise<void> {
  const tx = db.transaction(['collections', 'articles', 'bodies'], 'readwrite');
  tx.done.catch(() => undefined);
  try {
    await tx.objectStore('collections').delete(id);
    const keys = await tx.objectStore('articles').index('collection').getAllKeys(id);
    await settled(keys, (k) => tx.objectStore('articles').delete(k));
    await settled(keys, (k) => tx.objectStore('bodies').delete(k));
    await tx.done;
  } catch (e) {
    throw classify(e);
  }
}

export function listEntities(db: Store): Promise<UserEntity[]> {
  return db.getAll('entities');
}

export async function putEntity(db: Store, entity: UserEntity): Promise<void> {
  try {
    await db.put('entities', entity);
  } catch (e) {
    throw classify(e);
  }
}

/**
 * An edited entity is stored under a new id, in one transaction with the
 * removal of the old one: mentions found for the old id (kept with articles
 * imported meanwhile) then point at nothing, and the new one is looked for afresh.
 */
export async function replaceEntity(db: Store, oldId: string, entity: UserEntity): Promise<void> {
  const tx = db.transaction('entities', 'readwrite');
  tx.done.catch(() => undefined);
  try {
    await tx.store.delete(oldId);
    await tx.store.put(entity);
    await tx.done;
  } catch (e) {
    throw classify(e);
  }
}

export function deleteEntity(db: Store, id: string): Promise<void> {
  return db.delete('entities', id);
}

/** Stores a pack and its content in one transaction: whole or not at all. */
export async function addPack(db: Store, meta: PackMeta, content: StoredPack): Promise<void> {
  const tx = db.transaction(['packs', 'packContents'], 'readwrite');
  tx.done.catch(() => undefined);
  try {
    await tx.objectStore('packs').add(meta);
    await tx.objectStore('packContents').add(content);
    await tx.done;
  } catch (e) {
    throw classify(e);
  }
}

/** A pack's content again, with the mentions the background found for its entities; not if the pack was deleted meanwhile. */
export async function putPackContent(db: Store, content: StoredPack): Promise<void> {
  const tx = db.transaction(['packs', 'packContents'], 'readwrite');
  tx.done.catch(() => undefined);
  try {
    if (await tx.objectStore('packs').get(content.id)) await tx.objectStore('packContents').put(content);
    await tx.done;
  } catch (e) {
    throw classify(e);
  }
}

export function listPacks(db: Store): Promise<PackMeta[]> {
  return db.getAll('packs');
}

export function getPack(db: Store, id: string): Promise<StoredPack | undefined> {
  return db.get('packContents', id);
}

/** The content of the packs switched on, for the dataset. */
export async function enabledPacks(db: Store): Promise<StoredPack[]> {
  const on = (await db.getAll('packs')).filter((p) => p.enabled);
  const contents = await Promise.all(on.map((p) => db.get('packContents', p.id)));
  return contents.filter((c): c is StoredPack => c !== undefined);
}

async function updatePack(db: Store, id: string, change: Partial<Pick<PackMeta, 'name' | 'enabled'>>): Promise<void> {
  const tx = db.transaction('packs', 'readwrite');
  tx.done.catch(() => undefined);
  try {
    const meta = await tx.store.get(id);
    if (meta) await tx.store.put({ ...meta, ...change });
    await tx.done;
  } catch (e) {
    throw classify(e);
  }
}

export const renamePack = (db: Store, id: string, name: string) => updatePack(db, id, { name });
export const setPackEnabled = (db: Store, id: string, enabled: boolean) => updatePack(db, id, { enabled });

export async function deletePack(db: Store, id: string): Promise<void> {
  const tx = db.transaction(['packs', 'packContents'], 'readwrite');
  tx.done.catch(() => undefined);
  try {
    await tx.objectStore('packs').delete(id);
    await tx.objectStore('packContents').delete(id);
    await tx.done;
  } catch (e) {
    throw classify(e);
  }
}
