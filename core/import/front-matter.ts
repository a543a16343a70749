// YAML front matter between two --- lines, then a body: the shape of a
// Markdown article, read by the import and by the dataset's own articles
// (scripts/load-sources.ts). Lines are 1-based lines of the whole file.

import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { said, type Said } from './messages';

export type FrontMatter =
  | {
      ok: true;
      /** The front matter's values, every scalar a string (the YAML failsafe schema: dates are read as written). */
      front: Record<string, unknown>;
      body: string;
      /** The line of a key of the front matter (of the first --- when the key is absent). */
      lineOfKey: (key: string) => number;
      bodyLine: number;
    }
  | { ok: false; errors: (Said & { line: number })[] };

/** Reads the front matter and the body; up to `maxErrors` YAML errors are reported. */
export function readFrontMatter(source: string, maxErrors = 5): FrontMatter {
  const md = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^\s*---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n([\s\S]*))?$/.exec(md);
  if (!m) return { ok: false, errors: [{ line: 1, ...said('noFrontMatter') }] };
  const frontStart = md.slice(0, md.indexOf('---')).split('\n').length; // the line of the first ---
  const counter = new LineCounter();
  const doc = parseDocument(m[1]!, { lineCounter: counter, schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0)
    return {
      ok: false,
      errors: doc.errors.slice(0, maxErrors).map((e) => ({
        line: frontStart + counter.linePos(e.pos[0]).line,
        ...said('detail', { what: 'front matter', detail: e.message.split('\n')[0] ?? '' }),
      })),
    };
  const front = doc.toJS() as unknown;
  const contents = doc.contents;
  if (typeof front !== 'object' || front === null || Array.isArray(front) || !isMap(contents))
    return { ok: false, errors: [{ line: frontStart + 1, ...said('frontMatterNotMap') }] };
  const lineOfKey = (key: string): number => {
    const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? frontStart + counter.linePos(range[0]).line : frontStart + 1;
  };
  return { ok: true, front: front as Record<string, unknown>, body: m[2] ?? '', lineOfKey, bodyLine: frontStart + m[1]!.split('\n').length + 2 };
}
