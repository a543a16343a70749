// A Repères collection: the project's own JSON format, written by the export
// below and read back. Problems name the line of the JSON key.

import * as z from 'zod/mini';

// The extension's pages forbid eval (CSP): zod must not even try it to speed up parsing.
z.config({ jitless: true });
import { Drafts, type Field, type Place } from './drafts';
import { readJsonWithLines } from './json-tree';
import { COLLECTION_FORMAT, COLLECTION_VERSION } from './collection-format';
import type { Parsed } from './types';
import { describeError, said } from './messages';

/** The envelope; the articles are checked one by one so one bad article does not hide the others. */
const envelopeSchema = z.object({
  format: z.literal(COLLECTION_FORMAT, { error: `"format" should be "${COLLECTION_FORMAT}"` }),
  version: z.literal(COLLECTION_VERSION, { error: `"version" should be ${COLLECTION_VERSION}: this Repères reads version ${COLLECTION_VERSION} collections` }),
  name: z.string({ error: '"name" should be text' }).check(z.trim(), z.minLength(1, '"name" is empty')),
  exported: z.optional(z.iso.datetime({ offset: true, error: '"exported" should be an ISO 8601 date-time' })),
  articles: z.array(z.unknown(), { error: '"articles" should be a list' }),
});

const text = (name: string) => z.string({ error: `"${name}" should be text` });
const articleSchema = z.looseObject({
  id: z.optional(text('id')),
  title: text('title'),
  date: text('date'),
  lang: text('lang'),
  source: text('source'),
  url: z.optional(text('url')),
  summary: z.optional(text('summary')),
  text: text('text'),
});
const ARTICLE_KEYS = new Set(Object.keys(articleSchema.shape));

export function parseCollection(source: string, file: string): Parsed {
  const drafts = new Drafts(file);
  try {
    const read = readJsonWithLines(source);
    if (!read.ok) {
      for (const e of read.errors) drafts.error({ line: e.line }, said('detail', { what: 'not valid JSON', detail: e.code }));
      return drafts.result('reperes-json');
    }
    const { value, lineOf } = read;

    const envelope = envelopeSchema.safeParse(value);
    if (!envelope.success) {
      const fatal = new Set(['format', 'version', 'articles']);
      for (const issue of envelope.error.issues) {
        const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        drafts.error({ line: lineOf(path) }, path.length === 0 ? said('notACollection') : issue.message, path.join('.') || undefined);
      }
      if (envelope.error.issues.some((i) => i.path.length === 0 || fatal.has(String(i.path[0])))) return drafts.result('reperes-json');
    }
    const articles = (value as { articles: unknown[] }).articles;
    for (let i = 0; i < articles.length; i++) {
      const line = lineOf(['articles', i]);
      const place: Place = {
        origin: { line },
        unit: 'article',
        index: i + 1,
        prefix: true,
        fieldOrigin: (field: Field) => ({ line: lineOf(['articles', i, field]) }),
      };
      if (!drafts.admit(place)) break;
      const raw = articles[i];
      const parsed = articleSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const key = issue.path[0];
          const missing = typeof raw === 'object' && raw !== null && key !== undefined && !(String(key) in raw);
          const at = { atUnit: 'article', atIndex: i + 1 };
          const message =
            issue.path.length === 0
              ? said('notAnArticle', at)
              : missing
                ? said('keyMissing', { key: String(key), ...at })
                : `article ${i + 1}: ${issue.message}`;
          drafts.error(
            { line: lineOf(['articles', i, ...issue.path.filter((k): k is string | number => typeof k !== 'symbol')]) },
            message,
            key === undefined ? undefined : String(key),
          );
        }
        continue;
      }
      for (const key of Object.keys(parsed.data))
        if (!ARTICLE_KEYS.has(key))
          drafts.warn({ line: lineOf(['articles', i, key]) }, said('unknownKey', { key: key.slice(0, 40), atUnit: 'article', atIndex: i + 1 }), key);
      drafts.build(parsed.data, place);
    }
  } catch (e) {
    drafts.error({}, said('detail', { what: 'could not read this collection', detail: describeError(e) }));
  }
  return drafts.result('reperes-json');
}
