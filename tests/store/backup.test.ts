// Backup and restore in the store: everything read back, a restore applied in
// one transaction (whole or not at all: a failure halfway leaves every store
// as it was), the storage items written only after it has committed, and the
// same file restored twice writing nothing the second time.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupData, isEmptyPlan, planRestore, readBackup, toBackup, type BackupData, type RestorePlan } from '../../core/backup';
import type { ImportedArticle } from '../../core/merge';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { applyRestore, readAll, restoreAll, type RestoreStorage } from '../../store/backup';
import { addCollection, addPack, openStore, putEntity, StoreError, type CollectionMeta, type Store } from '../../store/db';
import { entity } from '../helpers';

let n = 0;
const open: Store[] = [];
async function freshStore(): Promise<Store> {
  const db = await openStore(`backup-${n++}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const meta = (id: string, count: number): CollectionMeta => ({
  id,
  name: `Collection ${id}`,
  enabled: true,
  created: '2026-12-05T00:00:00.000Z',
  count,
  from: '2021-08-15',
  to: '2021-08-15',
  langs: ['en'],
  files: [`${id}.csv`],
});

function articles(collection: string, count: number): ImportedArticle[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${collection}/${i + 1}`,
    collection,
    title: `Article ${i + 1}`,
    date: '2021-08-15',
    lang: 'en',
    source: 'Test',
    summary: 'A summary.',
    body: `Zamir Kabulov spoke in Kabul (${i + 1}).`,
    mentions: [{ entity: 'zamir-kabulov', article: `${collection}/${i + 1}`, start: 0, end: 13, count: 1 }],
  }));
}

/** A profile with a bit of everything: two collections, an entity of its own (already scanned), a pack. */
async function filled(): Promise<Store> {
  const db = await freshStore();
  await addCollection(db, meta('a', 3), articles('a', 3));
  await addCollection(db, meta('b', 600), articles('b', 600));
  await putEntity(db, {
    ...entity('user:m1', 'organization', [{ text: 'Meridian Relief Network' }]),
    mentions: [{ entity: 'user:m1', article: 'a/1', start: 0, end: 5, count: 1 }],
  });
  await addPack(
    db,
    { id: 'pack-b', name: 'beat', enabled: true, created: '2026-12-04T00:00:00.000Z', file: 'beat.csv', count: 1, choice: 'keep' },
    { id: 'pack-b', entities: [{ ...entity('pack-b/1', 'person', [{ text: 'Talvio Brennick' }]), mentions: [] }], additions: [], removals: [] },
  );
  return db;
}

/** Everything in the database, for before/after comparisons. */
async function snapshot(db: Store) {
  const stores = ['collections', 'articles', 'bodies', 'entities', 'packs', 'packContents'] as const;
  return Object.fromEntries(await Promise.all(stores.map(async (s) => [s, await db.getAll(s)] as const)));
}

const settings = { ...DEFAULT_SETTINGS, hiddenEntities: ['isi'] };

async function current(db: Store, s = DEFAULT_SETTINGS, rejections = {}): Promise<BackupData> {
  return backupData({ settings: s, rejections, ...(await readAll(db)) });
}

/** The backup of `db`, as a file read back. */
async function backupOf(db: Store): Promise<BackupData> {
  const r = readBackup(toBackup({ settings, rejections: { 'https://a.example/': ['kabul'] }, ...(await readAll(db)) }));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const { format: _f, version: _v, exported: _e, ...data } = r.backup;
  return data;
}

function storage(calls: string[] = []): RestoreStorage & { calls: string[] } {
  return {
    calls,
    setSettings: async () => void calls.push('settings'),
    setRejections: async () => void calls.push('rejections'),
    bumpRevision: async () => void calls.push('revision'),
  };
}

describe('backup and restore in the store', () => {
  it('reads everything, texts and mentions included, in one picture', async () => {
    const db = await filled();
    const all = await readAll(db);
    expect(all.collections.map((c) => [c.meta.id, c.articles.length])).toEqual([
      ['a', 3],
      ['b', 600],
    ]);
    expect(all.collections[0]!.articles[0]!.body).toContain('Zamir Kabulov');
    expect(all.packs[0]!.content.entities[0]!.id).toBe('pack-b/1');
    expect(all.entities.map((e) => e.id)).toEqual(['user:m1']);
  });

  it('restores into a fresh profile, then restoring again changes nothing and writes nothing', async () => {
    const backup = await backupOf(await filled());
    const db = await freshStore();
    const plan = planRestore(await current(db), backup);
    const s = storage();
    const outcome = await applyRestore(db, plan, s);
    expect(outcome).toEqual({ database: true, failed: [], detail: '' });
    expect(s.calls).toEqual(['settings', 'rejections', 'revision']);
    expect(await current(db, settings, { 'https://a.example/': ['kabul'] })).toEqual(backup);
    // New entities carry no mentions: the background looks for them.
    expect((await db.getAll('entities'))[0]).not.toHaveProperty('mentions');

    const again = planRestore(await current(db, settings, { 'https://a.example/': ['kabul'] }), backup);
    expect(isEmptyPlan(again)).toBe(true);
    const before = await snapshot(db);
    const s2 = storage();
    expect(await applyRestore(db, again, s2)).toEqual({ database: false, failed: [], detail: '' });
    expect(s2.calls).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('the second restore changes nothing even after the background stored the new entities’ mentions', async () => {
    const backup = await backupOf(await filled());
    const db = await freshStore();
    await restoreAll(db, planRestore(await current(db), backup));
    const [e] = await db.getAll('entities');
    await putEntity(db, { ...e!, mentions: [{ entity: e!.id, article: 'a/1', start: 0, end: 5, count: 1 }] });
    expect(isEmptyPlan(planRestore(await current(db, settings, { 'https://a.example/': ['kabul'] }), backup))).toBe(true);
  });

  it('a failure halfway (a record that cannot be stored, in the second collection) leaves every store as it was', async () => {
    const db = await filled();
    const backup = await backupOf(db);
    const target = await freshStore();
    await addCollection(target, meta('x', 2), articles('x', 2));
    await putEntity(target, { ...entity('user:t', 'person', [{ text: 'Someone Here' }]), mentions: [] });
    const before = await snapshot(target);
    const plan = planRestore(await current(target), backup);
    const b = plan.collections.added[1]!;
    // A function cannot be cloned into IndexedDB: the write fails there, after the first collection and 300 articles of the second.
    b.articles[300] = { ...b.articles[300]!, title: (() => 'x') as unknown as string };
    const s = storage();
    const progress = vi.fn();
    await expect(applyRestore(target, plan, s, { onProgress: progress })).rejects.toBeInstanceOf(StoreError);
    expect(progress).toHaveBeenCalled();
    expect(s.calls).toEqual([]);
    expect(await snapshot(target)).toEqual(before);
  });

  it('an article id another collection holds fails the whole restore instead of taking it over', async () => {
    const backup = await backupOf(await filled());
    const target = await freshStore();
    // An older record, from before ids carried their collection: it must stay where it is.
    await addCollection(target, meta('z', 1), [{ ...articles('z', 1)[0]!, id: 'b/600' }]);
    const before = await snapshot(target);
    const err = await applyRestore(target, planRestore(await current(target), backup), storage()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('exists');
    expect(await snapshot(target)).toEqual(before);
  });

  it('replaces a collection whole (its old articles go), and has every entity looked for again', async () => {
    const db = await filled();
    const backup = await backupOf(db);
    const target = await freshStore();
    await addCollection(target, meta('a', 5), articles('a', 5));
    await putEntity(target, { ...entity('user:t', 'person', [{ text: 'Someone Here' }]), mentions: [] });
    await addPack(
      target,
      { id: 'pack-t', name: 'mine', enabled: true, created: '', file: 't.csv', count: 1, choice: 'keep' },
      { id: 'pack-t', entities: [{ ...entity('pack-t/1', 'person', [{ text: 'Orsa Vellamy' }]), mentions: [] }], additions: [], removals: [] },
    );
    const plan = planRestore(await current(target), backup);
    expect(plan.collections.replaced.map((c) => c.meta.id)).toEqual(['a']);
    await restoreAll(target, plan);
    expect((await target.getAllKeys('articles')).length).toBe(603);
    expect((await target.getAllFromIndex('articles', 'collection', 'a')).map((a) => a.id).sort()).toEqual(['a/1', 'a/2', 'a/3']);
    expect(await target.get('bodies', 'a/5')).toBeUndefined();
    expect((await target.get('entities', 'user:t'))!.mentions).toBeUndefined();
    expect((await target.get('packContents', 'pack-t'))!.entities[0]!.mentions).toBeUndefined();
  });

  it('a pack whose content was lost is replaced by the backup’s, not added twice', async () => {
    const backup = await backupOf(await filled());
    const target = await freshStore();
    await target.put('packs', backup.packs[0]!.meta);
    const plan = planRestore(await current(target), backup);
    expect(plan.packs.replaced.map((p) => p.meta.id)).toEqual(['pack-b']);
    await restoreAll(target, plan);
    expect((await target.get('packContents', 'pack-b'))!.entities.map((e) => e.id)).toEqual(['pack-b/1']);
  });

  it('writes the storage items only after the transaction has committed, and reports one that fails', async () => {
    const backup = await backupOf(await filled());
    const db = await freshStore();
    const plan: RestorePlan = planRestore(await current(db), backup);
    let seen = -1;
    const s: RestoreStorage = {
      setSettings: async () => {
        // Read through another connection: only committed data is visible there.
        const other = await openStore(db.name);
        seen = (await other.getAllKeys('articles')).length;
        other.close();
        throw new Error('storage is full');
      },
      setRejections: async () => undefined,
      bumpRevision: async () => undefined,
    };
    expect(await applyRestore(db, plan, s)).toEqual({ database: true, failed: ['settings'], detail: 'storage is full' });
    expect(seen).toBe(603);
  });
});
