// Related coverage: dataset articles ranked by the entities they share with
// the page. Each shared entity weighs by its rarity in the dataset (inverse
// document frequency): a name found in two articles says more about a page
// than "Afghanistan", found in nearly all.

import type { DatasetIndex } from './dataset-index';

export interface RelatedArticle {
  id: string;
  score: number;
  /** Shared entity ids, the rarest (most telling) first. */
  shared: string[];
}

export function rarity(index: DatasetIndex, entityId: string): number {
  const n = index.dataset.articles.length;
  const df = index.articlesOf.get(entityId)?.length ?? 0;
  return df === 0 ? 0 : Math.log(1 + n / df);
}

/**
 * @param pageCounts entity id → how many times the page mentions it
 */
export function rankRelated(index: DatasetIndex, pageCounts: ReadonlyMap<string, number>, limit = 10): RelatedArticle[] {
  const scores = new Map<string, { score: number; shared: { id: string; rarity: number }[] }>();
  for (const [entityId, count] of pageCounts) {
    if (count <= 0) continue;
    const r = rarity(index, entityId);
    // A name the page repeats matters more, with diminishing returns.
    const weight = r * (1 + Math.log(count));
    for (const articleId of index.articlesOf.get(entityId) ?? []) {
      const s = scores.get(articleId) ?? { score: 0, shared: [] };
      s.score += weight;
      s.shared.push({ id: entityId, rarity: r });
      scores.set(articleId, s);
    }
  }
  return [...scores]
    .map(([id, s]) => ({
      id,
      score: s.score,
      shared: s.shared.sort((a, b) => b.rarity - a.rarity || a.id.localeCompare(b.id)).map((x) => x.id),
    }))
    .sort((a, b) => b.score - a.score || (index.article.get(b.id)!.date.localeCompare(index.article.get(a.id)!.date)))
    .slice(0, limit);
}
