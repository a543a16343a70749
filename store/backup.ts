// Backup and restore in the store: everything read in one read-only
// transaction (a consistent picture, even while the background writes
// mentions), and a restore written in ONE read-write transaction over the
// stores it touches, so that it is applied whole or not at all. The storage
// items (settings, "Not this one") are not in IndexedDB: they are written
// only after the transaction has committed, and a failure there is reported
// apart (the database part stays; restoring the same file again writes only
// what is still missing).

import { changesDatabase, type BackupCollectionMeta, type RestorePlan, type StoreData } from '../core/backup';
import type { PackMeta } from '../core/entity-lists/pack';
import type { ImportedArticle, UserEntity } from '../core/merge';
import type { PageRejections, Settings } from '../core/settings';
import { abandoned, settled, type CollectionMeta, type Store, type StoredArticle, type StoredPack } from './db';

/** The store's part of a backup: the reader's entities, the packs with their content, the collections with their articles and texts. */
export async function readAll(db: Store): Promise<Pick<StoreData, 'entities' | 'packs' | 'collections'>> {
  const tx = db.transaction(['collections', 'articles', 'bodies', 'entities', 'packs', 'packContents'], 'readonly');
  const [collections, articles, bodies, entities, packs, contents] = await Promise.all([
    tx.objectStore('collections').getAll(),
    tx.objectStore('articles').getAll(),
    tx.objectStore('bodies').getAll(),
    tx.objectStore('entities').getAll(),
    tx.objectStore('packs').getAll(),
    tx.objectStore('packContents').getAll(),
    tx.done,
  ]);
  const text = new Map(bodies.map((b) => [b.id, b.body]));
  const byCollection = new Map<string, ImportedArticle[]>(collections.map((c) => [c.id, []]));
  for (const a of articles) byCollection.get(a.collection)?.push({ ...a, body: text.get(a.id) ?? '' });
  const content = new Map(contents.map((c) => [c.id, c]));
  return {
    entities,
    // A pack whose content is lost has no entities: listed so, so that a restore replaces it rather than failing to add it.
    packs: packs.map((meta) => {
      const c = content.get(meta.id);
      return c ? { meta, content: c } : { meta: { ...meta, count: 0 }, content: { id: meta.id, entities: [], additions: [], removals: [] } };
    }),
    collections: collections.map((meta) => ({ meta, articles: byCollection.get(meta.id) ?? [] })),
  };
}

export interface RestoreOptions {
  /** Called every few hundred articles with how many are written. */
  onProgress?: (done: number, total: number) => void;
}

/** Articles written between two progress reports. */
const BATCH = 250;

const withoutMentions = ({ mentions: _, ...e }: UserEntity): UserEntity => e;

/**
 * Writes the plan's database part in one transaction: whole or not at all.
 * What the plan adds is added (not overwritten): a record that appeared
 * since the preview, or an article id another collection holds, fails the
 * whole restore instead of being taken over. Returns whether anything was
 * written; an empty plan opens no transaction.
 */
export async function restoreAll(db: Store, plan: RestorePlan, opts: RestoreOptions = {}): Promise<boolean> {
  if (!changesDatabase(plan)) return false;
  const collections = [...plan.collections.added, ...plan.collections.replaced];
  const stores = [
    ...(collections.length ? (['collections', 'articles', 'bodies'] as const) : []),
    ...(plan.rescan || plan.entities.added.length + plan.entities.replaced.length ? (['entities'] as const) : []),
    ...(plan.rescan || plan.packs.added.length + plan.packs.replaced.length ? (['packs', 'packContents'] as const) : []),
  ];
  const tx = db.transaction(stores, 'readwrite');
  // A failed request also rejects tx.done; it is awaited below, so this only silences the duplicate.
  tx.done.catch(() => undefined);
  try {
    if (collections.length) {
      const metas = tx.objectStore('collections');
      const articles = tx.objectStore('articles');
      const bodies = tx.objectStore('bodies');
      const total = collections.reduce((n, c) => n + c.articles.length, 0);
      let done = 0;
      for (const { meta, articles: list } of collections) {
        const replacing = plan.collections.replaced.some((c) => c.meta.id === meta.id);
        const record: CollectionMeta = { ...(meta satisfies BackupCollectionMeta) };
        if (replacing) {
          // The old articles go first: the new ones may reuse their ids.
          const old = await articles.index('collection').getAllKeys(meta.id);
          await settled(old, (k) => articles.delete(k));
          await settled(old, (k) => bodies.delete(k));
          await metas.put(record);
        } else await metas.add(record);
        for (let i = 0; i < list.length; i += BATCH) {
          await settled(list.slice(i, i + BATCH), async ({ body, ...rest }) => {
            const stored: StoredArticle = { ...rest, collection: meta.id };
            await articles.add(stored);
            return bodies.put({ id: rest.id, body });
          });
          done += Math.min(BATCH, list.length - i);
          opts.onProgress?.(done, total);
        }
      }
    }
    if (plan.entities.added.length + plan.entities.replaced.length || plan.rescan) {
      const entities = tx.objectStore('entities');
      await settled(plan.entities.added, (e) => entities.add(e));
      await settled(plan.entities.replaced, (e) => entities.put(e));
      // Articles arrived: every entity is looked for again (the background finds those without mentions).
      if (plan.rescan)
        await settled(
          (await entities.getAll()).filter((e) => e.mentions),
          (e) => entities.put(withoutMentions(e)),
        );
    }
    if (plan.packs.added.length + plan.packs.replaced.length || plan.rescan) {
      const packs = tx.objectStore('packs');
      const contents = tx.objectStore('packContents');
      const stored = (p: { meta: PackMeta; content: Omit<StoredPack, 'id'> }): StoredPack => ({ id: p.meta.id, ...p.content });
      await settled(plan.packs.added, async (p) => {
        await packs.add(p.meta);
        return contents.add(stored(p));
      });
      await settled(plan.packs.replaced, async (p) => {
        await packs.put(p.meta);
        return contents.put(stored(p));
      });
      if (plan.rescan)
        await settled(
          (await contents.getAll()).filter((c) => c.entities.some((e) => e.mentions)),
          (c) => contents.put({ ...c, entities: c.entities.map(withoutMentions) }),
        );
    }
    await tx.done;
    return true;
  } catch (e) {
    throw abandoned(tx, e);
  }
}

/** The storage items a restore writes after the database, and the dataset revision that tells the background and every tab. */
export interface RestoreStorage {
  setSettings: (settings: Settings) => Promise<void>;
  setRejections: (rejections: PageRejections) => Promise<void>;
  bumpRevision: () => Promise<void>;
}

export type StoragePart = 'settings' | 'rejections' | 'revision';

export interface RestoreOutcome {
  /** Whether the database was written (it was, whole, if this is returned). */
  database: boolean;
  /** The storage items that could not be written, with the first failure's words. */
  failed: StoragePart[];
  detail: string;
}

/**
 * Applies a plan: the database in one transaction (a failure throws a
 * StoreError and nothing changed), then, once it has committed, the
 * settings, the "Not this one" choices and the dataset revision. Those are
 * separate storage writes and cannot join the transaction: one that fails is
 * reported in the outcome, the others are still tried. An empty plan writes
 * nothing at all.
 */
export async function applyRestore(db: Store, plan: RestorePlan, storage: RestoreStorage, opts: RestoreOptions = {}): Promise<RestoreOutcome> {
  const database = await restoreAll(db, plan, opts);
  const failed: StoragePart[] = [];
  let detail = '';
  const attempt = async (part: StoragePart, write: () => Promise<void>) => {
    try {
      await write();
    } catch (e) {
      failed.push(part);
      detail ||= e instanceof Error ? e.message : String(e);
    }
  };
  const { settings, rejections } = plan;
  if (settings) await attempt('settings', () => storage.setSettings(settings));
  if (rejections) await attempt('rejections', () => storage.setRejections(rejections));
  if (database) await attempt('revision', storage.bumpRevision);
  return { database, failed, detail };
}
