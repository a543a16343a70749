// Shared test data: the project's own dataset, compiled from data/ the way
// `npm run data:build` does, and a small hand-made index for matcher tests.
import { join } from 'node:path';
import { compileDataset, spotterEntries } from '../core/compile';
import { indexDataset } from '../core/dataset-index';
import type { Entity, SpotterEntry } from '../core/model';
import { aliasesFor, packAliases, type PackedAliases } from '../core/alias-index';
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

/** The background's answer to a page asking for its aliases (page/vocabulary.ts), over `entries`. */
export function askFrom(entries: readonly SpotterEntry[] | (() => readonly SpotterEntry[])) {
  const packs = new Map<readonly SpotterEntry[], PackedAliases>();
  return async (words: number[], fresh: number): Promise<SpotterEntry[]> => {
    const list = typeof entries === 'function' ? entries() : entries;
    let packed = packs.get(list);
    if (!packed) packs.set(list, (packed = packAliases(list)));
    return aliasesFor(packed, words, fresh);
  };
}
