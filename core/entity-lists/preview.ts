// What the options page (and `npm run entities:preview`) shows before a list
// is stored: how many entries of each type, the first names, every problem,
// and the names other entities already answer to.

import type { Problem } from '../import/types';
import type { EntityType } from '../model';
import { conflictsOf, type Conflict } from './pack';
import { parseEntityList, type DraftEntity, type ListFormat } from './parse';

export interface ListPreview {
  file: string;
  format: ListFormat | null;
  drafts: DraftEntity[];
  problems: Problem[];
  /** No error: the list can be stored. */
  ok: boolean;
  /** Entries by the type the file gives; `untyped` take the type chosen in the preview. */
  counts: Record<EntityType | 'untyped', number>;
  conflicts: Conflict[];
}

export function previewList(text: string, file: string, owners: ReadonlyMap<string, string>): ListPreview {
  const parsed = parseEntityList(text, file);
  const counts = { person: 0, organization: 0, place: 0, untyped: 0 };
  for (const d of parsed.entities) counts[d.type ?? 'untyped']++;
  return {
    file,
    format: parsed.format,
    drafts: parsed.entities,
    problems: [...parsed.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
    ok: parsed.entities.length > 0 && !parsed.problems.some((p) => p.severity === 'error'),
    counts,
    conflicts: conflictsOf(parsed.entities, owners),
  };
}
