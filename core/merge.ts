// The dataset every part of Repères reads: the bundled one, plus the reader's
// imported collections (those switched on) and the reader's own entities.
// Nothing is scanned again when they are merged: imported articles carry the
// mentions found when they were imported (the reader's entities included),
// and a reader's entity carries its mentions in the articles that existed
// when it was added. Merging costs a fraction of scanning every article
// again (`npm run bench`, the import figures), and the background merges on
// every start.

import { articleMentions, assembleDataset, spotterEntries, type ArticleMentions } from './compile';
import type { Article, Dataset, Entity, Lang, Posting, SpotterEntry } from './model';
import { applyPackChanges, type PackContent } from './entity-lists/pack';
import { buildIndex } from './spotter';

/** One mention summary as stored with an imported article. */
export type StoredMention = Posting & { entity: string };

/** An imported collection, as the store keeps it and a backup carries it. */
export interface CollectionMeta {
  id: string;
  name: string;
  enabled: boolean;
  /** ISO date-time of the import. */
  created: string;
  count: number;
  /** Oldest and newest article dates, YYYY-MM-DD. */
  from: string;
  to: string;
  langs: Lang[];
  /** The files it was imported from. */
  files: string[];
}

export interface ImportedArticle extends Article {
  collection: string;
  /** Its entities, found with the spotter when it was imported. */
  mentions: StoredMention[];
}

/** An imported article as the merged dataset holds it: its mentions go to the dataset's postings. */
export function importedArticle<A extends { mentions: StoredMention[] }>({ mentions: _, ...a }: A): Omit<A, 'mentions'> {
  return a;
}

/** An entity the reader added, with its mentions in the articles there were then. */
export interface UserEntity extends Entity {
  mentions?: StoredMention[];
}

export interface Extras {
  articles: readonly ImportedArticle[];
  /** The reader's own entities and those of the entity packs switched on. */
  entities: readonly UserEntity[];
  /** Names the packs add to or take from other entities (core/entity-lists/pack.ts). */
  packs?: readonly Pick<PackContent, 'additions' | 'removals'>[];
}

/** Where one entity is mentioned in `articles`, scanning for its aliases alone. */
export function entityMentions(entity: Entity, articles: Iterable<Pick<Article, 'id' | 'body'>>, stopPhrases: readonly string[] = []): StoredMention[] {
  return entitiesMentions([entity], articles, stopPhrases).get(entity.id) ?? [];
}

/**
 * Where each of `entities` is mentioned in `articles`, in one pass over them
 * with one index of all their aliases (a list of thousands of names is
 * scanned for once, not once per name).
 */
export function entitiesMentions(
  entities: readonly Entity[],
  articles: Iterable<Pick<Article, 'id' | 'body'>>,
  stopPhrases: readonly string[] = [],
): Map<string, StoredMention[]> {
  const out = new Map<string, StoredMention[]>(entities.map((e) => [e.id, []]));
  if (entities.length === 0) return out;
  const index = buildIndex(spotterEntries(entities, stopPhrases));
  for (const a of articles) for (const [entity, found] of articleMentions(index, a)) out.get(entity)?.push({ entity, ...found });
  return out;
}

export function toStoredMentions(mentions: ArticleMentions): StoredMention[] {
  return [...mentions].map(([entity, p]) => ({ entity, ...p }));
}

/** The bundled dataset's mentions, per article (the inverse of its postings). */
function bundledMentions(bundled: Dataset): Map<string, ArticleMentions> {
  const out = new Map<string, ArticleMentions>(bundled.articles.map((a) => [a.id, new Map()]));
  for (const [entity, list] of Object.entries(bundled.postings)) for (const p of list) out.get(p.article)?.set(entity, p);
  return out;
}

export function mergeDataset(bundled: Dataset, extras: Extras): Dataset {
  if (extras.articles.length === 0 && extras.entities.length === 0 && !extras.packs?.length) return bundled;
  const imported: Article[] = extras.articles.map(importedArticle);
  const articles: Article[] = [...bundled.articles, ...imported];
  const entities: Entity[] = applyPackChanges([...bundled.entities, ...extras.entities.map(({ mentions: _, ...e }) => e)], extras.packs ?? []);
  const known = bundledMentions(bundled);
  for (const a of extras.articles) known.set(a.id, new Map(a.mentions.map(({ entity, ...p }) => [entity, { ...p, article: a.id }])));
  for (const e of extras.entities) {
    // An entity not scanned yet (the background stores the result) is scanned here.
    for (const { entity, ...p } of e.mentions ?? entityMentions(e, articles, bundled.stopPhrases)) known.get(p.article)?.set(entity, p);
  }
  return assembleDataset(entities, articles, (a) => known.get(a.id) ?? new Map(), bundled.stopPhrases);
}

/** The content script's alias list for a merged dataset. */
export function mergedEntries(dataset: Dataset): SpotterEntry[] {
  return spotterEntries(dataset.entities, dataset.stopPhrases);
}
