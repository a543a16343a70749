// The one message contract between the content script, the background and
// the popup. Every request names its type; the response type follows from
// it, so a sender and its handler cannot disagree.

import type { CardMatch, EntityCard } from './cards';
import type { Found } from './discover/common';
import type { Article, EntityType, Lang, SpotterEntry } from './model';
import type { ArticleItem, EntityChip, PopupViewData, PopupViewRequest, SearchRequest } from './popup-view';

/** Requests the background answers. */
export type BackgroundRequest =
  /** Every alias: an import looks for all of them in its articles (the options page). */
  | { type: 'spotter:entries' }
  /** The aliases that may match on a page with these word hashes: every word asked so far, the last `fresh` of them new (page/vocabulary.ts). */
  | { type: 'spotter:aliases'; words: number[]; fresh: number }
  | { type: 'card:get'; entity: string; lang: Lang; match?: CardMatch }
  | { type: 'page:report'; counts: Record<string, number> }
  | { type: 'reader:open'; article: string }
  | ({ type: 'popup:view' } & PopupViewRequest)
  /** The reader is about to search (the popup's search box has the focus): the search index is made ready. */
  | { type: 'search:prepare' }
  | ({ type: 'articles:search' } & SearchRequest)
  | { type: 'article:get'; id: string }
  | { type: 'entities:list'; lang: Lang }
  | { type: 'frames:counts'; tabId: number }
  | { type: 'frames:reveal'; tabId: number; entity: string }
  /** `found`: the proper names the asking page found in `text` (core/discover); the background leaves the known ones out. */
  | { type: 'names:unknown'; text: string; found: Found[] };

/** An article for the reader page, with its collection's name when it was imported. */
export interface ReaderArticle {
  article: Article;
  collectionName?: string;
}

export interface BackgroundResponses {
  'spotter:entries': SpotterEntry[];
  'spotter:aliases': SpotterEntry[];
  'card:get': EntityCard | null;
  'page:report': { ok: true };
  'reader:open': { ok: true };
  'popup:view': PopupViewData;
  'search:prepare': { ok: true };
  'articles:search': ArticleItem[];
  'article:get': ReaderArticle | null;
  /** Every entity (bundled and the reader's own), named in `lang`. */
  'entities:list': EntityChip[];
  /** Mentions in a tab's frames other than the top one (which answers page:summary itself). */
  'frames:counts': Record<string, number>;
  /** Reveals a name that only a frame of the page holds; whether one did. */
  'frames:reveal': { shown: boolean };
  /** Proper names in a page's text that no entity answers to, most frequent first (core/discover). */
  'names:unknown': UnknownName[];
}

/** A name Repères does not know yet, with how often the text has it and its guessed type. */
export interface UnknownName {
  text: string;
  type: EntityType;
  count: number;
}

/** Requests a tab's content script answers. */
export type ContentRequest =
  { type: 'page:summary' } | { type: 'page:reveal'; entity: string } | { type: 'page:step'; direction: 1 | -1 } | { type: 'page:text' };

export interface PageSummary {
  /** entity id → number of mentions on the page, in the categories shown */
  counts: Record<string, number>;
  /** The page's host name, for "off on this site". */
  host: string;
  /** Whether Repères works on the page (not paused, not off for the site). */
  active: boolean;
  /** The page's title, for text similarity (stays in the browser, like everything). */
  title: string;
}

export interface ContentResponses {
  'page:summary': PageSummary;
  /** Whether a mention was found and shown. */
  'page:reveal': { shown: boolean };
  /** Whether there was a mention to move to. */
  'page:step': { shown: boolean };
  /** The page's reading text (as it is scanned) and its declared language, for the names Repères does not know. */
  'page:text': { text: string; lang: string };
}

export type ResponseOf<R extends { type: string }, Map> = R['type'] extends keyof Map ? Map[R['type']] : never;
