// Compiles validated sources into the dataset the extension loads. Mentions
// are found by the same spotter and short-form rules as on a web page, never
// tagged by hand, so what a card says an article mentions is what the
// content script would highlight in it.

import type { Article, Dataset, Entity, Mention, SpotterEntry } from './model';
import { PageMemory } from './resolve';
import { buildIndex, spot } from './spotter';

export const DATASET_VERSION = 1;

export function spotterEntries(entities: readonly Entity[]): SpotterEntry[] {
  return entities.flatMap((e) =>
    e.aliases.map((alias) => ({ entity: e.id, type: e.type, alias, ...(e.plural ? { plural: true } : {}) })),
  );
}

export function findMentions(index: ReturnType<typeof buildIndex>, text: string): Mention[] {
  const memory = new PageMemory();
  return memory
    .resolve(spot(index, text))
    .flatMap((m) => (m ? [{ entity: m.entity, start: m.start, end: m.end }] : []));
}

export function compileDataset(entities: Entity[], articles: Article[]): Dataset {
  const index = buildIndex(spotterEntries(entities));
  const sorted = [...articles].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const mentions: Record<string, Mention[]> = {};
  for (const a of sorted) mentions[a.id] = findMentions(index, a.body);
  return { version: DATASET_VERSION, entities, articles: sorted, mentions };
}
