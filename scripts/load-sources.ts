// Reads and validates the dataset sources in data/: entities/*.json (the
// hand-written entities of the bundled story), world/*.json (the world
// pack's hand-written regions, organisations and people, each with a
// reference), countries.json and cities.json (what the packages lack for the
// generated countries and cities) and articles/*.md (YAML front matter, then
// the body). Returns every problem found, each with its file, line and
// field, rather than stopping at the first. References are for reviewers:
// they are checked here and never reach the build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontMatter } from '../core/import/front-matter';
import { readJsonWithLines } from '../core/import/json-tree';
import { z } from 'zod';
import type { Alias, Article, Entity } from '../core/model';
import { normalizeText, tokenize } from '../core/normalize';
import {
  ARTICLE_DATE_RANGE,
  articleFrontMatterSchema,
  citiesFileSchema,
  countriesFileSchema,
  entitySchema,
  stopPhrasesFileSchema,
  worldEntitySchema,
} from '../core/schema';
import { cityKey, generateCities, geoCities, geoTowns } from './cities';
import { commonWords } from './common-words';
import { generateCountries } from './countries';
import { markCommonForms, mergeCities, placeCountries, yieldToCities } from './world';

export interface Problem {
  level: 'error' | 'warning';
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export interface Sources {
  entities: Entity[];
  /** The ids of data/entities/: the bundled story's own entities, as against the world pack. */
  storyIds: Set<string>;
  articles: Article[];
  stopPhrases: string[];
  problems: Problem[];
}

const fieldOf = (path: PropertyKey[]) => path.map(String).join('.');

/** GeoNames' first-level codes of the United States (postal abbreviations) and the states they name. */
const US_STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

/** Reads a JSON file with the line of every value (the import parsers' reader), so problems can name their line. */
function readJson(path: string, file: string, problems: Problem[]) {
  const read = readJsonWithLines(readFileSync(path, 'utf8'), Infinity);
  if (read.ok) return read;
  for (const e of read.errors) problems.push({ level: 'error', file, line: e.line, message: `not valid JSON: ${e.code}` });
  if (read.errors.length === 0) problems.push({ level: 'error', file, message: 'empty file' });
  return null;
}

/** A data file read and checked against its schema: its value and how to find a line, or null (problems said). */
function readValidated<T>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
  problems: Problem[],
): { data: T; lineOf: (path: (string | number)[]) => number } | null {
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

/**
 * Aliases less those that fold to a form already listed ("Hokkaidō" after
 * "Hokkaido"): writers list the spellings they meet, and the matcher folds
 * accents, so a second spelling is no error, only nothing new. An exact-case
 * form stays apart from a folded one ("AP" beside "Ap").
 */
const formKey = (a: Alias) =>
  `${a.short ? 's' : ''}${
    a.exact
      ? `e${tokenize(a.text)
          .map((t) => t.cased)
          .join(' ')}`
      : normalizeText(a.text)
  }`;

function distinctForms(aliases: readonly Alias[]): Alias[] {
  const seen = new Set<string>();
  return aliases.filter((a) => {
    const key = formKey(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The entities of every JSON file in `data/<folder>`, checked against `schema`, without their references. */
function loadEntities(dir: string, folder: string, schema: z.ZodType<Entity>, problems: Problem[]): Entity[] {
  const entities: Entity[] = [];
  const entityDir = join(dir, folder);
  if (!existsSync(entityDir)) return entities;
  for (const name of readdirSync(entityDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = `data/${folder}/${name}`;
    const json = readJson(join(entityDir, name), file, problems);
    if (!json) continue;
    if (!Array.isArray(json.value)) {
      problems.push({ level: 'error', file, line: 1, message: 'expected an array of entities' });
      continue;
    }
    json.value.forEach((item: unknown, i: number) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) {
        const { references: _references, ...entity } = parsed.data;
        entities.push({ ...entity, aliases: distinctForms(entity.aliases) });
      } else problems.push(...zodProblems(parsed.error, file, json.lineOf, [i]));
    });
  }
  return entities;
}

function loadCountries(dir: string, cities: CitiesFile | null, problems: Problem[]): Entity[] {
  const file = 'data/countries.json';
  const json = readValidated(dir, 'countries.json', countriesFileSchema, problems);
  if (!json) return [];
  const words = commonWords();
  // The capitals' French names, where data/cities.json gives them ("Kiev", "Varsovie").
  const capitalsFr = new Map<string, string>();
  for (const c of geoCities()) {
    const fr = c.featureCode === 'PPLC' ? cities?.data.cities[cityKey(c)]?.name?.fr : undefined;
    if (fr) capitalsFr.set(c.country, fr);
  }
  const { entities, unknown } = generateCountries(
    json.data.countries,
    (form) => words.isWord(form),
    (code) => capitalsFr.get(code),
  );
  for (const code of unknown)
    problems.push({ level: 'error', file, line: json.lineOf(['countries', code]), field: `countries.${code}`, message: `unknown country code "${code}"` });
  return entities;
}

type CitiesFile = NonNullable<ReturnType<typeof readCities>>;

function readCities(dir: string, problems: Problem[]) {
  return existsSync(join(dir, 'cities.json')) ? readValidated(dir, 'cities.json', citiesFileSchema, problems) : null;
}

/** GeoNames' cities, less those a hand-written place already is. */
function loadCities(json: CitiesFile | null, countries: readonly Entity[], hand: Entity[], problems: Problem[]): Entity[] {
  const file = 'data/cities.json';
  if (!json) return [];
  const byCode = new Map(countries.flatMap((c) => (c.country ? [[c.country, c] as const] : [])));
  const divisions = new Map<string, string>();
  // "Georgia (U.S. state)": the name without what tells it from its namesakes.
  for (const e of hand) if (e.type === 'place' && e.country === 'US') divisions.set(`US:${normalizeText(e.name.en.replace(/\s*\(.*\)$/, ''))}`, e.id);
  const taken = new Set([...countries, ...hand].map((e) => e.id));
  const { entities, unknown } = generateCities(
    json.data.cities,
    {
      countries: byCode,
      // GeoNames' first-level codes are postal codes in the United States: the states' names come from a table there.
      division: (country, code) => (country === 'US' ? divisions.get(`US:${normalizeText(US_STATES[code] ?? '')}`) : undefined),
      words: commonWords(),
    },
    taken,
  );
  for (const key of unknown)
    problems.push({
      level: 'error',
      file,
      line: json.lineOf(['cities', key]),
      field: `cities.${key}`,
      message: `no GeoNames city "${key}" among those generated`,
    });
  return mergeCities(hand, entities);
}

function loadArticles(dir: string, problems: Problem[]): Article[] {
  const articles: Article[] = [];
  const articleDir = join(dir, 'articles');
  for (const name of readdirSync(articleDir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const file = `data/articles/${name}`;
    // The import's own reader of front matter: the bundled articles and imported ones are read alike.
    const read = readFrontMatter(readFileSync(join(articleDir, name), 'utf8'));
    if (!read.ok) {
      problems.push(...read.errors.map((e) => ({ level: 'error' as const, file, line: e.line, message: e.message })));
      continue;
    }
    const { lineOfKey } = read;
    const parsed = articleFrontMatterSchema.safeParse(read.front);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, file, (path) => lineOfKey(String(path[0]))));
      continue;
    }
    const front = parsed.data;
    if (`${front.id}.md` !== name)
      problems.push({ level: 'error', file, line: lineOfKey('id'), field: 'id', message: `id "${front.id}" does not match the file name` });
    if (front.date < ARTICLE_DATE_RANGE.from || front.date > ARTICLE_DATE_RANGE.to)
      problems.push({
        level: 'error',
        file,
        line: lineOfKey('date'),
        field: 'date',
        message: `date ${front.date} is outside ${ARTICLE_DATE_RANGE.from} – ${ARTICLE_DATE_RANGE.to}`,
      });
    const body = read.body.trim();
    if (body.split(/\s+/).filter(Boolean).length < 80)
      problems.push({ level: 'error', file, line: read.bodyLine, field: 'body', message: 'the body has fewer than 80 words' });
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
  const story = loadEntities(dir, 'entities', entitySchema, problems);
  const hand = [...story, ...loadEntities(dir, 'world', worldEntitySchema, problems)];
  // A hand-written entry for a generated territory (Hong Kong, Macau) says more: it takes its place.
  const handIds = new Set(hand.map((e) => e.id));
  const citiesFile = readCities(dir, problems);
  const countries = loadCountries(dir, citiesFile, problems).filter((c) => !handIds.has(c.id));
  const cities = loadCities(citiesFile, countries, hand, problems);
  const countryIds = new Set(countries.map((c) => c.id));
  const towns = new Map<string, number>();
  for (const t of geoTowns()) towns.set(t.country, (towns.get(t.country) ?? 0) + t.population);
  for (const c of countries) if (c.country && towns.get(c.country)) c.prominence = towns.get(c.country);
  placeCountries(
    hand,
    geoTowns().map((t) => ({ country: t.country, coords: [t.loc.coordinates[1], t.loc.coordinates[0]] })),
  );
  yieldToCities(
    hand.filter((e) => e.type === 'place'),
    cities,
  );
  const entities = [...hand, ...countries, ...cities];
  // Generated cities were weighed when generated, knowing which are capitals.
  markCommonForms([...hand, ...countries], commonWords(), (e) => countryIds.has(e.id));
  const articles = loadArticles(dir, problems);
  const stopPhrases = existsSync(join(dir, 'stop-phrases.json')) ? loadStopPhrases(dir, problems) : [];
  problems.push(...crossChecks(entities, articles));
  return { entities, articles, stopPhrases, problems, storyIds: new Set(story.map((e) => e.id)) };
}

/**
 * Checks across files: unique ids, and forms claimed by two people. Places
 * and organisations may share a form (Georgia the country and the US state,
 * "PTI" the agency and the party): the page's context tells them apart
 * (core/resolve.ts). Two people sharing a full form are most likely one
 * person written twice; namesakes share only short forms, resolved on the
 * page by the full name that came before.
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
  const people = new Map<string, string>();
  for (const e of entities) {
    const own = new Set<string>();
    for (const a of e.aliases) {
      const key = normalizeText(a.text);
      if (!key) {
        error('data/entities', `${e.id}: alias "${a.text}" has no letters`);
        continue;
      }
      if (own.has(formKey(a))) error('data/entities', `${e.id}: alias "${a.text}" is listed twice (the same once normalised)`);
      own.add(formKey(a));
      if (a.short || e.type !== 'person') continue;
      const other = people.get(key);
      if (other && other !== e.id)
        error('data/entities', `alias "${a.text}" is claimed by two people, ${other} and ${e.id}; mark it "short" in both if they are namesakes`);
      people.set(key, e.id);
    }
  }
  return problems;
}
