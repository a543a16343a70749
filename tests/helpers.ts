// Shared test data: the project's own dataset, compiled from data/ the way
// `npm run data:build` does, and a small hand-made index for matcher tests.
import { join } from 'node:path';
import { compileDataset, spotterEntries } from '../core/compile';
import { indexDataset } from '../core/dataset-index';
import type { Entity } from '../core/model';
import { buildIndex } from '../core/spotter';
import { loadSources } from '../scripts/load-sources';

export const ROOT = join(import.meta.dirname, '..');

export function projectSources() {
  const sources = loadSources(join(ROOT, 'data'));
  if (sources.problems.length) throw new Error(sources.problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  return sources;
}

export function projectDataset() {
  const { entities, articles, stopPhrases } = projectSources();
  return indexDataset(compileDataset(entities, articles, stopPhrases));
}

export function projectIndex() {
  const { entities, stopPhrases } = projectSources();
  return buildIndex(spotterEntries(entities, stopPhrases));
}

export function entity(id: string, type: Entity['type'], aliases: Entity['aliases'], extra: Partial<Entity> = {}): Entity {
  return { id, type, name: { en: id, fr: id }, description: { en: id, fr: id }, aliases, ...extra };
}
