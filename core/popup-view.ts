// What the popup shows, computed where the dataset lives (the background):
// the page's entities with their names, related coverage with the reasons,
// and search results. Plain data in, plain data out, so it crosses the
// message channel and is tested in Node.

import { popupStrings } from './i18n-popup';
import type { DatasetIndex } from './dataset-index';
import type { Article, EntityType, Lang } from './model';
import { articleTextIndex, rankRelated } from './related';
import { createSearch, type ArticleSearch } from './search';
import type { TextIndex } from './text-similarity';

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

export class PopupView {
  private search: ArticleSearch | null = null;
  private text: TextIndex | null = null;

  constructor(
    private readonly index: DatasetIndex,
    private readonly collectionNames: ReadonlyMap<string, string> = new Map(),
  ) {}

  private chip(id: string, lang: Lang): EntityChip {
    const e = this.index.entity.get(id)!;
    return { id, name: e.name[lang] || e.name.en, type: e.type };
  }

  private item(id: string, lang: Lang, shared?: string[]): ArticleItem {
    const { body: _body, ...a } = this.index.article.get(id)!;
    const name = a.collection ? this.collectionNames.get(a.collection) : undefined;
    const base: ArticleItem = { ...a, ...(name ? { collectionName: name } : {}) };
    if (!shared) return base;
    const chips = shared.map((s) => this.chip(s, lang));
    return {
      ...base,
      shared: chips.slice(0, 6),
      reason: popupStrings(lang).reason(
        chips.map((c) => c.name),
        chips.length,
      ),
    };
  }

  view({ counts, title, lang, hidden }: PopupViewRequest): PopupViewData {
    const known = Object.entries(counts).filter(([id]) => this.index.entity.has(id));
    this.text ??= articleTextIndex(this.index);
    return {
      pageEntities: known.map(([id, count]) => ({ ...this.chip(id, lang), count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      related: rankRelated(this.index, new Map(known), RELATED_SHOWN, { index: this.text, query: title }).map((r) => this.item(r.id, lang, r.shared)),
      hidden: hidden.filter((id) => this.index.entity.has(id)).map((id) => this.chip(id, lang)),
    };
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
