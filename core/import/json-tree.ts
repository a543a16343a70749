// JSON read with the line of every value, so that a problem can name where
// it is: the Repères collection parser and the dataset's own checks
// (scripts/load-sources.ts) both read JSON this way.

import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { lineFinder } from './drafts';

export type JsonPath = (string | number)[];

export type JsonWithLines =
  | { ok: true; value: unknown; lineOf: (path: JsonPath) => number }
  /** Each syntax error with its line (a missing comma at the line where it belongs), at most `maxErrors`. */
  | { ok: false; errors: { line: number; code: string }[] };

/** Strict JSON (no comments, no trailing commas), or its syntax errors; `lineOf` walks up a path to the nearest node that exists. */
export function readJsonWithLines(source: string, maxErrors = 5): JsonWithLines {
  const json = source.replace(/^\uFEFF/, '');
  const lineAt = lineFinder(json);
  const errors: ParseError[] = [];
  const tree = parseTree(json, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !tree) {
    return {
      ok: false,
      errors: errors.slice(0, maxErrors).map((e) => {
        const code = printParseErrorCode(e.error);
        // A missing comma is found at the next value: name the line where the comma belongs.
        const at = code === 'CommaExpected' ? json.slice(0, e.offset).trimEnd().length - 1 : e.offset;
        return { line: lineAt(Math.max(0, at)), code };
      }),
    };
  }
  const lineOf = (path: JsonPath): number => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node: Node | undefined = findNodeAtLocation(tree, p);
      if (node) return lineAt(node.offset);
      if (p.length === 0) return 1;
    }
  };
  return { ok: true, value: JSON.parse(json) as unknown, lineOf };
}
