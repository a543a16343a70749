// The dataset model: what the sources in data/ compile into, and what every
// part of Repères reads. Plain data, structured-clone safe (it crosses the
// message channel between background, content script and popup).

export const ENTITY_TYPES = ['person', 'organization', 'place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * The bundled articles' period (the dataset's sources are checked against
 * it). Here rather than in the schema, so the extension's views can read it
 * without bundling the schema library.
 */
export const ARTICLE_DATE_RANGE = { from: '2021-07-01', to: '2021-12-31' } as const;

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in each interface language. */
export type Localized = Record<Lang, string>;

export interface Alias {
  /** The form as a reader meets it, e.g. "Mazar-e Charif". */
  text: string;
  /**
   * Match only in this exact case (after accents are folded). For acronyms
   * and short forms that are also ordinary words: "UN" is not French "un".
   */
  exact?: boolean;
  /**
   * A partial form (a surname alone). Highlighted on a page only after the
   * entity's full name has appeared there.
   */
  short?: boolean;
  /**
   * A name that needs the page's support: a place name that is also an
   * ordinary word or a first name ("Nice", "Reading", "Florence"), or a
   * generic name other countries use too ("House of Representatives").
   * Taken only where the page names something of the same country, and
   * never as a sentence's first word.
   */
  common?: boolean;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: Localized;
  description: Localized;
  aliases: Alias[];
  /** Group names take a plural in running text: "les talibans". */
  plural?: boolean;
  /** A short line with its years ("Prime Minister of the United Kingdom (since 2024)"). */
  role?: Localized;
  /** People: ISO 3166-1 alpha-2 code. */
  nationality?: string;
  /** Organisations and places of one country: ISO 3166-1 alpha-2 code (a country: its own). */
  country?: string;
  /** Places: [latitude, longitude]. */
  coords?: [number, number];
  /** Places: inhabitants (GeoNames, for cities). */
  population?: number;
  /**
   * Countries: the inhabitants of their GeoNames towns, to weigh them against
   * a namesake city abroad (Armenia the country over Armenia in Colombia).
   * Not the country's population, and never shown.
   */
  prominence?: number;
  /** Places: the entity this one lies in (a city's state or country). */
  within?: string;
  /** Countries: their neighbours' ISO 3166-1 alpha-2 codes. */
  neighbours?: string[];
  /** YYYY-MM-DD: when the description and role were last known true. */
  asOf?: string;
  /** Where a reviewer can check the entry. Never shipped: removed when the sources are read. */
  references?: string[];
}

export interface Article {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  lang: Lang;
  source: string;
  summary: string;
  body: string;
  /** Where the article can be read (imported articles that had one). */
  url?: string;
  /** The imported collection it belongs to; bundled articles have none. */
  collection?: string;
}

/** Where an entity is mentioned in an article: UTF-16 offsets into `body`. */
export interface Mention {
  entity: string;
  start: number;
  end: number;
}

/** One article in an entity's postings: its first mention there, and how many. */
export interface Posting {
  article: string;
  start: number;
  end: number;
  count: number;
}

export interface Dataset {
  version: number;
  entities: Entity[];
  /** Newest first. */
  articles: Article[];
  /** entity id → the articles that mention it, newest first. */
  postings: Record<string, Posting[]>;
  /** entity id → [other entity id, articles they share], most shared first. */
  cooccurrence: Record<string, [string, number][]>;
  /** Phrases that contain a known name but are not that entity. */
  stopPhrases: string[];
}

/** The part of the dataset the content script needs to spot names. */
export interface SpotterEntry {
  entity: string;
  type: EntityType;
  alias: Alias;
  plural?: boolean;
  /**
   * A phrase that contains a known name but is not that entity ("Massoud
   * Circle", a street named after someone): matched like an alias, so the
   * longest match swallows the name, and never highlighted.
   */
  stop?: boolean;
  /** The entity's country (ISO code), for telling namesakes apart by the page's context. */
  cc?: string;
  /** The entity this one lies in (a city's state or country), likewise. */
  within?: string;
  /** Inhabitants, so that a far larger namesake can win when the page does not decide. */
  pop?: number;
  /** Countries: the codes of their neighbours, whose names on a page speak for them. */
  near?: string[];
}
