// The background's packed alias index (core/alias-index.ts), kept in the
// derived database (store/derived.ts) as its typed arrays: read back in one
// request, with nothing to parse, by a service worker that has just woken.
import type { PackedAliases } from '../core/alias-index';
import type { Derived } from './derived';

const RECORD = 'packed';

interface StoredAliases extends PackedAliases {
  /** The dataset version the index was built from (utils/gateway.ts). */
  key: string;
}

export async function writeAliases(db: Derived, key: string, packed: PackedAliases): Promise<void> {
  const record: StoredAliases = { key, ...packed };
  await db.put('aliases', record, RECORD);
}

/** The stored index when it was built from dataset version `key`, else null. */
export async function readAliases(db: Derived, key: string): Promise<PackedAliases | null> {
  const stored = (await db.get('aliases', RECORD)) as StoredAliases | undefined;
  if (stored?.key !== key) return null;
  const { keys, starts, data, count } = stored;
  return { keys, starts, data, count };
}
