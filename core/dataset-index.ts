// Read-side views of a compiled dataset: lookups by id, the articles of an
// entity and the entities of an article. Built once per dataset and shared
// by cards, ranking and search.

import type { Article, Dataset, Entity, Posting } from './model';

export interface DatasetIndex {
  dataset: Dataset;
  entity: Map<string, Entity>;
  article: Map<string, Article>;
  /** entity id → ids of the articles that mention it, newest first */
  articlesOf: Map<string, string[]>;
  /** entity id → article id → where it is first mentioned there */
  posting: Map<string, Map<string, Posting>>;
  /** article id → the distinct entities it mentions */
  entitiesOf: Map<string, Set<string>>;
  /**
   * The whole dataset's newest and oldest article dates, for an index whose
   * `dataset.articles` are not all of them (one made from card slices,
   * core/card-slices.ts). Absent: read from `dataset.articles`.
   */
  span?: DateSpan;
}

/** Dates (YYYY-MM-DD) of a dataset's newest and oldest articles; none when it has no articles. */
export interface DateSpan {
  newest?: string;
  oldest?: string;
}

/** The period the dataset's articles cover. */
export function dateSpan(index: DatasetIndex): DateSpan {
  if (index.span) return index.span;
  const articles = index.dataset.articles;
  // Newest first: the last article is the oldest.
  return { newest: articles[0]?.date, oldest: articles[articles.length - 1]?.date };
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const entity = new Map(dataset.entities.map((e) => [e.id, e]));
  const article = new Map(dataset.articles.map((a) => [a.id, a]));
  const articlesOf = new Map<string, string[]>();
  const posting = new Map<string, Map<string, Posting>>();
  const entitiesOf = new Map<string, Set<string>>(dataset.articles.map((a) => [a.id, new Set<string>()]));
  for (const [id, list] of Object.entries(dataset.postings)) {
    if (!entity.has(id)) continue;
    const known = list.filter((p) => article.has(p.article));
    articlesOf.set(
      id,
      known.map((p) => p.article),
    );
    posting.set(id, new Map(known.map((p) => [p.article, p])));
    for (const p of known) entitiesOf.get(p.article)!.add(id);
  }
  return { dataset, entity, article, articlesOf, posting, entitiesOf };
}

/** Entities most often mentioned in the same articles as `id`. */
export function coMentioned(index: DatasetIndex, id: string, limit: number): { id: string; count: number }[] {
  return (index.dataset.cooccurrence[id] ?? [])
    .filter(([other]) => index.entity.has(other))
    .slice(0, limit)
    .map(([other, count]) => ({ id: other, count }));
}
