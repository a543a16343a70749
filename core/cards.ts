// What a hover card shows for an entity, computed from the dataset. Plain
// data: the component renders it, the background sends it.

import type { LocatorMap } from './map';
import type { ChoiceReason, MatchHow } from './resolve';
import { ARTICLE_DATE_RANGE, type Entity, type EntityType, type Lang, type Localized } from './model';
import { coMentioned, dateSpan, type DatasetIndex } from './dataset-index';
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
  /** People: their country; organisations and places: the country they belong to, in the reader's language. */
  country?: string;
  /** Places: inhabitants (GeoNames). */
  population?: number;
  /** YYYY-MM-DD: when the description and role were last known true ("as of"). */
  asOf?: string;
  /** The namesakes this entity was chosen over on the page, and why. */
  namesakes?: { why: ChoiceReason; others: { id: string; name: string; type: EntityType; hint: string }[] };
  /** How the mention was matched, for one line of the card: the form on the page, the rule, and the name it leans on. */
  match?: { form: string; rule: 'name' | MatchHow['rule']; name?: string };
  /** Mentions in the dataset by month, over the dataset's period. */
  timeline: { month: string; count: number }[];
  /** Places: a small locator map. */
  map?: LocatorMap;
  articleCount: number;
  articles: CardArticle[];
  related: { id: string; name: string; type: EntityType }[];
}

const pick = (text: Localized, lang: Lang) => text[lang] || text.en;

/** A card lists up to this many articles (it scrolls); the count says how many exist. */
export const MAX_CARD_ARTICLES = 10;

/** A card names at most this many entities mentioned with its own. */
export const MAX_CARD_RELATED = 6;

/** A timeline shows at most this many months, the latest (ten years). */
const MAX_TIMELINE_MONTHS = 120;

/**
 * The months a timeline spans, YYYY-MM: the dataset's period (the bundled
 * articles', widened by imported ones), at most MAX_TIMELINE_MONTHS.
 */
function months(index: DatasetIndex): string[] {
  const { newest = ARTICLE_DATE_RANGE.to, oldest = ARTICLE_DATE_RANGE.from } = dateSpan(index);
  const from = oldest < ARTICLE_DATE_RANGE.from ? oldest : ARTICLE_DATE_RANGE.from;
  const to = newest > ARTICLE_DATE_RANGE.to ? newest : ARTICLE_DATE_RANGE.to;
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) return out.slice(-MAX_TIMELINE_MONTHS);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

/** What a page knows of a mention: its text there, and how it was matched (core/resolve.ts). */
export interface CardMatch {
  form: string;
  how?: MatchHow;
}

export function buildCard(
  index: DatasetIndex,
  id: string,
  lang: Lang,
  maxArticles = MAX_CARD_ARTICLES,
  mapFor?: (coords: [number, number]) => LocatorMap,
  match?: CardMatch,
): EntityCard | null {
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
  const perMonth = new Map<string, number>();
  for (const articleId of articleIds) {
    const month = index.article.get(articleId)!.date.slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  }
  const code = entity.nationality ?? entity.country;
  // A country's card does not name itself as its country.
  const country = code && !(entity.type === 'place' && entity.country === code && !entity.within) ? regionName(lang, code) : undefined;
  const how = match?.how;
  const others = (how?.others ?? []).flatMap((other) => {
    const e = index.entity.get(other);
    if (!e) return [];
    // "Georgia (U.S. state)" says what tells it apart already.
    const name = pick(e.name, lang);
    return [{ id: e.id, name, type: e.type, hint: /\)$/.test(name) ? '' : hintOf(e, lang) }];
  });
  return {
    id,
    type: entity.type,
    name: pick(entity.name, lang),
    description: pick(entity.description, lang),
    ...(entity.role ? { role: pick(entity.role, lang) } : {}),
    ...(country ? { country } : {}),
    ...(entity.population ? { population: entity.population } : {}),
    ...(entity.asOf ? { asOf: entity.asOf } : {}),
    ...(how && (how.rule === 'context' || how.rule === 'prominence') && others.length ? { namesakes: { why: how.rule, others } } : {}),
    ...(match ? { match: cardMatch(index, entity, lang, match) } : {}),
    timeline: months(index).map((month) => ({ month, count: perMonth.get(month) ?? 0 })),
    ...(entity.coords && mapFor ? { map: mapFor(entity.coords) } : {}),
    articleCount: articleIds.length,
    articles,
    related: coMentioned(index, id, MAX_CARD_RELATED).map((c) => {
      const e = index.entity.get(c.id)!;
      return { id: e.id, name: pick(e.name, lang), type: e.type };
    }),
  };
}

/** A country's name in the reader's language ("XK", Kosovo, is not in every browser's list). */
function regionName(lang: Lang, code: string): string | undefined {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code);
  } catch {
    return undefined;
  }
}

/** What tells a namesake apart in a list: its role, or its country, or the start of its description. */
function hintOf(e: Entity, lang: Lang): string {
  if (e.role) return pick(e.role, lang);
  const code = e.nationality ?? e.country;
  const country = code ? regionName(lang, code) : undefined;
  // A country is no hint for itself.
  return country && country !== pick(e.name, lang) ? country : pick(e.description, lang).split(/[.;]/)[0]!;
}

/** The card's line on how a mention was matched: a short form leans on the entity's full name, a choice on the name that decided it. */
function cardMatch(index: DatasetIndex, entity: Entity, lang: Lang, { form, how }: CardMatch): NonNullable<EntityCard['match']> {
  const rule = how?.rule ?? 'name';
  const leanOn = rule === 'short' ? entity : how?.by ? index.entity.get(how.by) : undefined;
  return { form: form.slice(0, 80), rule, ...(leanOn ? { name: pick(leanOn.name, lang) } : {}) };
}
