// Related coverage: dataset articles ranked by the entities they share with
// the page. Each shared entity weighs by its rarity in the dataset (inverse
// document frequency): a name found in two articles says more about a page
// than "Afghanistan", found in nearly all. Entities work across languages (a
// French page finds English articles); the text similarity of the page's
// title with an article's title and summary adds to that.

import type { DatasetIndex } from './dataset-index';
import { TextIndex, type Similarity } from './text-similarity';

/** How much a perfect title match weighs against shared entities. */
export const TEXT_WEIGHT = 3;

export interface RelatedArticle {
  id: string;
  score: number;
  /** Shared entity ids, the rarest (most telling) first. */
  shared: string[];
}

/**
 * What ranking reads of the dataset: a full index has it all, and a woken
 * background has it from the page's entities' card slices (core/card-slices.ts).
 */
export interface RankingSource {
  /** How many articles the dataset has. */
  articleCount: number;
  /** The articles that mention an entity. */
  articlesOf(entity: string): readonly string[] | undefined;
  /** The date of an article that mentions one of the page's entities. */
  dateOf(article: string): string;
}

export function rankingSource(index: DatasetIndex): RankingSource {
  return { articleCount: index.dataset.articles.length, articlesOf: (id) => index.articlesOf.get(id), dateOf: (id) => index.article.get(id)!.date };
}

export function rarity(source: RankingSource, entityId: string): number {
  const df = source.articlesOf(entityId)?.length ?? 0;
  return df === 0 ? 0 : Math.log(1 + source.articleCount / df);
}

/**
 * @param pageCounts entity id → how many times the page mentions it
 */
export function rankRelated(
  source: RankingSource,
  pageCounts: ReadonlyMap<string, number>,
  limit = 10,
  text?: { index: Similarity; query: string },
): RelatedArticle[] {
  const scores = new Map<string, { score: number; shared: { id: string; rarity: number }[] }>();
  for (const [entityId, count] of pageCounts) {
    if (count <= 0) continue;
    const r = rarity(source, entityId);
    // A name the page repeats matters more, with diminishing returns.
    const weight = r * (1 + Math.log(count));
    for (const articleId of source.articlesOf(entityId) ?? []) {
      const s = scores.get(articleId) ?? { score: 0, shared: [] };
      s.score += weight;
      s.shared.push({ id: entityId, rarity: r });
      scores.set(articleId, s);
    }
  }
  // Text similarity only re-ranks what shares an entity: a title alone says little.
  if (text && text.query.trim()) {
    const similar = text.index.similar(text.query);
    for (const [id, s] of scores) s.score += TEXT_WEIGHT * (similar.get(id) ?? 0);
  }
  // Only the best `limit` are wanted: keep them in a small sorted list rather
  // than sorting every candidate (10,000 articles: see npm run bench).
  const better = (a: [string, number], b: [string, number]) => a[1] > b[1] || (a[1] === b[1] && source.dateOf(a[0]) > source.dateOf(b[0]));
  const top: [string, number][] = [];
  for (const [id, s] of scores) {
    const entry: [string, number] = [id, s.score];
    if (top.length === limit && !better(entry, top[limit - 1]!)) continue;
    let k = top.length;
    while (k > 0 && better(entry, top[k - 1]!)) k--;
    top.splice(k, 0, entry);
    if (top.length > limit) top.pop();
  }
  return top.map(([id, score]) => ({
    id,
    score,
    shared: scores
      .get(id)!
      .shared.sort((a, b) => b.rarity - a.rarity || a.id.localeCompare(b.id))
      .map((x) => x.id),
  }));
}

/** The text index ranking uses: each article's title and summary. */
export function articleTextIndex(index: DatasetIndex): TextIndex {
  return new TextIndex(index.dataset.articles.map((a) => ({ id: a.id, text: `${a.title} ${a.summary}` })));
}
