// What the popup shows, computed where the dataset lives (the background):
// the page's entities with their names, related coverage with the reasons,
// and search results. Plain data in, plain data out, so it crosses the
// message channel and is tested in Node.

import { popupStrings } from './i18n-popup';
import type { DatasetIndex } from './dataset-index';
import type { Article, Entity, EntityType, Lang } from './model';
import { articleTextIndex, rankingSource, rankRelated, type RankingSource, type RelatedArticle } from './related';
import { createSearch, type ArticleSearch } from './search';
import { TermSimilarity, type Similarity, type TermEntry, type TextIndex } from './text-similarity';
import { articleMeta, type ArticleMeta, type CardSlice } from './card-slices';

export interface EntityChip {
  id: string;
  name: string;
  type: EntityType;
}

export interface PageEntityItem extends EntityChip {
  count: number;
}

export interface ArticleItem extends Omit<Article, 'body'> {
  shared?: EntityChip[];
  /** Why it is related, in one line. */
  reason?: string;
  /** The imported collection's name, for articles that are not bundled. */
  collectionName?: string;
}

export interface SearchFilters {
  entity?: EntityChip;
  lang?: Lang;
  from?: string;
  to?: string;
}

/** Whether the popup searches at all: a query of two letters or more, or a filter. */
export function searching(query: string, f: SearchFilters): boolean {
  return query.trim().length >= 2 || !!(f.entity || f.lang || f.from || f.to);
}

export interface PopupViewRequest {
  counts: Record<string, number>;
  title: string;
  lang: Lang;
  hidden: string[];
}

export interface PopupViewData {
  pageEntities: PageEntityItem[];
  related: ArticleItem[];
  hidden: EntityChip[];
}

export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  lang: Lang;
}

/** Related articles the popup lists. */
export const RELATED_SHOWN = 8;
/** Search results the popup lists. */
export const RESULTS_SHOWN = 15;

/**
 * What the popup's view reads: the full dataset's index (PopupView), or
 * what a woken background has stored (the page's entities' card slices and
 * the title's words, utils/gateway.ts). Both give the same view.
 */
export interface ViewSource {
  entity(id: string): Pick<Entity, 'name' | 'type'> | undefined;
  /** An article without its text: asked only for those the view lists. */
  article(id: string): ArticleMeta | undefined;
  ranking: RankingSource;
  text: Similarity;
  collectionNames: ReadonlyMap<string, string>;
}

/**
 * What a view reads but its articles, from what a woken background has
 * stored: the slices of the page's entities (and of those hidden), the
 * title index's entries of the title's words, and the dataset's article
 * count. Every article ranking meets mentions one of the page's entities,
 * so their slices date them all.
 */
export function storedSource(
  slices: ReadonlyMap<string, CardSlice>,
  entries: Iterable<TermEntry>,
  articleCount: number,
): Omit<ViewSource, 'article' | 'collectionNames'> {
  const dates = new Map<string, string>();
  for (const s of slices.values()) s.articleIds.forEach((id, i) => dates.set(id, s.articleDates[i]!));
  return {
    entity: (id) => slices.get(id)?.entity,
    ranking: { articleCount, articlesOf: (id) => slices.get(id)?.articleIds, dateOf: (id) => dates.get(id)! },
    text: new TermSimilarity(entries),
  };
}

/** The page's entities the dataset knows, with their counts. */
function knownOf(source: Pick<ViewSource, 'entity'>, counts: Record<string, number>): [string, number][] {
  return Object.entries(counts).filter(([id]) => source.entity(id) !== undefined);
}

/** Related coverage for the page: which articles, and the entities they share with it. */
export function relatedFor(
  source: Pick<ViewSource, 'entity' | 'ranking' | 'text'>,
  { counts, title }: Pick<PopupViewRequest, 'counts' | 'title'>,
): RelatedArticle[] {
  return rankRelated(source.ranking, new Map(knownOf(source, counts)), RELATED_SHOWN, { index: source.text, query: title });
}

function chip(source: ViewSource, id: string, lang: Lang): EntityChip {
  const e = source.entity(id)!;
  return { id, name: e.name[lang] || e.name.en, type: e.type };
}

function item(source: ViewSource, id: string, lang: Lang, shared?: string[]): ArticleItem {
  const a = source.article(id)!;
  const name = a.collection ? source.collectionNames.get(a.collection) : undefined;
  const base: ArticleItem = { ...a, ...(name ? { collectionName: name } : {}) };
  if (!shared) return base;
  const chips = shared.map((s) => chip(source, s, lang));
  return {
    ...base,
    shared: chips.slice(0, 6),
    reason: popupStrings(lang).reason(
      chips.map((c) => c.name),
      chips.length,
    ),
  };
}

/** The popup's view of a page, its related coverage ranked (`relatedFor`). */
export function viewOf(source: ViewSource, { counts, lang, hidden }: PopupViewRequest, related: readonly RelatedArticle[]): PopupViewData {
  return {
    pageEntities: knownOf(source, counts)
      .map(([id, count]) => ({ ...chip(source, id, lang), count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    related: related.map((r) => item(source, r.id, lang, r.shared)),
    hidden: hidden.filter((id) => source.entity(id) !== undefined).map((id) => chip(source, id, lang)),
  };
}

export class PopupView {
  private search: ArticleSearch | null = null;
  private text: TextIndex | null = null;

  /** The full index as a view's source: the title index is built when first read (a view, not a search). */
  private readonly source: ViewSource;

  constructor(
    private readonly index: DatasetIndex,
    collectionNames: ReadonlyMap<string, string> = new Map(),
  ) {
    const textIndex = () => this.textIndex();
    this.source = {
      entity: (id) => index.entity.get(id),
      article: (id) => {
        const found = index.article.get(id);
        return found && articleMeta(found);
      },
      ranking: rankingSource(index),
      get text() {
        return textIndex();
      },
      collectionNames,
    };
  }

  /** The title index, as stored for a woken background (its entries). */
  textIndex(): TextIndex {
    return (this.text ??= articleTextIndex(this.index));
  }

  view(request: PopupViewRequest): PopupViewData {
    return viewOf(this.source, request, relatedFor(this.source, request));
  }

  private item(id: string, lang: Lang): ArticleItem {
    return item(this.source, id, lang);
  }

  /**
   * The search index, built once. The background builds it just after it
   * answers a popup's opening (prepareSearch), so the reader's first
   * keystroke does not wait for it, and no tab pays for it unless a popup opens.
   */
  private searchIndex(): ArticleSearch {
    return (this.search ??= createSearch(this.index));
  }

  prepareSearch(): void {
    this.searchIndex();
  }

  /** Search results, or the newest articles when the query is empty; filtered either way. */
  find({ query, filters, lang }: SearchRequest): ArticleItem[] {
    const ids =
      query.trim().length >= 2
        ? this.searchIndex()
            .search(query, 200)
            .map((r) => r.id)
        : this.index.dataset.articles.map((a) => a.id);
    const out: ArticleItem[] = [];
    for (const id of ids) {
      if (out.length >= RESULTS_SHOWN) break;
      if (this.passes(id, filters)) out.push(this.item(id, lang));
    }
    return out;
  }

  private passes(id: string, f: SearchFilters): boolean {
    const a = this.index.article.get(id)!;
    if (f.lang && a.lang !== f.lang) return false;
    if (f.from && a.date < f.from) return false;
    if (f.to && a.date > f.to) return false;
    return !f.entity || (this.index.entitiesOf.get(id)?.has(f.entity.id) ?? false);
  }
}
