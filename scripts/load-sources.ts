// Reads and validates the dataset sources in data/: entities/*.json and
// articles/*.md (YAML front matter, then the body). Returns every problem
// found, each with its file, rather than stopping at the first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Article, Entity } from '../core/model';
import { articleFrontMatterSchema, entitySchema } from '../core/schema';
import { normalizeText } from '../core/normalize';

export interface Problem {
  file: string;
  message: string;
}

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
}

export function loadSources(dir: string): { entities: Entity[]; articles: Article[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const entities: Entity[] = [];
  const entityDir = join(dir, 'entities');
  for (const name of readdirSync(entityDir).filter((f) => f.endsWith('.json')).sort()) {
    const file = join('data/entities', name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(entityDir, name), 'utf8'));
    } catch (e) {
      problems.push({ file, message: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    if (!Array.isArray(raw)) {
      problems.push({ file, message: 'expected an array of entities' });
      continue;
    }
    raw.forEach((item, i) => {
      const parsed = entitySchema.safeParse(item);
      if (parsed.success) entities.push(parsed.data);
      else for (const m of issuesOf(parsed.error)) problems.push({ file, message: `[${i}] ${m}` });
    });
  }

  const articles: Article[] = [];
  const articleDir = join(dir, 'articles');
  for (const name of readdirSync(articleDir).filter((f) => f.endsWith('.md')).sort()) {
    const file = join('data/articles', name);
    const text = readFileSync(join(articleDir, name), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!m) {
      problems.push({ file, message: 'expected front matter between two --- lines, then the body' });
      continue;
    }
    let front: unknown;
    try {
      // Dates stay strings: the schema checks them, not the YAML parser.
      front = parseYaml(m[1]!, { schema: 'failsafe' });
    } catch (e) {
      problems.push({ file, message: `front matter is not valid YAML: ${(e as Error).message}` });
      continue;
    }
    const parsed = articleFrontMatterSchema.safeParse(front);
    if (!parsed.success) {
      for (const msg of issuesOf(parsed.error)) problems.push({ file, message: msg });
      continue;
    }
    if (`${parsed.data.id}.md` !== name) problems.push({ file, message: `id "${parsed.data.id}" does not match the file name` });
    articles.push({ ...parsed.data, body: m[2]!.trim() });
  }

  problems.push(...crossChecks(entities, articles));
  return { entities, articles, problems };
}

/** Checks across files: unique ids, and aliases claimed by two entities. */
export function crossChecks(entities: readonly Entity[], articles: readonly Article[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    if (seen.has(e.id)) problems.push({ file: 'data/entities', message: `duplicate entity id "${e.id}"` });
    seen.add(e.id);
  }
  const articleIds = new Set<string>();
  for (const a of articles) {
    if (articleIds.has(a.id)) problems.push({ file: 'data/articles', message: `duplicate article id "${a.id}"` });
    articleIds.add(a.id);
  }
  // Two entities may share a short form (it is resolved on the page), never a full one.
  const owners = new Map<string, string>();
  for (const e of entities) {
    const own = new Set<string>();
    for (const a of e.aliases) {
      const key = normalizeText(a.text);
      if (own.has(key)) problems.push({ file: 'data/entities', message: `${e.id}: alias "${a.text}" is listed twice` });
      own.add(key);
      if (a.short) continue;
      const other = owners.get(key);
      if (other && other !== e.id)
        problems.push({ file: 'data/entities', message: `alias "${a.text}" is claimed by both ${other} and ${e.id}` });
      owners.set(key, e.id);
    }
  }
  return problems;
}
