// What a hover card shows for an entity, computed from the dataset. Plain
// data: the component renders it, the background sends it.

import type { EntityType, Lang, Localized } from './model';
import { coMentioned, type DatasetIndex } from './dataset-index';
import { sentenceAround, type Snippet } from './text';

export interface CardArticle {
  id: string;
  title: string;
  date: string;
  lang: Lang;
  source: string;
  snippet: Snippet;
}

export interface EntityCard {
  id: string;
  type: EntityType;
  name: string;
  description: string;
  role?: string;
  articleCount: number;
  articles: CardArticle[];
  related: { id: string; name: string; type: EntityType }[];
}

const pick = (text: Localized, lang: Lang) => text[lang] || text.en;

/** A card lists up to this many articles (it scrolls); the count says how many exist. */
export const MAX_CARD_ARTICLES = 10;

export function buildCard(index: DatasetIndex, id: string, lang: Lang, maxArticles = MAX_CARD_ARTICLES): EntityCard | null {
  const entity = index.entity.get(id);
  if (!entity) return null;
  const articleIds = index.articlesOf.get(id) ?? [];
  const articles: CardArticle[] = [];
  for (const articleId of articleIds.slice(0, maxArticles)) {
    const a = index.article.get(articleId)!;
    const first = index.posting.get(id)!.get(articleId)!;
    articles.push({
      id: a.id,
      title: a.title,
      date: a.date,
      lang: a.lang,
      source: a.source,
      snippet: sentenceAround(a.body, first.start, first.end),
    });
  }
  return {
    id,
    type: entity.type,
    name: pick(entity.name, lang),
    description: pick(entity.description, lang),
    ...(entity.role ? { role: pick(entity.role, lang) } : {}),
    articleCount: articleIds.length,
    articles,
    related: coMentioned(index, id, 6).map((c) => {
      const e = index.entity.get(c.id)!;
      return { id: e.id, name: pick(e.name, lang), type: e.type };
    }),
  };
}
