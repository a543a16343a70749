// Read-side views of a compiled dataset: lookups by id, document
// frequencies, co-occurrences. Built once per dataset and shared by cards,
// ranking and search.

import type { Article, Dataset, Entity } from './model';

export interface DatasetIndex {
  dataset: Dataset;
  entity: Map<string, Entity>;
  article: Map<string, Article>;
  /** entity id → ids of the articles that mention it, newest first */
  articlesOf: Map<string, string[]>;
  /** article id → the distinct entities it mentions */
  entitiesOf: Map<string, Set<string>>;
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const entity = new Map(dataset.entities.map((e) => [e.id, e]));
  const article = new Map(dataset.articles.map((a) => [a.id, a]));
  const articlesOf = new Map<string, string[]>();
  const entitiesOf = new Map<string, Set<string>>();
  const byDate = [...dataset.articles].sort((a, b) => b.date.localeCompare(a.date));
  for (const a of byDate) {
    const ids = new Set((dataset.mentions[a.id] ?? []).map((m) => m.entity).filter((id) => entity.has(id)));
    entitiesOf.set(a.id, ids);
    for (const id of ids) {
      const list = articlesOf.get(id);
      if (list) list.push(a.id);
      else articlesOf.set(id, [a.id]);
    }
  }
  return { dataset, entity, article, articlesOf, entitiesOf };
}

/** Entities most often mentioned in the same articles as `id`. */
export function coMentioned(index: DatasetIndex, id: string, limit: number): { id: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const articleId of index.articlesOf.get(id) ?? []) {
    for (const other of index.entitiesOf.get(articleId) ?? []) {
      if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([other, count]) => ({ id: other, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
    .slice(0, limit);
}
