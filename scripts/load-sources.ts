// Reads and validates the dataset sources in data/: entities/*.json,
// countries.json (generated into country entities) and articles/*.md (YAML
// front matter, then the body). Returns every problem found, each with its
// file, line and field, rather than stopping at the first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Article, Entity } from '../core/model';
import { normalizeText } from '../core/normalize';
import { ARTICLE_DATE_RANGE, articleFrontMatterSchema, countriesFileSchema, entitySchema, stopPhrasesFileSchema } from '../core/schema';
import { generateCountries } from './countries';

export interface Problem {
  level: 'error' | 'warning';
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export interface Sources {
  entities: Entity[];
  articles: Article[];
  stopPhrases: string[];
  problems: Problem[];
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const fieldOf = (path: PropertyKey[]) => path.map(String).join('.');

/** Parses a JSON file into a tree with offsets, so problems can name their line. */
function readJson(path: string, file: string, problems: Problem[]) {
  const text = readFileSync(path, 'utf8');
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    for (const e of errors)
      problems.push({ level: 'error', file, line: lineAt(text, e.offset), message: `not valid JSON: ${printParseErrorCode(e.error)}` });
    if (!tree && errors.length === 0) problems.push({ level: 'error', file, message: 'empty file' });
    return null;
  }
  const value: unknown = JSON.parse(text);
  const lineOf = (path: (string | number)[]) => {
    for (let p = path; p.length >= 0; p = p.slice(0, -1)) {
      const node = findNodeAtLocation(tree, p);
      if (node) return lineAt(text, node.offset);
      if (p.length === 0) break;
    }
    return 1;
  };
  return { value, lineOf };
}

/** A data file read and checked against its schema: its value and how to find a line, or null (problems said). */
function readValidated<T>(dir: string, name: string, schema: z.ZodType<T>, problems: Problem[]): { data: T; lineOf: (path: (string | number)[]) => number } | null {
  const file = `data/${name}`;
  const json = readJson(join(dir, name), file, problems);
  if (!json) return null;
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, file, json.lineOf));
    return null;
  }
  return { data: parsed.data, lineOf: json.lineOf };
}

function zodProblems(error: z.ZodError, file: string, lineOf: (path: (string | number)[]) => number, prefix: (string | number)[] = []): Problem[] {
  return error.issues.flatMap((i) => {
    // An unknown field is reported at the field itself, one problem per field.
    const keys = i.code === 'unrecognized_keys' ? i.keys : [undefined];
    return keys.map((key) => {
      const own = key === undefined ? (i.path as (string | number)[]) : [...(i.path as (string | number)[]), key];
      const message = key === undefined ? i.message : `unknown field "${key}"`;
      return { level: 'error' as const, file, line: lineOf([...prefix, ...own]), field: fieldOf(own) || undefined, message };
    });
  });
}

function loadEntities(dir: string, problems: Problem[]): Entity[] {
  const entities: Entity[] = [];
  const entityDir = join(dir, 'entities');
  for (const name of readdirSync(entityDir).filter((f) => f.endsWith('.json')).sort()) {
    const file = `data/entities/${name}`;
    const json = readJson(join(entityDir, name), file, problems);
    if (!json) continue;
    if (!Array.isArray(json.value)) {
      problems.push({ level: 'error', file, line: 1, message: 'expected an array of entities' });
      continue;
    }
    json.value.forEach((item: unknown, i: number) => {
      const parsed = entitySchema.safeParse(item);
      if (parsed.success) entities.push(parsed.data);
      else problems.push(...zodProblems(parsed.error, file, json.lineOf, [i]));
    });
  }
  return entities;
}

function loadCountries(dir: string, problems: Problem[]): Entity[] {
  const file = 'data/countries.json';
  const json = readValidated(dir, 'countries.json', countriesFileSchema, problems);
  if (!json) return [];
  const { entities, unknown } = generateCountries(json.data.countries);
  for (const code of unknown)
    problems.push({ level: 'error', file, line: json.lineOf(['countries', code]), field: `countries.${code}`, message: `unknown country code "${code}"` });
  return entities;
}

function loadArticles(dir: string, problems: Problem[]): Article[] {
  const articles: Article[] = [];
  const articleDir = join(dir, 'articles');
  for (const name of readdirSync(articleDir).filter((f) => f.endsWith('.md')).sort()) {
    const file = `data/articles/${name}`;
    const text = readFileSync(join(articleDir, name), 'utf8').replace(/\r\n/g, '\n');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!m) {
      problems.push({ level: 'error', file, line: 1, message: 'expected front matter between two --- lines, then the body' });
      continue;
    }
    const counter = new LineCounter();
    // failsafe: every value stays a string; the schema checks dates, not the YAML parser.
    const doc = parseDocument(m[1]!, { lineCounter: counter, schema: 'failsafe', uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors)
        problems.push({ level: 'error', file, line: 1 + (e.linePos?.[0]?.line ?? 1), message: `front matter: ${e.message.split('\n')[0]}` });
      continue;
    }
    const lineOfKey = (key: string | number | undefined) => {
      if (isMap(doc.contents) && key !== undefined) {
        const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return 1 + counter.linePos(range[0]).line;
      }
      return 2;
    };
    const parsed = articleFrontMatterSchema.safeParse(doc.toJS());
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, file, (path) => lineOfKey(path[0])));
      continue;
    }
    const front = parsed.data;
    if (`${front.id}.md` !== name)
      problems.push({ level: 'error', file, line: lineOfKey('id'), field: 'id', message: `id "${front.id}" does not match the file name` });
    if (front.date < ARTICLE_DATE_RANGE.from || front.date > ARTICLE_DATE_RANGE.to)
      problems.push({ level: 'error', file, line: lineOfKey('date'), field: 'date', message: `date ${front.date} is outside ${ARTICLE_DATE_RANGE.from} – ${ARTICLE_DATE_RANGE.to}` });
    const body = m[2]!.trim();
    if (body.split(/\s+/).filter(Boolean).length < 80)
      problems.push({ level: 'error', file, line: m[1]!.split('\n').length + 3, field: 'body', message: 'the body has fewer than 80 words' });
    const { references: _references, ...article } = front;
    articles.push({ ...article, body });
  }
  return articles;
}

function loadStopPhrases(dir: string, problems: Problem[]): string[] {
  return readValidated(dir, 'stop-phrases.json', stopPhrasesFileSchema, problems)?.data.phrases.map((p) => p.text) ?? [];
}

export function loadSources(dir: string): Sources {
  const problems: Problem[] = [];
  const entities = [...loadEntities(dir, problems), ...loadCountries(dir, problems)];
  const articles = loadArticles(dir, problems);
  const stopPhrases = existsSync(join(dir, 'stop-phrases.json')) ? loadStopPhrases(dir, problems) : [];
  problems.push(...crossChecks(entities, articles));
  return { entities, articles, stopPhrases, problems };
}

/**
 * Checks across files: unique ids, and aliases claimed by two entities. Two
 * entities may share a form only as a short form (resolved on the page by
 * the full name that came before): that is the explicit rule.
 */
export function crossChecks(entities: readonly Entity[], articles: readonly Article[]): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, message: string) => problems.push({ level: 'error', file, message });
  const seen = new Set<string>();
  for (const e of entities) {
    if (seen.has(e.id)) error('data/entities', `duplicate entity id "${e.id}"`);
    seen.add(e.id);
  }
  const articleIds = new Set<string>();
  for (const a of articles) {
    if (articleIds.has(a.id)) error('data/articles', `duplicate article id "${a.id}"`);
    articleIds.add(a.id);
  }
  const owners = new Map<string, string>();
  for (const e of entities) {
    const own = new Set<string>();
    for (const a of e.aliases) {
      const key = normalizeText(a.text);
      if (!key) {
        error('data/entities', `${e.id}: alias "${a.text}" has no letters`);
        continue;
      }
      if (own.has(key)) error('data/entities', `${e.id}: alias "${a.text}" is listed twice (the same once normalised)`);
      own.add(key);
      if (a.short) continue;
      const other = owners.get(key);
      if (other && other !== e.id) error('data/entities', `alias "${a.text}" is claimed by both ${other} and ${e.id}; mark it "short" in both to resolve it on the page`);
      owners.set(key, e.id);
    }
  }
  return problems;
}
