// A hover card's data for one entity, cut out of the dataset: what buildCard
// reads about it, and nothing else. The background stores one slice per
// entity when the dataset changes (store/derived.ts); a worker that has just
// woken answers a card from the few slices it needs, without rebuilding the
// whole dataset's index, and with the same buildCard, so the card is the one
// the full index gives. Article texts are not in a slice: the store keeps
// them, and the caller reads those of the listed articles itself.

import { MAX_CARD_ARTICLES, MAX_CARD_RELATED, type CardMatch } from './cards';
import { DATASET_VERSION } from './compile';
import { coMentioned, dateSpan, type DatasetIndex, type DateSpan } from './dataset-index';
import type { Article, Entity, Posting } from './model';

/** An article without its text. */
export type ArticleMeta = Omit<Article, 'body'>;

/** `a` without its text: what slices, cards and the popup list. */
export function articleMeta({ body: _, ...a }: Article): ArticleMeta {
  return a;
}

/** An entity mentioned with the slice's own, as a card names it. */
export interface RelatedEntity {
  id: string;
  type: Entity['type'];
  name: Entity['name'];
  /** Articles they share (the dataset's co-occurrence count). */
  count: number;
}

/** Plain data (structured-clone and JSON safe). */
export interface CardSlice {
  entity: Entity;
  /** Every article that mentions it, newest first: a card counts them, per month and in all. */
  articleIds: string[];
  /** Those articles' dates (YYYY-MM-DD), at the same positions. */
  articleDates: string[];
  /** The first of those articles, the ones a card lists, and where the entity is first mentioned in each. */
  listed: { article: ArticleMeta; posting: Posting }[];
  /** The entities most often mentioned with it, those the dataset knows, most shared first. */
  related: RelatedEntity[];
  /** The whole dataset's period: a card's timeline spans it. */
  span: DateSpan;
}

/** The slice of entity `id` in `index`, listing up to `listed` articles (as many as a card lists). */
export function sliceOf(index: DatasetIndex, id: string, listed = MAX_CARD_ARTICLES): CardSlice | undefined {
  const entity = index.entity.get(id);
  if (!entity) return undefined;
  const articleIds = index.articlesOf.get(id) ?? [];
  const postings = index.posting.get(id);
  const { newest, oldest } = dateSpan(index);
  return {
    entity,
    articleIds: [...articleIds],
    articleDates: articleIds.map((a) => index.article.get(a)!.date),
    listed: articleIds.slice(0, listed).map((a) => ({ article: articleMeta(index.article.get(a)!), posting: postings!.get(a)! })),
    related: coMentioned(index, id, MAX_CARD_RELATED).map(({ id: other, count }) => {
      const e = index.entity.get(other)!;
      return { id: e.id, type: e.type, name: e.name, count };
    }),
    // Only the dates there are: an absent one must stay absent through JSON.
    span: { ...(newest !== undefined ? { newest } : {}), ...(oldest !== undefined ? { oldest } : {}) },
  };
}

/** A slice for every entity of `index`. */
export function* allSlices(index: DatasetIndex, listed = MAX_CARD_ARTICLES): Generator<CardSlice> {
  for (const id of index.entity.keys()) yield sliceOf(index, id, listed)!;
}

/**
 * The entities a card's match names, besides its own: the namesakes it was
 * chosen over and the name that decided. The card needs them whole (their
 * name, role, country, description): the caller reads their slices too.
 */
export function entitiesNamedBy(match?: CardMatch): string[] {
  const how = match?.how;
  return [...new Set([...(how?.others ?? []), ...(how?.by !== undefined ? [how.by] : [])])];
}

/**
 * A dataset index made from one slice, on which buildCard gives the slice's
 * entity the card the full index gives it. For that card only: it knows the
 * other entities by what the card shows of them, and the articles it does
 * not list by their date alone.
 *
 * `others`: the entities `entitiesNamedBy(match)` names (their slices'
 * `entity`; one the dataset does not know is left out, as the full index has
 * none). `bodies`: the texts of the listed articles; a missing one is empty,
 * as an imported article's text is in the full index until it is loaded.
 */
export function sliceIndex(main: CardSlice, others: readonly Entity[], bodies: ReadonlyMap<string, string>): DatasetIndex {
  const id = main.entity.id;
  const entity = new Map<string, Entity>();
  // A co-mentioned entity is named only; one the match names comes whole, and the card's own entity above all.
  for (const r of main.related) entity.set(r.id, { id: r.id, type: r.type, name: r.name, description: { en: '', fr: '' }, aliases: [] });
  for (const e of others) entity.set(e.id, e);
  entity.set(id, main.entity);
  const listed = new Map(main.listed.map((l) => [l.article.id, l]));
  const articles: Article[] = main.articleIds.map((a, i) => {
    const l = listed.get(a);
    if (l) return { ...l.article, body: bodies.get(a) ?? '' };
    // Counted, not listed: a card reads only its date.
    return { id: a, date: main.articleDates[i]!, title: '', lang: 'en', source: '', summary: '', body: '' };
  });
  const postings = main.listed.map((l) => l.posting);
  return {
    dataset: {
      version: DATASET_VERSION,
      entities: [...entity.values()],
      articles,
      postings: { [id]: postings },
      cooccurrence: { [id]: main.related.map((r): [string, number] => [r.id, r.count]) },
      stopPhrases: [],
    },
    entity,
    article: new Map(articles.map((a) => [a.id, a])),
    articlesOf: new Map([[id, [...main.articleIds]]]),
    posting: new Map([[id, new Map(postings.map((p) => [p.article, p]))]]),
    entitiesOf: new Map(articles.map((a) => [a.id, new Set([id])])),
    span: main.span,
  };
}
