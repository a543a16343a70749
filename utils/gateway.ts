// The knowledge gateway: the one place the background gets what Repères
// knows from, for every context (docs/adr/0008-knowledge-gateway.md). Its
// answers load what they need when they need it; no caller prepares it.
//
// Two kinds of data:
// - The full dataset: the bundled one, merged with the reader's imported
//   collections, entity packs (those switched on) and own entities from
//   IndexedDB, indexed. Built when the data changes, and on first use of
//   search or the options page's alias list after a wake.
// - Indexes derived from it and persisted (store/derived.ts): the packed
//   alias index (what a page may find, core/alias-index.ts) and one card
//   slice per entity (core/card-slices.ts). They are written once per
//   dataset version, when the data changes, so a service worker that has
//   just woken answers a page's words and a hover card by reading a few
//   records, without building the full dataset. Also the popup's title
//   index, one record per word, so that a woken worker answers the popup
//   from the page's entities' slices and the title's words.

import { aliasesFor, packAliases, type PackedAliases } from '../core/alias-index';
import { buildCard, MAX_CARD_ARTICLES, type CardMatch, type EntityCard } from '../core/cards';
import { allSlices, articleMeta, entitiesNamedBy, sliceIndex, sliceOf, type ArticleMeta, type CardSlice } from '../core/card-slices';
import { indexDataset, type DatasetIndex } from '../core/dataset-index';
import type { LocatorMap } from '../core/map';
import { entitiesMentions, entityMentions, importedArticle, mergeDataset, mergedEntries, type Extras, type UserEntity } from '../core/merge';
import type { Lang, SpotterEntry } from '../core/model';
import { PopupView, relatedFor, storedSource, viewOf, type PopupViewData, type PopupViewRequest } from '../core/popup-view';
import { queryTerms } from '../core/text-similarity';
import type { ReaderArticle } from '../core/messages';
import spotterJson from '../generated/spotter.json';
import { readAliases, writeAliases } from '../store/alias-store';
import {
  allArticles,
  enabledArticles,
  enabledPacks,
  getArticles,
  getBodies,
  listCollections,
  listEntities,
  openStore,
  putEntity,
  putPackContent,
  type Store,
  type StoredPack,
} from '../store/db';
import { openDerived, readSlices, readTerms, writeSlices, writeTerms, type Derived } from '../store/derived';
import { datasetRevisionItem } from './dataset-revision';
import { bundledDataset } from './dataset';

export interface Built {
  /** The dataset version it was built from (see `datasetKey`). */
  key: string;
  index: DatasetIndex;
  entries: SpotterEntry[];
  view: PopupView;
  /** collection id → its name */
  collectionNames: Map<string, string>;
}

/**
 * The version of what Repères knows: the bundled data (by content, set at
 * build time) and the revision of the reader's data (bumped after every
 * write, utils/dataset-revision.ts). Derived indexes belong to one version.
 */
export async function datasetKey(): Promise<string> {
  return `${__BUNDLED_DATA__}:${await datasetRevisionItem.getValue()}`;
}

/**
 * A reader's entity is looked for once, when it is new, over every article
 * there is (bundled, and imported in any collection, on or off); the result
 * is stored with it. Later imports find it themselves. Part of a build,
 * which runs when the data changed, never of an answer.
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
    // Texts stay in the database: a card or the reader page reads the few it shows.
    return {
      extras: { articles: articles.map((a) => ({ ...a, body: '' })), entities, packs },
      names: new Map(collections.map((c) => [c.id, c.name])),
    };
  } finally {
    db.close();
  }
}

async function build(key: string): Promise<Built> {
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
  return { key, index, entries, view: new PopupView(index, names), collectionNames: names };
}

/**
 * Writes the derived indexes of a build: the packed aliases, then the card
 * slices. Each record carries its version; a reader of another version
 * finds nothing and builds instead. A failure only costs the next wake a build.
 */
async function persist(built: Built, packed: PackedAliases): Promise<void> {
  const db = await openDerived();
  try {
    // Already there: this build only serves search, or a popup that found nothing stored.
    if (!(await readSlices(db, built.key, []))) {
      await writeAliases(db, built.key, packed);
      await writeSlices(db, built.key, allSlices(built.index));
    }
    if (!(await readTerms(db, built.key, []))) await writeTerms(db, built.key, built.view.textIndex().entries(), built.index.dataset.articles.length);
  } finally {
    db.close();
  }
}

/** The full dataset's build for a version, and the build itself once it is done. */
let current: { key: string; built: Promise<Built>; done?: Built } | null = null;

/** A read of the derived indexes; null when they cannot be read (the caller builds instead). */
async function fromDerived<T>(read: (db: Derived) => Promise<T | null>): Promise<T | null> {
  try {
    const db = await openDerived();
    try {
      return await read(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
let aliases: { key: string; packed: Promise<PackedAliases> } | null = null;

/** Builds the full dataset for `key`, and persists its derived indexes once. */
function buildFor(key: string): Promise<Built> {
  if (current?.key === key) return current.built;
  const built = build(key);
  const entry: NonNullable<typeof current> = { key, built };
  current = entry;
  void built.then((b) => (entry.done = b)).catch(() => undefined);
  // A failed build is retried on the next request.
  built.catch(() => {
    if (current?.built === built) current = null;
  });
  void built
    .then(async (b) => {
      const packed = packAliases(b.entries);
      if (aliases?.key !== key) aliases = { key, packed: Promise.resolve(packed) };
      await persist(b, packed);
    })
    .catch((e: unknown) => console.warn('[Repères] could not keep the derived indexes', e));
  return built;
}

/** The full dataset as of the latest version. */
export async function dataset(): Promise<Built> {
  return buildFor(await datasetKey());
}

/**
 * Builds the full dataset and its derived indexes now, if they are not of
 * the latest version: the background calls it when the data changed and
 * when the extension was installed or updated, so that no answer waits for it.
 */
export async function refresh(): Promise<void> {
  const key = await datasetKey();
  if (current?.key === key) return;
  if (!(await fromDerived((db) => readSlices(db, key, [])))) await buildFor(key);
}

/** The packed alias index of the latest version: in memory, else stored, else built. */
async function packedAliases(): Promise<PackedAliases> {
  const key = await datasetKey();
  if (aliases?.key === key) return aliases.packed;
  const packed = (async () => {
    const stored = await fromDerived((db) => readAliases(db, key));
    return stored ?? packAliases((await buildFor(key)).entries);
  })();
  aliases = { key, packed };
  packed.catch(() => {
    if (aliases?.packed === packed) aliases = null;
  });
  return packed;
}

/** The aliases that may match on a page with these word hashes (see core/alias-index.ts `aliasesFor`). */
export async function pageAliases(words: readonly number[], fresh: number): Promise<SpotterEntry[]> {
  return aliasesFor(await packedAliases(), words, fresh);
}

/** The texts of `ids`: bundled articles have theirs, imported ones are read from the store. */
async function bodiesOf(ids: readonly string[]): Promise<Map<string, string>> {
  const bundled = bundledDataset();
  const out = new Map<string, string>();
  const imported: string[] = [];
  for (const id of ids) {
    const a = bundled.article.get(id);
    if (a) out.set(id, a.body);
    else imported.push(id);
  }
  if (imported.length === 0) return out;
  const db = await openStore();
  try {
    for (const [id, body] of await getBodies(db, imported)) out.set(id, body);
  } finally {
    db.close();
  }
  return out;
}

/**
 * The slices a card needs: from the full dataset when it is built for the
 * latest version, else from the stored ones; null when neither is there
 * (then the full dataset is built).
 */
async function slicesFor(key: string, ids: readonly string[]): Promise<Map<string, CardSlice> | null> {
  // A build still running is not waited for: the stored slices answer meanwhile.
  if (current?.key === key && current.done) {
    const { index } = current.done;
    return new Map(ids.flatMap((id) => (index.entity.has(id) ? [[id, sliceOf(index, id)!] as const] : [])));
  }
  return fromDerived((db) => readSlices(db, key, ids));
}

/** An entity's hover card, with the texts of the articles it quotes. */
export async function card(entity: string, lang: Lang, mapFor: (coords: [number, number]) => LocatorMap, match?: CardMatch): Promise<EntityCard | null> {
  const key = await datasetKey();
  const named = entitiesNamedBy(match);
  let slices = await slicesFor(key, [entity, ...named]);
  if (!slices) {
    await buildFor(key);
    slices = await slicesFor(key, [entity, ...named]);
  }
  const found = slices ?? new Map<string, CardSlice>();
  const main = found.get(entity);
  if (!main) return null;
  const others = named.flatMap((id) => {
    const s = found.get(id);
    return s ? [s.entity] : [];
  });
  const bodies = await bodiesOf(main.listed.slice(0, MAX_CARD_ARTICLES).map((l) => l.article.id));
  return buildCard(sliceIndex(main, others, bodies), entity, lang, MAX_CARD_ARTICLES, mapFor, match);
}

/**
 * The popup's view of a page: from the full dataset when it is built for
 * the latest version, else from what is stored (the slices of the page's
 * entities and the entries of its title's words); the full dataset is built
 * only when neither is there. Both give the same view.
 */
export async function popupView(request: PopupViewRequest): Promise<PopupViewData> {
  const key = await datasetKey();
  if (!(current?.key === key && current.done)) {
    const stored = await fromDerived((db) => storedView(db, key, request));
    if (stored) return stored;
  }
  return (await buildFor(key)).view.view(request);
}

/** The popup's view from the stored slices and title index of version `key`; null when they are not of it. */
async function storedView(db: Derived, key: string, request: PopupViewRequest): Promise<PopupViewData | null> {
  const ids = [...new Set([...Object.keys(request.counts), ...request.hidden])];
  const [slices, terms] = await Promise.all([readSlices(db, key, ids), readTerms(db, key, queryTerms(request.title))]);
  if (!slices || !terms) return null;
  const source = storedSource(slices, terms.entries, terms.articles);
  const related = relatedFor(source, request);
  const { articles, names } = await articlesFor(related.map((r) => r.id));
  return viewOf({ ...source, article: (id) => articles.get(id), collectionNames: names }, request, related);
}

/**
 * The articles of `ids` without their texts, as the full dataset holds them,
 * and the names of the collections switched on (an imported article of one
 * switched off is not in the dataset). Bundled articles need no store.
 */
async function articlesFor(ids: readonly string[]): Promise<{ articles: Map<string, ArticleMeta>; names: Map<string, string> }> {
  const bundled = bundledDataset();
  const articles = new Map<string, ArticleMeta>();
  for (const id of ids) {
    const found = bundled.article.get(id);
    if (found) articles.set(id, articleMeta(found));
  }
  const imported = ids.filter((id) => !articles.has(id));
  if (imported.length === 0) return { articles, names: new Map() };
  const db = await openStore();
  try {
    const [stored, collections] = await Promise.all([getArticles(db, imported), listCollections(db)]);
    for (const [id, a] of stored) articles.set(id, importedArticle(a));
    return { articles, names: new Map(collections.filter((c) => c.enabled).map((c) => [c.id, c.name])) };
  } finally {
    db.close();
  }
}

/** An article for the reader page, with its text and its collection's name. */
export async function article(id: string): Promise<ReaderArticle | null> {
  // Read where it is kept, without the full dataset: the reader page is often opened from a popup a woken worker answered.
  const [{ articles, names }, bodies] = await Promise.all([articlesFor([id]), bodiesOf([id])]);
  const found = articles.get(id);
  const name = found?.collection === undefined ? undefined : names.get(found.collection);
  // Bundled, or of a collection switched on.
  if (!found || (found.collection !== undefined && name === undefined)) return null;
  return { article: { ...found, body: bodies.get(id) ?? '' }, ...(name !== undefined ? { collectionName: name } : {}) };
}
