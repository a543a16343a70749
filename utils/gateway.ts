// The one place the background gets its dataset from: the bundled one,
// merged with the reader's imported collections and entity packs (those
// switched on) and own entities from IndexedDB. Built on first use and again whenever the dataset
// revision changes; every answer (alias list, cards, popup, reader) comes
// from the same build.
import { indexDataset, type DatasetIndex } from '../core/dataset-index';
import { entitiesMentions, entityMentions, mergeDataset, mergedEntries, type Extras, type UserEntity } from '../core/merge';
import type { SpotterEntry } from '../core/model';
import { PopupView } from '../core/popup-view';
import spotterJson from '../generated/spotter.json';
import {
  allArticles,
  enabledArticles,
  enabledPacks,
  getBodies,
  listEntities,
  openStore,
  putEntity,
  putPackContent,
  type Store,
  type StoredPack,
} from '../store/db';
import { datasetRevisionItem } from './dataset-revision';
import { bundledDataset } from './dataset';

export interface Built {
  revision: number;
  index: DatasetIndex;
  entries: SpotterEntry[];
  view: PopupView;
  /** collection id → its name */
  collectionNames: Map<string, string>;
}

/**
 * A reader's entity is scanned for once, when it is new, over every article
 * there is (bundled, and imported in any collection, on or off); the result
 * is stored with it. Later imports find it themselves.
 */
async function scanNewEntities(db: Store, entities: UserEntity[]): Promise<UserEntity[]> {
  const fresh = entities.filter((e) => !e.mentions);
  if (fresh.length === 0) return entities;
  const bundled = bundledDataset().dataset;
  const articles = [...bundled.articles, ...(await allArticles(db))];
  const scanned = new Map<string, UserEntity>();
  for (const e of fresh) {
    const withMentions = { ...e, mentions: entityMentions(e, articles, bundled.stopPhrases) };
    await putEntity(db, withMentions);
    scanned.set(e.id, withMentions);
  }
  return entities.map((e) => scanned.get(e.id) ?? e);
}

/**
 * A pack's entities are looked for once, when the pack is new, over every
 * article there is, in one pass for the whole list; the result is stored
 * with the pack, so a later start of the background reads it back.
 */
async function scanNewPacks(db: Store, packs: StoredPack[]): Promise<StoredPack[]> {
  if (packs.every((p) => p.entities.every((e) => e.mentions))) return packs;
  const bundled = bundledDataset().dataset;
  const articles = [...bundled.articles, ...(await allArticles(db))];
  return Promise.all(
    packs.map(async (pack) => {
      if (pack.entities.every((e) => e.mentions)) return pack;
      const found = entitiesMentions(pack.entities, articles, bundled.stopPhrases);
      const scanned = { ...pack, entities: pack.entities.map((e) => ({ ...e, mentions: found.get(e.id) ?? [] })) };
      await putPackContent(db, scanned);
      return scanned;
    }),
  );
}

async function readExtras(): Promise<{ extras: Extras; names: Map<string, string> }> {
  const db = await openStore();
  try {
    const [{ collections, articles }, stored, enabled] = await Promise.all([enabledArticles(db), listEntities(db), enabledPacks(db)]);
    const packs = await scanNewPacks(db, enabled);
    const entities = [...(await scanNewEntities(db, stored)), ...packs.flatMap((p) => p.entities)];
    // Texts stay in the database until a card or the reader needs them (withBodies).
    return {
      extras: { articles: articles.map((a) => ({ ...a, body: '' })), entities, packs },
      names: new Map(collections.map((c) => [c.id, c.name])),
    };
  } finally {
    db.close();
  }
}

async function build(revision: number): Promise<Built> {
  const bundled = bundledDataset();
  let extras: Extras = { articles: [], entities: [] };
  let names = new Map<string, string>();
  try {
    ({ extras, names } = await readExtras());
  } catch (e) {
    // The reader's data cannot be read (storage disabled, a corrupt profile):
    // Repères goes on with the bundled dataset rather than nothing.
    console.warn('[Repères] imported collections unavailable', e);
  }
  const dataset = mergeDataset(bundled.dataset, extras);
  const index = dataset === bundled.dataset ? bundled : indexDataset(dataset);
  // The bundled alias list was compiled at build time; JSON imports are typed only structurally.
  const entries = dataset === bundled.dataset ? (spotterJson as unknown as SpotterEntry[]) : mergedEntries(dataset);
  return { revision, index, entries, view: new PopupView(index, names), collectionNames: names };
}

let current: { revision: number; built: Promise<Built> } | null = null;

/** The dataset as of the latest revision. */
export async function dataset(): Promise<Built> {
  const revision = await datasetRevisionItem.getValue();
  if (!current || current.revision !== revision) {
    const built = build(revision);
    current = { revision, built };
    // A failed build is retried on the next request.
    built.catch(() => {
      if (current?.built === built) current = null;
    });
  }
  return current.built;
}

/**
 * Loads the texts of imported articles among `ids` that are not in memory
 * yet (a card's snippets, the reader's page). Bundled articles have theirs.
 */
export async function withBodies(index: DatasetIndex, ids: readonly string[]): Promise<void> {
  const missing = ids.filter((id) => {
    const a = index.article.get(id);
    return a?.collection !== undefined && a.body === '';
  });
  if (missing.length === 0) return;
  const db = await openStore();
  try {
    for (const [id, body] of await getBodies(db, missing)) {
      const a = index.article.get(id);
      if (a) a.body = body;
    }
  } finally {
    db.close();
  }
}
