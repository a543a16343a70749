// Shared test data: the project's own dataset, compiled from data/ the way
// `npm run data:build` does, and a small hand-made index for matcher tests.
import { join } from 'node:path';
import { articleMentions, compileDataset, spotterEntries } from '../core/compile';
import { indexDataset, type DatasetIndex } from '../core/dataset-index';
import { toStoredMentions, type ImportedArticle } from '../core/merge';
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

/**
 * Imported articles: the bundled texts again, dated over fifteen years on
 * either side of the bundled period (so the timeline is widened and cut to
 * its latest months), some with a URL.
 */
export function importedArticles(bundled: DatasetIndex, count: number): ImportedArticle[] {
  const spotter = buildIndex(spotterEntries(bundled.dataset.entities, bundled.dataset.stopPhrases));
  return Array.from({ length: count }, (_, i) => {
    const source = bundled.dataset.articles[i % bundled.dataset.articles.length]!;
    const year = 2010 + (i % 15);
    const month = String(1 + ((i * 5) % 12)).padStart(2, '0');
    const a = {
      id: `c1/${i}`,
      collection: 'c1',
      title: `Imported ${i}`,
      date: `${year}-${month}-${String(1 + (i % 28)).padStart(2, '0')}`,
      lang: source.lang,
      source: 'Archive',
      summary: source.summary,
      body: source.body,
      ...(i % 3 === 0 ? { url: `https://archive.example/${i}` } : {}),
    };
    return { ...a, mentions: toStoredMentions(articleMentions(spotter, a)) };
  });
}
