// Entity packs in the store: whole or not at all, switched on and off,
// deleted with their content; a database of the first version gains the
// packs' stores and keeps its collections.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { PackMeta } from '../../core/entity-lists/pack';
import {
  addPack,
  deletePack,
  enabledPacks,
  getPack,
  listCollections,
  listPacks,
  openStore,
  putPackContent,
  setPackEnabled,
  StoreError,
  type Store,
  type StoredPack,
} from '../../store/db';
import { entity } from '../helpers';

let n = 0;
const open: Store[] = [];
async function freshStore(name = `packs-${n++}`): Promise<Store> {
  const db = await openStore(name);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const meta = (id: string): PackMeta => ({
  id,
  name: `List ${id}`,
  enabled: true,
  created: '2026-12-04T00:00:00.000Z',
  file: `${id}.csv`,
  count: 1,
  choice: 'keep',
});
const content = (id: string): StoredPack => ({
  id,
  entities: [entity(`${id}/1`, 'person', [{ text: `Person of ${id}` }])],
  additions: [{ entity: 'kabul', aliases: [{ text: 'Kabul City' }] }],
  removals: [],
});

describe('entity packs in the store', () => {
  it('stores a pack and its content together, lists it, and gives only the enabled ones to the dataset', async () => {
    const db = await freshStore();
    await addPack(db, meta('a'), content('a'));
    await addPack(db, meta('b'), content('b'));
    await setPackEnabled(db, 'b', false);
    expect((await listPacks(db)).map((p) => [p.id, p.enabled])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect((await enabledPacks(db)).map((p) => p.id)).toEqual(['a']);
    expect((await getPack(db, 'a'))!.additions).toEqual(content('a').additions);
  });

  it('stores nothing when the write fails halfway (an id already used)', async () => {
    const db = await freshStore();
    await addPack(db, meta('a'), content('a'));
    await expect(addPack(db, { ...meta('z'), id: 'z' }, { ...content('a'), id: 'a' })).rejects.toBeInstanceOf(StoreError);
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['a']);
    expect(await getPack(db, 'z')).toBeUndefined();
  });

  it('deletes a pack with its content, and the background cannot write it back afterwards', async () => {
    const db = await freshStore();
    await addPack(db, meta('a'), content('a'));
    await deletePack(db, 'a');
    await putPackContent(db, content('a'));
    expect(await listPacks(db)).toEqual([]);
    expect(await getPack(db, 'a')).toBeUndefined();
  });

  it('upgrades a database of the first version: its collections stay, the packs’ stores appear', async () => {
    const name = `packs-v1-${n++}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('collections', { keyPath: 'id' });
        db.createObjectStore('articles', { keyPath: 'id' }).createIndex('collection', 'collection');
        db.createObjectStore('bodies', { keyPath: 'id' });
        db.createObjectStore('entities', { keyPath: 'id' });
      },
    });
    await v1.put('collections', { id: 'c1', name: 'Old', enabled: true, created: '', count: 0, from: '', to: '', langs: [], files: [] });
    v1.close();
    const db = await freshStore(name);
    expect((await listCollections(db)).map((c) => c.id)).toEqual(['c1']);
    await addPack(db, meta('a'), content('a'));
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['a']);
  });
});
