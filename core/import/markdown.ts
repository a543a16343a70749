// One article in Markdown with YAML front matter, as in data/articles/*.md.
// Problems name the line of the YAML field.

import { readFrontMatter } from './front-matter';
import { Drafts, type Field, type Place, type RawRecord } from './drafts';
import type { Parsed } from './types';
import { describeError, said } from './messages';

const FRONT_MATTER_KEYS = new Set(['id', 'title', 'date', 'lang', 'source', 'url', 'summary', 'references']);

/** One article: YAML front matter between two --- lines (id?, title, date, lang, source, summary?, references?), then the body. */
export function parseMarkdown(source: string, file: string): Parsed {
  const drafts = new Drafts(file);
  try {
    const read = readFrontMatter(source);
    if (!read.ok) {
      for (const { line, ...message } of read.errors) drafts.error({ line }, message);
      return drafts.result('markdown');
    }
    const { front, lineOfKey, bodyLine } = read;
    const record: RawRecord = {};
    for (const [key, value] of Object.entries(front)) {
      if (!FRONT_MATTER_KEYS.has(key)) drafts.warn({ line: lineOfKey(key) }, said('unknownFrontMatterKey', { key: key.slice(0, 40) }), key);
      else if (key !== 'references') record[key as Field] = value;
    }
    record.text = read.body;
    const place: Place = {
      origin: { line: 1 },
      unit: 'article',
      index: 1,
      fieldOrigin: (field) => ({ line: field === 'text' ? bodyLine : lineOfKey(field) }),
    };
    drafts.record(record, place);
  } catch (e) {
    drafts.error({}, said('detail', { what: 'could not read this Markdown article', detail: describeError(e) }));
  }
  return drafts.result('markdown');
}
