// JSON Lines: one JSON object per non-blank line, keys named like CSV columns.

import { Drafts, fieldFor, kindOf, type RawRecord } from './drafts';
import type { Parsed } from './types';
import { describeError, said } from './messages';

/** A record's keys mapped to fields; unknown keys reported once per file, at their first line. */
export function recordFromObject(object: Record<string, unknown>, line: number, drafts: Drafts, unknown: Set<string>): RawRecord {
  const record: RawRecord = {};
  for (const [key, value] of Object.entries(object)) {
    const field = fieldFor(key);
    if (field) {
      if (record[field] === undefined) record[field] = value;
    } else if (!unknown.has(key)) {
      unknown.add(key);
      drafts.warn({ line }, said('notArticleField', { key: key.slice(0, 40) }), key);
    }
  }
  return record;
}

export function parseJsonl(text: string, file: string): Parsed {
  const drafts = new Drafts(file);
  try {
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    const unknown = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      const source = lines[i]!.trim();
      if (source === '') continue;
      const line = i + 1;
      const place = { origin: { line }, unit: 'line', index: line };
      if (!drafts.admit(place)) break;
      let value: unknown;
      try {
        value = JSON.parse(source);
      } catch (e) {
        drafts.error({ line }, said('detail', { what: 'not valid JSON', detail: describeError(e) }));
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        drafts.error({ line }, said('notObjectLine', { kind: kindOf(value) }));
        continue;
      }
      drafts.build(recordFromObject(value as Record<string, unknown>, line, drafts, unknown), place);
    }
  } catch (e) {
    drafts.error({}, said('detail', { what: 'could not read this JSON Lines file', detail: describeError(e) }));
  }
  return drafts.result('jsonl');
}
