// npm run data:check — validates every dataset source and prints each
// problem as `file:line: field: message`, then a one-line summary. Exits 1
// on any error; warnings (an entity no article mentions, an article that
// mentions no entity) do not fail the check.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDataset } from '../core/compile';
import type { Dataset } from '../core/model';
import { ENTITY_TYPES } from '../core/model';
import { loadSources, type Problem } from './load-sources';

export interface CheckResult {
  problems: Problem[];
  dataset: Dataset | null;
  summary: string;
}

export function checkData(dataDir: string): CheckResult {
  const { entities, articles, stopPhrases, problems, storyIds } = loadSources(dataDir);
  const errors = problems.filter((p) => p.level === 'error');
  const dataset = errors.length === 0 ? compileDataset(entities, articles, stopPhrases) : null;
  if (dataset) {
    const withMentions = new Set(Object.values(dataset.postings).flatMap((ps) => ps.map((p) => p.article)));
    // The world pack is there for any page, not for the bundled articles: only the story's own entities should appear in them.
    for (const e of entities)
      if (storyIds.has(e.id) && !dataset.postings[e.id]) problems.push({ level: 'warning', file: 'data/entities', message: `${e.id}: no article mentions it` });
    for (const a of dataset.articles)
      if (!withMentions.has(a.id)) problems.push({ level: 'warning', file: `data/articles/${a.id}.md`, message: 'mentions no known entity' });
  }
  const byLang = (l: string) => articles.filter((a) => a.lang === l).length;
  const byType = ENTITY_TYPES.map((t) => `${t}: ${entities.filter((e) => e.type === t).length}`).join(', ');
  const aliases = entities.reduce((n, e) => n + e.aliases.length, 0);
  const summary = `articles: ${articles.length} (fr: ${byLang('fr')}, en: ${byLang('en')}), entities: ${entities.length} (${byType}), aliases: ${aliases}`;
  return { problems, dataset, summary };
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${p.level}: ${where}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { problems, summary } = checkData(process.argv[2] ?? DATA_DIR);
  for (const p of problems) console.log(formatProblem(p));
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length) console.log(`${errors} error(s), ${warnings} warning(s)`);
  console.log(summary);
  process.exit(errors > 0 ? 1 : 0);
}
