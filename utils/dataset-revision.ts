// Signals that the reader's data (imported collections, own entities)
// changed. The options page bumps the revision after every write; the
// background rebuilds its dataset when it sees a new one, and content
// scripts fetch the new alias list and scan their page again.
import { storage } from 'wxt/utils/storage';

export const datasetRevisionItem = storage.defineItem<number>('local:datasetRevision', { fallback: 0, version: 1 });

export async function bumpDatasetRevision(): Promise<void> {
  await datasetRevisionItem.setValue((await datasetRevisionItem.getValue()) + 1);
}
