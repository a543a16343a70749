// Lists of names a newsroom or a researcher brings at once: CSV or TSV, JSON
// or JSON Lines with the fields name, type, aliases (separated by "|"),
// description, and optionally country, latitude, longitude, wikidata; and
// the results of a Wikidata query as the Query Service downloads them
// (SPARQL results JSON or CSV: ?item, ?itemLabel, ?itemDescription, an alias
// column, coordinates as "Point(lon lat)"). Every problem names its line or
// row; nothing here throws.

import Papa from 'papaparse';
import { simplifySparqlResults, type SparqlResults } from 'wikibase-sdk';
import { readJsonWithLines } from '../import/json-tree';
import { describeError, said, type Said } from '../import/messages';
import type { Problem } from '../import/types';
import { ENTITY_TYPES, type EntityType } from '../model';

/** Entities in one list: above this the list is refused (each becomes an alias in every tab's spotter). */
export const MAX_LIST_ENTITIES = 100_000;

export type ListFormat = 'csv' | 'json' | 'jsonl' | 'sparql-json' | 'sparql-csv';

export interface DraftEntity {
  name: string;
  /** Absent when the file does not say: the preview's choice applies. */
  type?: EntityType;
  aliases: string[];
  description: string;
  country?: string;
  coords?: [number, number];
  /** A Wikidata item id ("Q90"). */
  wikidata?: string;
  /** Where it is in the file: a line (JSON) or a row (CSV, the header is row 1). */
  line?: number;
  row?: number;
}

export interface ParsedList {
  format: ListFormat | null;
  entities: DraftEntity[];
  problems: Problem[];
}

/** Type names in English and French, singular and plural, as files write them. */
const TYPE_NAMES: Record<string, EntityType> = {};
for (const [type, names] of Object.entries({
  person: 'person persons people personne personnes human humain individu',
  organization: 'organization organizations organisation organisations org company entreprise société institution',
  place: 'place places lieu lieux location localité city ville country pays region région',
}) as [EntityType, string][])
  for (const name of names.split(' ')) TYPE_NAMES[name] = type;

/** The column or key each field is read from, in English and French, and as Wikidata queries name them. */
const FIELD_NAMES: Record<keyof Omit<DraftEntity, 'line' | 'row' | 'coords'> | 'latitude' | 'longitude' | 'coord', string[]> = {
  name: ['name', 'nom', 'label', 'itemlabel', 'title', 'titre'],
  type: ['type', 'category', 'catégorie', 'categorie', 'kind'],
  aliases: ['aliases', 'alias', 'altlabel', 'altlabels', 'alternatives', 'other names', 'autres noms', 'variants'],
  description: ['description', 'itemdescription', 'desc', 'about'],
  country: ['country', 'pays', 'countrycode', 'country code'],
  wikidata: ['wikidata', 'qid', 'item', 'wikidata id'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lon', 'lng', 'long'],
  coord: ['coord', 'coords', 'coordinates', 'location', 'coordonnées', 'point'],
};
type FieldName = keyof typeof FIELD_NAMES;
const FIELD_OF = new Map<string, FieldName>();
for (const [field, names] of Object.entries(FIELD_NAMES) as [FieldName, string[]][]) for (const n of names) FIELD_OF.set(n, field);

const fieldOf = (key: string) => FIELD_OF.get(key.trim().replace(/^\?/, '').toLowerCase());

/** The entity type a file's word names, or null. */
export function typeOf(raw: string): EntityType | null {
  const key = raw.trim().toLowerCase();
  return (ENTITY_TYPES as readonly string[]).includes(key) ? (key as EntityType) : (TYPE_NAMES[key] ?? null);
}

const WIKIDATA_ID = /(?:^|\/entity\/)(Q[1-9]\d*)$/;
const POINT = /^\s*Point\(\s*(-?\d+(?:\.\d+)?(?:[eE]-?\d+)?)\s+(-?\d+(?:\.\d+)?(?:[eE]-?\d+)?)\s*\)\s*$/i;

function coordsFrom(lat: number, lon: number): [number, number] | null {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : null;
}

/** Builds drafts from records of raw field values, with their problems. */
class Collector {
  readonly entities: DraftEntity[] = [];
  readonly problems: Problem[] = [];
  private readonly seen = new Map<string, number>();
  private full = false;

  constructor(readonly file: string) {}

  problem(at: { line?: number; row?: number }, severity: Problem['severity'], s: Said | string, field?: string): void {
    const message = typeof s === 'string' ? { message: s } : s;
    this.problems.push({ file: this.file, ...at, severity, ...message, ...(field ? { field } : {}) });
  }

  /** One record: raw values by field, several for aliases. */
  add(raw: Partial<Record<FieldName, string[]>>, at: { line?: number; row?: number }): void {
    if (this.full) return;
    if (this.entities.length >= MAX_LIST_ENTITIES) {
      this.full = true;
      return this.problem(at, 'error', said('listTooMany', { max: MAX_LIST_ENTITIES }));
    }
    const first = (f: FieldName) => (raw[f] ?? []).map((v) => v.trim()).find((v) => v !== '') ?? '';
    const name = first('name').replace(/\s+/g, ' ');
    if (!name) return this.problem(at, 'warning', said('listNoName'), 'name');
    const typeRaw = first('type');
    const type = typeRaw ? typeOf(typeRaw) : null;
    if (typeRaw && !type) this.problem(at, 'warning', said('listBadType', { type: typeRaw.slice(0, 40) }), 'type');
    const aliases = [
      ...new Set(
        (raw.aliases ?? [])
          .flatMap((v) => v.split(/[|\n]/))
          .map((a) => a.trim().replace(/\s+/g, ' '))
          .filter((a) => a !== '' && a !== name),
      ),
    ];
    const entity: DraftEntity = { name, aliases, description: first('description').replace(/\s+/g, ' '), ...at };
    if (type) entity.type = type;
    const country = first('country');
    if (country) {
      if (/^[A-Za-z]{2}$/.test(country)) entity.country = country.toUpperCase();
      else this.problem(at, 'warning', said('listBadCountry', { raw: country.slice(0, 40) }), 'country');
    }
    const point = first('coord');
    const lat = first('latitude');
    const lon = first('longitude');
    if (point || lat || lon) {
      const m = POINT.exec(point);
      const coords = m ? coordsFrom(Number(m[2]), Number(m[1])) : lat && lon ? coordsFrom(Number(lat), Number(lon)) : null;
      if (coords) entity.coords = coords;
      else this.problem(at, 'warning', said('listBadCoords', { raw: (point || `${lat} ${lon}`).slice(0, 60) }), 'coordinates');
    }
    const wikidata = WIKIDATA_ID.exec(first('wikidata'))?.[1];
    if (wikidata) entity.wikidata = wikidata;
    // The same item (or the same name and type) twice: one entity, its names joined.
    const key = wikidata ?? `${name.toLowerCase()}|${type ?? ''}`;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      const kept = this.entities[earlier]!;
      for (const a of aliases) if (a !== kept.name && !kept.aliases.includes(a)) kept.aliases.push(a);
      if (!wikidata) this.problem(at, 'warning', said('listRepeats', { name: name.slice(0, 60) }));
      return;
    }
    this.seen.set(key, this.entities.length);
    this.entities.push(entity);
  }

  result(format: ListFormat | null): ParsedList {
    if (this.entities.length === 0 && !this.problems.some((p) => p.severity === 'error')) this.problem({}, 'error', said('listNoEntities'));
    return { format, entities: this.full ? [] : this.entities, problems: this.problems };
  }
}

/** Raw values by field from an object's keys (JSON, JSON Lines, a CSV row). */
function recordOf(object: Record<string, unknown>): Partial<Record<FieldName, string[]>> {
  const raw: Partial<Record<FieldName, string[]>> = {};
  for (const [key, value] of Object.entries(object)) {
    const field = fieldOf(key);
    if (!field) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
      if (text) (raw[field] ??= []).push(text);
    }
  }
  return raw;
}

function parseCsvList(text: string, file: string, sparql: boolean): ParsedList {
  const out = new Collector(file);
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = parsed.meta.fields ?? [];
  if (!fields.some((f) => fieldOf(f) === 'name')) {
    out.problem({ row: 1 }, 'error', said('listNoNameColumn'));
    return out.result(sparql ? 'sparql-csv' : 'csv');
  }
  parsed.data.forEach((row, i) => out.add(recordOf(row), { row: i + 2 }));
  return out.result(sparql ? 'sparql-csv' : 'csv');
}

function parseJsonList(text: string, file: string): ParsedList {
  const out = new Collector(file);
  const read = readJsonWithLines(text);
  if (!read.ok) {
    for (const e of read.errors) out.problem({ line: e.line }, 'error', said('detail', { what: 'not valid JSON', detail: e.code }));
    return out.result('json');
  }
  const { value, lineOf } = read;
  if (isSparqlResults(value)) return sparqlJson(value, file, lineOf);
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.entities) ? value.entities : null;
  const path = Array.isArray(value) ? [] : ['entities'];
  if (!list) {
    out.problem({ line: 1 }, 'error', said('listNotAList'));
    return out.result('json');
  }
  list.forEach((item, i) => {
    const line = lineOf([...path, i]);
    if (isObject(item)) out.add(recordOf(item), { line });
    else out.problem({ line }, 'warning', said('listNoName'));
  });
  return out.result('json');
}

function parseJsonLinesList(text: string, file: string): ParsedList {
  const out = new Collector(file);
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const item: unknown = JSON.parse(line);
      if (isObject(item)) out.add(recordOf(item), { line: i + 1 });
      else out.problem({ line: i + 1 }, 'warning', said('listNoName'));
    } catch (e) {
      out.problem({ line: i + 1 }, 'error', said('detail', { what: 'not valid JSON', detail: describeError(e) }));
    }
  });
  return out.result('jsonl');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isSparqlResults(v: unknown): v is SparqlResults {
  return isObject(v) && isObject(v.head) && Array.isArray(v.head.vars) && isObject(v.results) && Array.isArray(v.results.bindings);
}

/**
 * SPARQL results JSON, simplified by wikibase-sdk: a variable and its Label
 * and Description companions become one value with a label and description.
 * A query without GROUP_CONCAT gives one row per alias: rows of one item join.
 */
function sparqlJson(results: SparqlResults, file: string, lineOf: (path: (string | number)[]) => number): ParsedList {
  const out = new Collector(file);
  let rows: ReturnType<typeof simplifySparqlResults>;
  try {
    rows = simplifySparqlResults(results);
  } catch (e) {
    out.problem({ line: 1 }, 'error', said('detail', { what: 'not Wikidata query results', detail: describeError(e) }));
    return out.result('sparql-json');
  }
  rows.forEach((row, i) => {
    const raw: Partial<Record<FieldName, string[]>> = {};
    for (const [key, value] of Object.entries(row)) {
      const put = (field: FieldName | undefined, v: unknown) => {
        if (field && (typeof v === 'string' || typeof v === 'number') && String(v) !== '') (raw[field] ??= []).push(String(v));
      };
      if (isObject(value)) {
        // "item" with its label and description: the entity itself.
        put('wikidata', value.value);
        put('name', value.label);
        put('description', value.description);
      } else put(fieldOf(key), value);
    }
    out.add(raw, { line: lineOf(['results', 'bindings', i]) });
  });
  return out.result('sparql-json');
}

/** The format of a list, from its name and first characters. */
export function detectListFormat(fileName: string, head: string): ListFormat | null {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (text.startsWith('{') && /^\{[^\n]*\}\s*\n\s*\{/.test(text) && !/"head"\s*:/.test(text.slice(0, 200))) return 'jsonl';
  if (ext === 'json' || ext === 'srj' || text.startsWith('[') || text.startsWith('{')) return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt' || ext === '' || ext === 'tab') {
    const header = text.split(/\r?\n/, 1)[0] ?? '';
    if (/(^|[,\t;])"?\??itemLabel"?([,\t;]|$)/i.test(header) && /(^|[,\t;])"?\??item"?([,\t;]|$)/i.test(header)) return 'sparql-csv';
    if (/[,;\t|]/.test(header) || header.trim() !== '') return 'csv';
  }
  return null;
}

/** Reads a list of entities of any supported format. Never throws. */
export function parseEntityList(text: string, file: string): ParsedList {
  try {
    const format = detectListFormat(file, text.slice(0, 4096));
    switch (format) {
      case 'csv':
      case 'sparql-csv':
        return parseCsvList(text, file, format === 'sparql-csv');
      case 'jsonl':
        return parseJsonLinesList(text, file);
      case 'json':
      case 'sparql-json':
        return parseJsonList(text, file);
      case null: {
        const out = new Collector(file);
        out.problem({}, 'error', said('listNotAList'));
        return out.result(null);
      }
    }
  } catch (e) {
    const out = new Collector(file);
    out.problem({}, 'error', said('detail', { what: `could not read ${file}`, detail: describeError(e) }));
    return out.result(null);
  }
}
