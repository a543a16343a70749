// A newsroom's list of 100,000 names: previewed (read, checked, compared
// with the names in use), then made into a pack and stored in one
// transaction, and its names looked for once in the dataset's articles, as
// the background does when the pack is new. In Node: the options page and the
// background run the same code in V8; IndexedDB is fake-indexeddb's here.
import 'fake-indexeddb/auto';
import { spotterEntries } from '../../core/compile';
import { ownersOf, planPack } from '../../core/entity-lists/pack';
import { previewList } from '../../core/entity-lists/preview';
import { entitiesMentions } from '../../core/merge';
import type { Dataset } from '../../core/model';
import { addPack, openStore } from '../../store/db';
import { syntheticAliases } from './pages';

export async function benchLists(
  dataset: Dataset,
  size = 100_000,
): Promise<{ entities: number; csvBytes: number; previewMs: number; storeMs: number; scanMs: number }> {
  const names = syntheticAliases(size);
  const csv = [
    'name,type,aliases,description',
    ...names.map((n, i) => `${n},${['person', 'organization', 'place'][i % 3]},${n.split(' ')[1]} ${i},Entry ${i} of the bench list`),
  ].join('\n');
  const owners = ownersOf(spotterEntries(dataset.entities, dataset.stopPhrases));
  let t0 = performance.now();
  const preview = previewList(csv, 'bench.csv', owners);
  const previewMs = performance.now() - t0;
  if (!preview.ok || preview.drafts.length !== size) throw new Error(`bench list: ${preview.drafts.length} of ${size}, ${preview.problems[0]?.message}`);
  t0 = performance.now();
  const plan = planPack(preview.drafts, { packId: 'bench', defaultType: 'person', choice: 'keep', owners });
  const db = await openStore(`bench-lists-${Date.now()}`);
  await addPack(
    db,
    { id: 'bench', name: 'Bench', enabled: true, created: new Date().toISOString(), file: 'bench.csv', count: plan.entities.length, choice: 'keep' },
    { id: 'bench', entities: plan.entities, additions: plan.additions, removals: plan.removals },
  );
  const storeMs = performance.now() - t0;
  db.close();
  t0 = performance.now();
  entitiesMentions(plan.entities, dataset.articles, dataset.stopPhrases);
  const scanMs = performance.now() - t0;
  return { entities: plan.entities.length, csvBytes: csv.length, previewMs, storeMs, scanMs };
}
