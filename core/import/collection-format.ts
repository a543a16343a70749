// The Repères collection format's name, version and writer: what the export
// produces. Its reader, with the schema, is in reperes-collection.ts and is
// loaded only when a collection is imported.

import type { DraftArticle } from './types';

export const COLLECTION_FORMAT = 'reperes-collection';
export const COLLECTION_VERSION = 1;

/** What an exported article holds: a draft's fields, without where it came from. */
export type ExportArticle = Omit<DraftArticle, 'origin'>;

/**
 * A collection as pretty-printed JSON, keys in a fixed order, ending with a
 * newline. `exported` defaults to now.
 */
export function toCollectionJson(name: string, articles: readonly ExportArticle[], exported: Date = new Date()): string {
  const collection = {
    format: COLLECTION_FORMAT,
    version: COLLECTION_VERSION,
    name,
    exported: exported.toISOString(),
    articles: articles.map((a) => ({
      ...(a.id !== undefined ? { id: a.id } : {}),
      title: a.title,
      date: a.date,
      lang: a.lang,
      source: a.source,
      ...(a.url !== undefined ? { url: a.url } : {}),
      summary: a.summary,
      text: a.body,
    })),
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
