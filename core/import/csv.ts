// CSV and TSV: a header row naming the columns (in English or French, with
// synonyms), then one article per row. The delimiter is detected among , ; tab |.
// Problems name spreadsheet rows (the header is row 1), which differ from
// lines when a quoted field spans several lines.

import Papa from 'papaparse';
import { Drafts, fieldFor, REQUIRED_FIELDS, type Field, type RawRecord } from './drafts';
import type { Parser } from './formats';
import type { Parsed } from './types';
import { describeError, said, type MessageCode } from './messages';

export const CSV_DELIMITERS = [',', ';', '\t', '|'];

export interface CsvOptions {
  /** The delimiter to use when the header row does not show it (a .tsv file); papaparse guesses otherwise. */
  delimiter?: string;
}

const QUOTE_MESSAGES: Record<string, MessageCode> = {
  MissingQuotes: 'unclosedQuote',
  InvalidQuotes: 'undoubledQuote',
};

export function parseCsv(text: string, file: string, options: CsvOptions = {}): Parsed {
  const drafts = new Drafts(file);
  try {
    let columns: (Field | null)[] | null = null;
    let row = 0;
    const source = text.replace(/^\uFEFF/, '');
    Papa.parse<string[]>(source, {
      delimiter: detectDelimiter(source) || options.delimiter || '',
      delimitersToGuess: CSV_DELIMITERS,
      skipEmptyLines: false,
      step: (results, parser) => {
        row++;
        const cells = results.data;
        const errors = results.errors.filter((e) => e.type !== 'Delimiter');
        if (columns === null) {
          columns = readHeader(cells, drafts);
          if (columns === null) parser.abort();
          return;
        }
        const place = { origin: { row }, unit: 'row', index: row };
        if (errors.length === 0 && cells.every((c) => c.trim() === '')) return; // a blank row
        if (!drafts.admit(place)) {
          parser.abort();
          return;
        }
        if (errors.length > 0) {
          for (const code of new Set(errors.map((e) => QUOTE_MESSAGES[e.code] ?? e.message)))
            drafts.error({ row }, code === 'unclosedQuote' || code === 'undoubledQuote' ? said(code) : code);
          return;
        }
        const width = columns.length;
        const extra = cells.slice(width);
        if (cells.length < width || extra.some((c) => c.trim() !== '')) {
          drafts.error({ row }, said('fieldCount', { cells: cells.length, width }));
          return;
        }
        const record: RawRecord = {};
        columns.forEach((field, i) => {
          if (field && record[field] === undefined) record[field] = cells[i];
        });
        drafts.build(record, place);
      },
    });
  } catch (e) {
    drafts.error({}, said('detail', { what: 'could not read this CSV file', detail: describeError(e) }));
  }
  return drafts.result('csv');
}

/**
 * The delimiter from the header row: the candidate that splits it into the
 * most known column names (then the most columns). '' (let papaparse guess)
 * when no candidate gives a known name.
 */
/** The parser as the import runs it: a .tsv or .tab file is read as tab-separated. */
export const parseCsvFile: Parser = (text, file, opts) => parseCsv(text, file, /^(tsv|tab)$/.test(opts.extension) ? { delimiter: '\t' } : {});

export function detectDelimiter(text: string): string {
  const header = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  let best = '';
  let bestKnown = 0;
  let bestCells = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const cells = header.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    const known = cells.filter((c) => fieldFor(c) !== null).length;
    if (known > bestKnown || (known === bestKnown && known > 0 && cells.length > bestCells)) {
      best = delimiter;
      bestKnown = known;
      bestCells = cells.length;
    }
  }
  return best;
}

/** The field of each column, or null (with an error) when a required column is missing. */
function readHeader(cells: string[], drafts: Drafts): (Field | null)[] | null {
  const names = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  const columns: (Field | null)[] = [];
  const taken = new Map<Field, string>();
  const ignored: string[] = [];
  for (const name of names) {
    const field = fieldFor(name);
    if (field && taken.has(field)) {
      drafts.warn({ row: 1 }, said('duplicateColumn', { first: taken.get(field) ?? '', name, field }), name);
      columns.push(null);
      continue;
    }
    if (field) taken.set(field, name);
    else if (name) ignored.push(name);
    columns.push(field);
  }
  const missing = REQUIRED_FIELDS.filter((f) => !taken.has(f));
  if (missing.length > 0) {
    const found = names.filter(Boolean).map((n) => `'${n.slice(0, 40)}'`);
    drafts.error({ row: 1 }, said('missingColumns', { columns: missing.join(', '), found: found.join(', ') }), missing.join(', '));
    return null;
  }
  if (ignored.length > 0) drafts.warn({ row: 1 }, said('ignoredColumns', { names: ignored.map((n) => `'${n.slice(0, 40)}'`).join(', ') }));
  return columns;
}
