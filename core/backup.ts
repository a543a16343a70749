// A backup: everything the reader added, in one versioned JSON file, and the
// plan for restoring it. Pure: the options page reads the store and the
// settings, this module turns them into the file, reads a file back (every
// problem with its place, never an exception) and compares it with what the
// browser holds, so that a restore can be previewed before anything changes.
//
// Restoring merges by id: what the backup holds is added or replaces what
// has its id, and what it does not hold stays. Ids are kept in the file, so
// restoring the same file twice changes nothing the second time.
//
//   {
//     "format": "reperes-backup", "version": 1, "exported": "2026-12-06T10:00:00.000Z",
//     "settings": { "categories": {…}, "mentions": "every", "paused": false, "offSites": [], "hiddenEntities": ["isi"], "appearance": {…} },
//     "rejections": { "https://news.example/a": ["kabul"] },
//     "entities": [ { "id": "user:…", "type": "organization", "name": {…}, "description": {…}, "aliases": [ { "text": "…" } ] } ],
//     "packs": [ { "meta": { "id": "pack-…", "name", "enabled", "created", "file", "count", "choice" },
//                  "content": { "entities": [ … ], "additions": [ … ], "removals": [ … ] } } ],
//     "collections": [ { "meta": { "id", "name", "enabled", "created", "count", "from", "to", "langs", "files" },
//                        "articles": [ { "id": "<collection>/1", "title", "date", "lang", "source", "summary", "body", "url"?, "mentions": [ … ] } ] } ]
//   }
//
// Entities are written without their mentions: the background looks for a
// new entity in every article when it first sees it. Articles keep theirs
// (found when they were imported; they name entities by id, and the ids
// survive the restore).

import { ENTITY_TYPES, LANGS, type Alias, type Entity, type EntityType, type Lang, type Localized } from './model';
import { CONFLICT_CHOICES, type ConflictChoice, type PackContent, type PackMeta } from './entity-lists/pack';
import type { ImportedArticle, StoredMention, UserEntity, CollectionMeta } from './merge';
import { DEFAULT_SETTINGS, MAX_REJECTED_PAGES, type PageRejections, type Settings } from './settings';
import { isHexColor } from './appearance';
import { readJsonWithLines, type JsonPath } from './import/json-tree';
import { MAX_FILE_BYTES, type Problem } from './import/types';
import { describeError, said, type Said } from './import/messages';

export const BACKUP_FORMAT = 'reperes-backup';
export const BACKUP_VERSION = 1;
/**
 * Larger files are refused before they are read: the whole file is held in
 * memory as text and as objects while it is read. A backup holds several
 * collections, each imported from files of up to MAX_FILE_BYTES.
 */
export const MAX_BACKUP_BYTES = 8 * MAX_FILE_BYTES;
/** Problems listed one by one; the rest are counted. */
const MAX_PROBLEMS = 200;

/** An imported collection's record, as the store keeps it. */
export type BackupCollectionMeta = CollectionMeta;

/** An article as the file holds it: its collection is the one it is listed in. */
export type BackupArticle = Omit<ImportedArticle, 'collection'>;
export interface BackupPack {
  meta: PackMeta;
  content: PackContent;
}
export interface BackupCollection {
  meta: BackupCollectionMeta;
  articles: BackupArticle[];
}

/** Everything a backup holds, and what the browser holds, in the same shape. */
export interface BackupData {
  settings: Settings;
  rejections: PageRejections;
  entities: Entity[];
  packs: BackupPack[];
  collections: BackupCollection[];
}

export interface Backup extends BackupData {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exported: string;
}

/** What the store gives: entities with their mentions, packs with their id, articles with their collection. */
export interface StoreData {
  settings: Settings;
  rejections: PageRejections;
  entities: readonly UserEntity[];
  packs: readonly { meta: PackMeta; content: Pick<PackContent, 'additions' | 'removals'> & { entities: readonly UserEntity[] } }[];
  collections: readonly { meta: BackupCollectionMeta; articles: readonly (BackupArticle & { collection?: string })[] }[];
}

// ---------------------------------------------------------------------------
// Plain records, keys in a fixed order and nothing else: what the file holds,
// and what is compared with the browser's (a field the store keeps besides,
// such as an entity's mentions, never counts as a change).

const localized = (l: Localized): Localized => ({ en: l.en, fr: l.fr });
const aliasOf = (a: Alias): Alias => ({
  text: a.text,
  ...(a.exact !== undefined ? { exact: a.exact } : {}),
  ...(a.short !== undefined ? { short: a.short } : {}),
  ...(a.common !== undefined ? { common: a.common } : {}),
});

/** The entity's own fields (no mentions), in the order the file lists them. */
export function plainEntity(e: Entity): Entity {
  return {
    id: e.id,
    type: e.type,
    name: localized(e.name),
    description: localized(e.description),
    aliases: e.aliases.map(aliasOf),
    ...(e.plural !== undefined ? { plural: e.plural } : {}),
    ...(e.role !== undefined ? { role: localized(e.role) } : {}),
    ...(e.nationality !== undefined ? { nationality: e.nationality } : {}),
    ...(e.country !== undefined ? { country: e.country } : {}),
    ...(e.coords !== undefined ? { coords: [e.coords[0], e.coords[1]] as [number, number] } : {}),
    ...(e.population !== undefined ? { population: e.population } : {}),
    ...(e.prominence !== undefined ? { prominence: e.prominence } : {}),
    ...(e.within !== undefined ? { within: e.within } : {}),
    ...(e.neighbours !== undefined ? { neighbours: [...e.neighbours] } : {}),
    ...(e.asOf !== undefined ? { asOf: e.asOf } : {}),
  };
}

const plainPackMeta = (m: PackMeta): PackMeta => ({
  id: m.id,
  name: m.name,
  enabled: m.enabled,
  created: m.created,
  file: m.file,
  count: m.count,
  choice: m.choice,
});

const plainCollectionMeta = (m: BackupCollectionMeta): BackupCollectionMeta => ({
  id: m.id,
  name: m.name,
  enabled: m.enabled,
  created: m.created,
  count: m.count,
  from: m.from,
  to: m.to,
  langs: [...m.langs],
  files: [...m.files],
});

const plainMention = (m: StoredMention): StoredMention => ({ entity: m.entity, article: m.article, start: m.start, end: m.end, count: m.count });

function plainArticle(a: BackupArticle): BackupArticle {
  return {
    id: a.id,
    title: a.title,
    date: a.date,
    lang: a.lang,
    source: a.source,
    summary: a.summary,
    body: a.body,
    ...(a.url !== undefined ? { url: a.url } : {}),
    mentions: a.mentions.map(plainMention),
  };
}

// Ids in natural order ("c/2" before "c/10"), then by code unit so that two different ids never tie.
const collator = new Intl.Collator('en', { numeric: true });
const byId = <T extends { id: string }>(a: T, b: T) => collator.compare(a.id, b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What the store holds, as a backup holds it: plain records in a fixed order. */
export function backupData(data: StoreData): BackupData {
  return {
    settings: plainSettings(data.settings),
    rejections: Object.fromEntries(Object.entries(data.rejections).map(([page, ids]) => [page, [...ids]])),
    entities: data.entities.map(plainEntity).sort(byId),
    packs: data.packs
      .map((p) => ({
        meta: plainPackMeta(p.meta),
        content: {
          entities: p.content.entities.map(plainEntity),
          additions: p.content.additions.map((a) => ({ entity: a.entity, aliases: a.aliases.map(aliasOf) })),
          removals: p.content.removals.map((r) => ({ entity: r.entity, texts: [...r.texts] })),
        },
      }))
      .sort((a, b) => byId(a.meta, b.meta)),
    collections: data.collections
      .map((c) => ({ meta: plainCollectionMeta(c.meta), articles: c.articles.map(plainArticle).sort(byId) }))
      .sort((a, b) => byId(a.meta, b.meta)),
  };
}

function plainSettings(s: Settings): Settings {
  const d = DEFAULT_SETTINGS;
  return {
    categories: Object.fromEntries(ENTITY_TYPES.map((t) => [t, s.categories?.[t] ?? d.categories[t]])) as Settings['categories'],
    mentions: s.mentions ?? d.mentions,
    paused: s.paused ?? d.paused,
    offSites: [...(s.offSites ?? d.offSites)],
    hiddenEntities: [...(s.hiddenEntities ?? d.hiddenEntities)],
    appearance: {
      colors: Object.fromEntries(ENTITY_TYPES.map((t) => [t, s.appearance?.colors?.[t] ?? d.appearance.colors[t]])) as Settings['appearance']['colors'],
      fill: s.appearance?.fill ?? d.appearance.fill,
    },
  };
}

/** The backup file: pretty-printed JSON, keys in a fixed order, ending with a newline. `exported` defaults to now. */
export function toBackup(data: StoreData, exported: Date = new Date()): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exported: exported.toISOString(), ...backupData(data) };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// Reading a backup. Every value is checked and copied into a plain record;
// anything wrong is a problem naming its place in the file (a JSON path and,
// for files small enough, its line), in English and French.

export type ReadBackup = { ok: true; backup: Backup; problems: Problem[] } | { ok: false; backup?: undefined; problems: Problem[] };

type Path = JsonPath;

/** A place in the file, language-neutral: collections[0].articles[3].date */
export function pathText(path: Path): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || '(top)';
}

/** A value as a message shows it: scalars as JSON, shortened; lists and objects by their brackets. */
function shown(v: unknown): string {
  if (Array.isArray(v)) return '[…]';
  if (v !== null && typeof v === 'object') return '{…}';
  const json = JSON.stringify(v) ?? String(v);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}

/** What a value should have been: the codes core/import/messages.ts words in English and French. */
export type Expected =
  | 'object'
  | 'list'
  | 'text'
  | 'nonEmpty'
  | 'boolean'
  | 'count'
  | 'positive'
  | 'number'
  | 'date'
  | 'dateTime'
  | 'lang'
  | 'type'
  | 'mentions'
  | 'color'
  | 'coords'
  | 'choice';

class Reader {
  readonly found: { severity: Problem['severity']; path: Path; said: Said }[] = [];
  errors = 0;
  private notListed = { errors: 0, warnings: 0 };

  private add(severity: Problem['severity'], path: Path, s: Said): void {
    if (severity === 'error') this.errors++;
    if (this.found.length < MAX_PROBLEMS) this.found.push({ severity, path, said: s });
    else this.notListed[severity === 'error' ? 'errors' : 'warnings']++;
  }
  error(path: Path, s: Said): undefined {
    this.add('error', path, s);
    return undefined;
  }
  warn(path: Path, s: Said): void {
    this.add('warning', path, s);
  }
  expected(path: Path, expected: Expected, v: unknown): undefined {
    return this.error(path, said('backupExpected', { key: pathText(path), expected, raw: shown(v) }));
  }
  /** The problems, each with its line when `lineOf` can tell it. */
  problems(file: string, lineOf?: (path: Path) => number): Problem[] {
    const out: Problem[] = this.found.map((p) => ({ file, severity: p.severity, ...(lineOf ? { line: lineOf(p.path) } : {}), ...p.said }));
    const { errors, warnings } = this.notListed;
    if (errors + warnings > 0) out.push({ file, severity: errors > 0 ? 'error' : 'warning', ...said('moreNotListed', { errors, warnings }) });
    return out;
  }
}

type Check<T> = (r: Reader, v: unknown, path: Path) => T | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function object(r: Reader, v: unknown, path: Path, keys: readonly string[], ignored: readonly string[] = []): Record<string, unknown> | undefined {
  if (!isObject(v)) return r.expected(path, 'object', v);
  for (const key of Object.keys(v))
    if (!keys.includes(key) && !ignored.includes(key)) r.warn([...path, key], said('unknownKey', { key: pathText([...path, key]).slice(0, 80) }));
  return v;
}

/** A required field: missing, it is a problem. */
function field<T>(r: Reader, o: Record<string, unknown>, key: string, path: Path, check: Check<T>): T | undefined {
  if (!has(o, key)) return r.error([...path, key], said('keyMissing', { key: pathText([...path, key]) }));
  return check(r, o[key], [...path, key]);
}

/** An optional field: `absent` when missing; `null` when present and wrong (a problem is recorded). */
function optional<T>(r: Reader, o: Record<string, unknown>, key: string, path: Path, check: Check<T>): T | undefined | null {
  if (!has(o, key) || o[key] === undefined) return undefined;
  return check(r, o[key], [...path, key]) ?? null;
}

const text: Check<string> = (r, v, path) => (typeof v === 'string' ? v : r.expected(path, 'text', v));
const nonEmpty: Check<string> = (r, v, path) => (typeof v === 'string' && v.trim() !== '' ? v : r.expected(path, 'nonEmpty', v));
const bool: Check<boolean> = (r, v, path) => (typeof v === 'boolean' ? v : r.expected(path, 'boolean', v));
const count: Check<number> = (r, v, path) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : r.expected(path, 'count', v));
const positive: Check<number> = (r, v, path) => (Number.isSafeInteger(v) && (v as number) >= 1 ? (v as number) : r.expected(path, 'positive', v));
const num: Check<number> = (r, v, path) => (typeof v === 'number' && Number.isFinite(v) ? v : r.expected(path, 'number', v));
const oneOf =
  <T extends string>(values: readonly T[], expected: Expected): Check<T> =>
  (r, v, path) =>
    typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : r.expected(path, expected, v);
const lang = oneOf<Lang>(LANGS, 'lang');
const entityType = oneOf<EntityType>(ENTITY_TYPES, 'type');

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const date: Check<string> = (r, v, path) => (typeof v === 'string' && isCalendarDate(v) ? v : r.expected(path, 'date', v));
const dateTime: Check<string> = (r, v, path) =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
  isCalendarDate(v.slice(0, 10)) &&
  !Number.isNaN(Date.parse(v))
    ? v
    : r.expected(path, 'dateTime', v);

/** Every item checked; a list with a bad item is `undefined` (each problem recorded), so nothing half-read is kept. */
function list<T>(check: Check<T>): Check<T[]> {
  return (r, v, path) => {
    if (!Array.isArray(v)) return r.expected(path, 'list', v);
    const out: T[] = [];
    let bad = false;
    for (let i = 0; i < v.length; i++) {
      const item = check(r, v[i], [...path, i]);
      if (item === undefined) bad = true;
      else out.push(item);
    }
    return bad ? undefined : out;
  };
}

const localizedCheck: Check<Localized> = (r, v, path) => {
  const o = object(r, v, path, LANGS);
  if (!o) return undefined;
  const en = field(r, o, 'en', path, text);
  const fr = field(r, o, 'fr', path, text);
  return en === undefined || fr === undefined ? undefined : { en, fr };
};

const aliasCheck: Check<Alias> = (r, v, path) => {
  const o = object(r, v, path, ['text', 'exact', 'short', 'common']);
  if (!o) return undefined;
  const a = {
    text: field(r, o, 'text', path, nonEmpty),
    exact: optional(r, o, 'exact', path, bool),
    short: optional(r, o, 'short', path, bool),
    common: optional(r, o, 'common', path, bool),
  };
  if (a.text === undefined || a.exact === null || a.short === null || a.common === null) return undefined;
  return aliasOf(a as Alias);
};

const coordsCheck: Check<[number, number]> = (r, v, path) =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x)) && Math.abs(v[0]) <= 90 && Math.abs(v[1]) <= 180
    ? [v[0], v[1]]
    : r.expected(path, 'coords', v);

const ENTITY_KEYS = [
  'id',
  'type',
  'name',
  'description',
  'aliases',
  'plural',
  'role',
  'nationality',
  'country',
  'coords',
  'population',
  'prominence',
  'within',
  'neighbours',
  'asOf',
] as const;

/** An entity whose id starts with `prefix` ("user:" for the reader's own, the pack's id and a slash for a pack's; unknown when the pack has no id). */
function entityCheck(prefix: string | undefined): Check<Entity> {
  return (r, v, path) => {
    // Mentions are the background's to find again: ignored without a warning (older backups may hold them).
    const o = object(r, v, path, ENTITY_KEYS, ['mentions']);
    if (!o) return undefined;
    const id = field(r, o, 'id', path, nonEmpty);
    if (id !== undefined && prefix !== undefined && !id.startsWith(prefix))
      r.error([...path, 'id'], said('backupIdPrefix', { key: pathText([...path, 'id']), raw: shown(id), prefix }));
    const aliases = field(r, o, 'aliases', path, list(aliasCheck));
    if (aliases && aliases.length === 0) r.error([...path, 'aliases'], said('backupNoAlias', { key: pathText([...path, 'aliases']) }));
    const e = {
      id,
      type: field(r, o, 'type', path, entityType),
      name: field(r, o, 'name', path, localizedCheck),
      description: field(r, o, 'description', path, localizedCheck),
      aliases,
    };
    const extra = {
      plural: optional(r, o, 'plural', path, bool),
      role: optional(r, o, 'role', path, localizedCheck),
      nationality: optional(r, o, 'nationality', path, nonEmpty),
      country: optional(r, o, 'country', path, nonEmpty),
      coords: optional(r, o, 'coords', path, coordsCheck),
      population: optional(r, o, 'population', path, count),
      prominence: optional(r, o, 'prominence', path, num),
      within: optional(r, o, 'within', path, nonEmpty),
      neighbours: optional(r, o, 'neighbours', path, list(nonEmpty)),
      asOf: optional(r, o, 'asOf', path, date),
    };
    if (Object.values(e).some((x) => x === undefined) || Object.values(extra).some((x) => x === null)) return undefined;
    if (prefix === undefined || !e.id!.startsWith(prefix) || e.aliases!.length === 0) return undefined;
    return plainEntity({ ...(e as Entity), ...(extra as Partial<Entity>) });
  };
}

const SETTINGS_KEYS = ['categories', 'mentions', 'paused', 'offSites', 'hiddenEntities', 'appearance'] as const;

/** Settings: a field missing takes its default, as the settings' own migrations do. */
const settingsCheck: Check<Settings> = (r, v, path) => {
  const o = object(r, v, path, SETTINGS_KEYS);
  if (!o) return undefined;
  const d = DEFAULT_SETTINGS;
  const cats = optional(r, o, 'categories', path, (r2, c, p) => {
    const co = object(r2, c, p, ENTITY_TYPES);
    if (!co) return undefined;
    const out = ENTITY_TYPES.map((t) => optional(r2, co, t, p, bool));
    return out.some((x) => x === null) ? undefined : (Object.fromEntries(ENTITY_TYPES.map((t, i) => [t, out[i] ?? d.categories[t]])) as Settings['categories']);
  });
  const appearance = optional(r, o, 'appearance', path, (r2, a, p) => {
    const ao = object(r2, a, p, ['colors', 'fill']);
    if (!ao) return undefined;
    const colors = optional(r2, ao, 'colors', p, (r3, c, p3) => {
      const co = object(r3, c, p3, ENTITY_TYPES);
      if (!co) return undefined;
      const out = ENTITY_TYPES.map((t) => optional(r3, co, t, p3, (r4, x, p4) => (isHexColor(x) ? x : r4.expected(p4, 'color', x))));
      return out.some((x) => x === null)
        ? undefined
        : (Object.fromEntries(ENTITY_TYPES.map((t, i) => [t, out[i] ?? d.appearance.colors[t]])) as Settings['appearance']['colors']);
    });
    const fill = optional(r2, ao, 'fill', p, bool);
    if (colors === null || fill === null) return undefined;
    return { colors: colors ?? d.appearance.colors, fill: fill ?? d.appearance.fill };
  });
  const s = {
    categories: cats,
    mentions: optional(r, o, 'mentions', path, oneOf(['every', 'first'] as const, 'mentions')),
    paused: optional(r, o, 'paused', path, bool),
    offSites: optional(r, o, 'offSites', path, list(nonEmpty)),
    hiddenEntities: optional(r, o, 'hiddenEntities', path, list(nonEmpty)),
    appearance,
  };
  if (Object.values(s).some((x) => x === null)) return undefined;
  return plainSettings({
    categories: s.categories ?? d.categories,
    mentions: s.mentions ?? d.mentions,
    paused: s.paused ?? d.paused,
    offSites: s.offSites ?? d.offSites,
    hiddenEntities: s.hiddenEntities ?? d.hiddenEntities,
    appearance: s.appearance ?? d.appearance,
  });
};

/** "Not this one": page → entity ids, the newest pages kept as the settings keep them. */
const rejectionsCheck: Check<PageRejections> = (r, v, path) => {
  if (!isObject(v)) return r.expected(path, 'object', v);
  const out: PageRejections = {};
  let bad = false;
  for (const [page, ids] of Object.entries(v)) {
    const read = list(nonEmpty)(r, ids, [...path, page]);
    if (read === undefined) bad = true;
    else out[page] = read;
  }
  if (bad) return undefined;
  return Object.fromEntries(Object.entries(out).slice(-MAX_REJECTED_PAGES));
};

/** Ids used so far, with where: one id twice is a problem, named at its second place. */
class Ids {
  private seen = new Map<string, string>();
  check(r: Reader, id: string | undefined, path: Path): void {
    if (id === undefined) return;
    const first = this.seen.get(id);
    if (first !== undefined) r.error(path, said('backupDuplicateId', { key: pathText(path), raw: shown(id), where: first }));
    else this.seen.set(id, pathText(path));
  }
}

function packCheck(entityIds: Ids): Check<BackupPack> {
  return (r, v, path) => {
    const o = object(r, v, path, ['meta', 'content']);
    if (!o) return undefined;
    const meta = field(r, o, 'meta', path, (r2, m, p) => {
      const mo = object(r2, m, p, ['id', 'name', 'enabled', 'created', 'file', 'count', 'choice']);
      if (!mo) return undefined;
      const x = {
        id: field(r2, mo, 'id', p, nonEmpty),
        name: field(r2, mo, 'name', p, text),
        enabled: field(r2, mo, 'enabled', p, bool),
        created: field(r2, mo, 'created', p, text),
        file: field(r2, mo, 'file', p, text),
        count: field(r2, mo, 'count', p, count),
        choice: field(r2, mo, 'choice', p, oneOf<ConflictChoice>(CONFLICT_CHOICES, 'choice')),
      };
      return Object.values(x).some((y) => y === undefined) ? undefined : plainPackMeta(x as PackMeta);
    });
    // Without a usable id, the entities' ids cannot be checked against it: the meta's problems say why.
    const packId = isObject(o.meta) && typeof o.meta.id === 'string' && o.meta.id.trim() !== '' ? o.meta.id : undefined;
    const content = field(r, o, 'content', path, (r2, c, p) => {
      const co = object(r2, c, p, ['entities', 'additions', 'removals']);
      if (!co) return undefined;
      const entities = field(r2, co, 'entities', p, list(entityCheck(packId === undefined ? undefined : `${packId}/`)));
      if (Array.isArray(co.entities))
        co.entities.forEach((e, i) => entityIds.check(r2, isObject(e) && typeof e.id === 'string' ? e.id : undefined, [...p, 'entities', i, 'id']));
      // A pack's changes to other entities: each an entity and the names added to it or taken from it.
      const changes = <K extends string, T>(key: K, check: Check<T>) =>
        list((r3, a, p3) => {
          const ao = object(r3, a, p3, ['entity', key]);
          if (!ao) return undefined;
          const entity = field(r3, ao, 'entity', p3, nonEmpty);
          const names = field(r3, ao, key, p3, list(check));
          return entity === undefined || names === undefined ? undefined : ({ entity, [key]: names } as { entity: string } & Record<K, T[]>);
        });
      const additions = field(r2, co, 'additions', p, changes('aliases', aliasCheck));
      const removals = field(r2, co, 'removals', p, changes('texts', nonEmpty));
      return entities === undefined || additions === undefined || removals === undefined ? undefined : { entities, additions, removals };
    });
    if (meta && content && meta.count !== content.entities.length)
      return r.error(
        [...path, 'meta', 'count'],
        said('backupCountMismatch', { key: pathText([...path, 'meta', 'count']), stated: meta.count, actual: content.entities.length }),
      );
    return meta && content && packId !== undefined ? { meta, content } : undefined;
  };
}

/** A mention must lie in its article's text and name that article. */
function mentionsCheck(articleId: string | undefined, body: string | undefined): Check<StoredMention[]> {
  return list((r, v, path) => {
    const o = object(r, v, path, ['entity', 'article', 'start', 'end', 'count']);
    if (!o) return undefined;
    const m = {
      entity: field(r, o, 'entity', path, nonEmpty),
      article: field(r, o, 'article', path, nonEmpty),
      start: field(r, o, 'start', path, count),
      end: field(r, o, 'end', path, count),
      count: field(r, o, 'count', path, positive),
    };
    if (Object.values(m).some((x) => x === undefined)) return undefined;
    const ok = m as StoredMention;
    if (articleId === undefined || body === undefined) return ok; // the article's own problems are reported
    if (ok.article !== articleId || ok.start >= ok.end || ok.end > body.length) return r.error(path, said('backupBadMention', { key: pathText(path) }));
    return ok;
  });
}

function collectionCheck(articleIds: Ids): Check<BackupCollection> {
  return (r, v, path) => {
    const o = object(r, v, path, ['meta', 'articles']);
    if (!o) return undefined;
    const meta = field(r, o, 'meta', path, (r2, m, p) => {
      const mo = object(r2, m, p, ['id', 'name', 'enabled', 'created', 'count', 'from', 'to', 'langs', 'files']);
      if (!mo) return undefined;
      const x = {
        id: field(r2, mo, 'id', p, nonEmpty),
        name: field(r2, mo, 'name', p, text),
        enabled: field(r2, mo, 'enabled', p, bool),
        created: field(r2, mo, 'created', p, text),
        count: field(r2, mo, 'count', p, count),
        from: field(r2, mo, 'from', p, text),
        to: field(r2, mo, 'to', p, text),
        langs: field(r2, mo, 'langs', p, list(lang)),
        files: field(r2, mo, 'files', p, list(text)),
      };
      return Object.values(x).some((y) => y === undefined) ? undefined : plainCollectionMeta(x as BackupCollectionMeta);
    });
    const collectionId = isObject(o.meta) && typeof o.meta.id === 'string' && o.meta.id.trim() !== '' ? o.meta.id : undefined;
    const articles = field(
      r,
      o,
      'articles',
      path,
      list((r2, a, p) => {
        const ao = object(r2, a, p, ['id', 'title', 'date', 'lang', 'source', 'summary', 'body', 'url', 'mentions']);
        if (!ao) return undefined;
        const id = field(r2, ao, 'id', p, nonEmpty);
        const prefix = `${collectionId ?? ''}/`;
        if (id !== undefined && collectionId !== undefined && !id.startsWith(prefix))
          r2.error([...p, 'id'], said('backupIdPrefix', { key: pathText([...p, 'id']), raw: shown(id), prefix }));
        articleIds.check(r2, id, [...p, 'id']);
        const body = field(r2, ao, 'body', p, text);
        const x = {
          id,
          title: field(r2, ao, 'title', p, text),
          date: field(r2, ao, 'date', p, date),
          lang: field(r2, ao, 'lang', p, lang),
          source: field(r2, ao, 'source', p, text),
          summary: field(r2, ao, 'summary', p, text),
          body,
          mentions: field(r2, ao, 'mentions', p, mentionsCheck(id, body)),
        };
        const url = optional(r2, ao, 'url', p, text);
        if (Object.values(x).some((y) => y === undefined) || url === null) return undefined;
        if (collectionId === undefined || !id!.startsWith(prefix)) return undefined;
        return plainArticle({ ...(x as BackupArticle), ...(url !== undefined ? { url } : {}) });
      }),
    );
    if (meta && articles && meta.count !== articles.length)
      return r.error(
        [...path, 'meta', 'count'],
        said('backupCountMismatch', { key: pathText([...path, 'meta', 'count']), stated: meta.count, actual: articles.length }),
      );
    return meta && articles ? { meta, articles } : undefined;
  };
}

const TOP_KEYS = ['format', 'version', 'exported', 'settings', 'rejections', 'entities', 'packs', 'collections'] as const;

function readValue(r: Reader, value: unknown): Backup | undefined {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) return r.error([], said('backupNotBackup'));
  if (value.version !== BACKUP_VERSION)
    return r.error(['version'], said('backupVersion', { raw: has(value, 'version') ? shown(value.version) : '—', max: BACKUP_VERSION }));
  const o = object(r, value, [], TOP_KEYS)!;
  const exported = field(r, o, 'exported', [], dateTime);
  const settings = field(r, o, 'settings', [], settingsCheck);
  const rejections = field(r, o, 'rejections', [], rejectionsCheck);
  const entityIds = new Ids();
  const entities = field(r, o, 'entities', [], list(entityCheck('user:')));
  if (Array.isArray(o.entities))
    o.entities.forEach((e, i) => entityIds.check(r, isObject(e) && typeof e.id === 'string' ? e.id : undefined, ['entities', i, 'id']));
  const packIds = new Ids();
  const packs = field(r, o, 'packs', [], list(packCheck(entityIds)));
  if (Array.isArray(o.packs))
    o.packs.forEach((p, i) =>
      packIds.check(r, isObject(p) && isObject(p.meta) && typeof p.meta.id === 'string' ? p.meta.id : undefined, ['packs', i, 'meta', 'id']),
    );
  const collectionIds = new Ids();
  const articleIds = new Ids();
  const collections = field(r, o, 'collections', [], list(collectionCheck(articleIds)));
  if (Array.isArray(o.collections))
    o.collections.forEach((c, i) =>
      collectionIds.check(r, isObject(c) && isObject(c.meta) && typeof c.meta.id === 'string' ? c.meta.id : undefined, ['collections', i, 'meta', 'id']),
    );
  if (r.errors > 0 || !exported || !settings || !rejections || !entities || !packs || !collections) return undefined;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported,
    ...backupData({ settings, rejections, entities, packs, collections }),
  };
}

/**
 * A backup file's text, checked. Never throws: whatever the text, the result
 * is a backup or the problems that stop it (warnings, such as a field this
 * version does not know, do not).
 */
export function readBackup(source: string, file = 'backup.json'): ReadBackup {
  const r = new Reader();
  const json = source.replace(/^\uFEFF/, '');
  // Lines are found with a second, slower reading, only when there is something to place, and only for files of import size.
  const lines = () => {
    if (json.length > MAX_FILE_BYTES) return null;
    try {
      return readJsonWithLines(json);
    } catch {
      return null; // nested too deep for the line finder: the problems keep their paths
    }
  };
  try {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (e) {
      if (json.trim() === '') return { ok: false, problems: [{ file, severity: 'error', ...said('emptyFile') }] };
      const read = lines();
      const errors = read && !read.ok ? read.errors : [];
      if (errors.length === 0)
        return { ok: false, problems: [{ file, severity: 'error', ...said('detail', { what: 'not valid JSON', detail: describeError(e) }) }] };
      return {
        ok: false,
        problems: errors.map((x) => ({ file, line: x.line, severity: 'error', ...said('detail', { what: 'not valid JSON', detail: x.code }) })),
      };
    }
    const backup = readValue(r, value);
    const read = r.found.length > 0 ? lines() : null;
    const problems = r.problems(file, read?.ok ? read.lineOf : undefined);
    return backup && r.errors === 0 ? { ok: true, backup, problems } : { ok: false, problems };
  } catch (e) {
    // A stack overflow on absurdly deep JSON, say: reported, not thrown.
    return {
      ok: false,
      problems: [...r.problems(file), { file, severity: 'error', ...said('detail', { what: 'could not read this backup', detail: describeError(e) }) }],
    };
  }
}

// ---------------------------------------------------------------------------
// The restore plan: what the backup adds, replaces or leaves as it is.

export interface Changes<T> {
  added: T[];
  replaced: T[];
  unchanged: number;
}

export interface RestorePlan {
  /** The settings to write, or null when they are the same. */
  settings: Settings | null;
  /** "Not this one" choices to write (the backup's pages added to this browser's), or null when nothing changes. */
  rejections: PageRejections | null;
  /** The reader's own entities; `replaced` are those of the same id that differ. */
  entities: Changes<Entity>;
  packs: Changes<BackupPack>;
  collections: Changes<BackupCollection>;
  /**
   * Whether articles arrive or change: the entities this browser has are then
   * looked for again in every article (their stored mentions are dropped, and
   * the background finds them afresh).
   */
  rescan: boolean;
}

/** A stable text for a value: object keys sorted, so that the same record always compares equal. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_key, x: unknown) =>
    isObject(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : x,
  );
}

function changes<T>(items: readonly T[], current: readonly T[], idOf: (x: T) => string): Changes<T> {
  const now = new Map(current.map((x) => [idOf(x), canonical(x)]));
  const out: Changes<T> = { added: [], replaced: [], unchanged: 0 };
  for (const x of items) {
    const had = now.get(idOf(x));
    if (had === undefined) out.added.push(x);
    else if (had !== canonical(x)) out.replaced.push(x);
    else out.unchanged++;
  }
  return out;
}

/** The backup's pages over this browser's: a page the backup has takes its choices and becomes one of the newest. */
export function mergeRejections(current: PageRejections, backup: PageRejections): PageRejections {
  const merged = [...Object.entries(current).filter(([page]) => !Object.prototype.hasOwnProperty.call(backup, page)), ...Object.entries(backup)];
  return Object.fromEntries(merged.slice(-MAX_REJECTED_PAGES));
}

/** What restoring `backup` would change in a browser that holds `current` (both as backupData gives them). */
export function planRestore(current: BackupData, backup: BackupData): RestorePlan {
  const rejections = mergeRejections(current.rejections, backup.rejections);
  // The order of pages counts (the oldest are dropped first): compared as a list.
  const sameRejections = JSON.stringify(Object.entries(rejections)) === JSON.stringify(Object.entries(current.rejections));
  const collections = changes(backup.collections, current.collections, (c) => c.meta.id);
  return {
    settings: canonical(current.settings) === canonical(backup.settings) ? null : backup.settings,
    rejections: sameRejections ? null : rejections,
    entities: changes(backup.entities, current.entities, (e) => e.id),
    packs: changes(backup.packs, current.packs, (p) => p.meta.id),
    collections,
    rescan: collections.added.length + collections.replaced.length > 0,
  };
}

/** Whether the plan writes anything to the database. */
export function changesDatabase(plan: RestorePlan): boolean {
  return [plan.entities, plan.packs, plan.collections].some((c) => c.added.length + c.replaced.length > 0);
}

/** Whether the plan changes nothing at all: applying it writes nothing. */
export function isEmptyPlan(plan: RestorePlan): boolean {
  return !changesDatabase(plan) && plan.settings === null && plan.rejections === null;
}

/** What a preview shows: counts, and the names of the lists and collections that arrive or are replaced. */
export interface RestoreSummary {
  settings: boolean;
  rejections: boolean;
  entities: { added: number; replaced: number; unchanged: number };
  packs: { added: string[]; replaced: string[]; unchanged: number };
  collections: { added: string[]; replaced: string[]; unchanged: number; articles: number };
  nothing: boolean;
}

export function summarize(plan: RestorePlan): RestoreSummary {
  const arriving = [...plan.collections.added, ...plan.collections.replaced];
  return {
    settings: plan.settings !== null,
    rejections: plan.rejections !== null,
    entities: { added: plan.entities.added.length, replaced: plan.entities.replaced.length, unchanged: plan.entities.unchanged },
    packs: { added: plan.packs.added.map((p) => p.meta.name), replaced: plan.packs.replaced.map((p) => p.meta.name), unchanged: plan.packs.unchanged },
    collections: {
      added: plan.collections.added.map((c) => c.meta.name),
      replaced: plan.collections.replaced.map((c) => c.meta.name),
      unchanged: plan.collections.unchanged,
      articles: arriving.reduce((n, c) => n + c.articles.length, 0),
    },
    nothing: isEmptyPlan(plan),
  };
}
