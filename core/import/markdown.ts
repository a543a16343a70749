// One article in Markdown with YAML front matter, as in data/articles/*.md.
// Problems name the line of the YAML field.

import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { describeError, Drafts, type Field, type Place, type RawRecord } from './drafts';
import type { Parsed } from './types';
import { said } from './messages';

const FRONT_MATTER_KEYS = new Set(['id', 'title', 'date', 'lang', 'source', 'url', 'summary', 'references']);

/** One article: YAML front matter between two --- lines (id?, title, date, lang, source, summary?, references?), then the body. */
export function parseMarkdown(source: string, file: string): Parsed {
  const drafts = new Drafts(file);
  try {
    const md = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const m = /^\s*---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n([\s\S]*))?$/.exec(md);
    if (!m) {
      drafts.error({ line: 1 }, said('noFrontMatter'));
      return drafts.result('markdown');
    }
    const frontStart = md.slice(0, md.indexOf('---')).split('\n').length; // the line of the first ---
    const counter = new LineCounter();
    // failsafe: every value stays a string, so dates are read as written.
    const doc = parseDocument(m[1]!, { lineCounter: counter, schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const e of doc.errors.slice(0, 5))
        drafts.error({ line: frontStart + counter.linePos(e.pos[0]).line }, said('detail', { what: 'front matter', detail: e.message.split('\n')[0] ?? '' }));
      return drafts.result('markdown');
    }
    const front = doc.toJS() as unknown;
    if (typeof front !== 'object' || front === null || Array.isArray(front) || !isMap(doc.contents)) {
      drafts.error({ line: frontStart + 1 }, said('frontMatterNotMap'));
      return drafts.result('markdown');
    }
    const contents = doc.contents;
    const lineOfKey = (key: string): number => {
      const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      return range ? frontStart + counter.linePos(range[0]).line : frontStart + 1;
    };
    const record: RawRecord = {};
    for (const [key, value] of Object.entries(front as Record<string, unknown>)) {
      if (!FRONT_MATTER_KEYS.has(key)) drafts.warn({ line: lineOfKey(key) }, said('unknownFrontMatterKey', { key: key.slice(0, 40) }), key);
      else if (key !== 'references') record[key as Field] = value;
    }
    const bodyLine = frontStart + m[1]!.split('\n').length + 2;
    record.text = m[2] ?? '';
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
