// The dataset every part of Repères reads: the bundled one, plus the reader's
// imported collections (those switched on) and the reader's own entities.
// Imported articles carry the mentions found when they were imported, so
// merging is cheap; when the reader has entities of their own, every article
// is scanned again with the whole alias list, so that one rule (leftmost,
// longest, across all entities) decides every mention, bundled or not.

import { articleMentions, assembleDataset, spotterEntries, type ArticleMentions } from './compile';
import type { Article, Dataset, Entity, Posting, SpotterEntry } from './model';
import { buildIndex } from './spotter';

/** One mention summary as stored with an imported article. */
export type StoredMention = Posting & { entity: string };

export interface ImportedArticle extends Article {
  collection: string;
  /** Its entities, found with the spotter when it was imported. */
  mentions: StoredMention[];
}

export interface Extras {
  articles: readonly ImportedArticle[];
  entities: readonly Entity[];
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
  if (extras.articles.length === 0 && extras.entities.length === 0) return bundled;
  const entities = [...bundled.entities, ...extras.entities];
  const articles: Article[] = [...bundled.articles, ...extras.articles.map(({ mentions: _, ...a }) => a)];
  if (extras.entities.length > 0) {
    const index = buildIndex(spotterEntries(entities, bundled.stopPhrases));
    return assembleDataset(entities, articles, (a) => articleMentions(index, a), bundled.stopPhrases);
  }
  const known = bundledMentions(bundled);
  for (const a of extras.articles)
    known.set(a.id, new Map(a.mentions.map(({ entity, ...p }) => [entity, { ...p, article: a.id }])));
  return assembleDataset(entities, articles, (a) => known.get(a.id) ?? new Map(), bundled.stopPhrases);
}

/** The content script's alias list for a merged dataset. */
export function mergedEntries(dataset: Dataset): SpotterEntry[] {
  return spotterEntries(dataset.entities, dataset.stopPhrases);
}
