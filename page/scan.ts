// One scan of a page: collect its reading text, spot and resolve names,
// and turn each match into a Range over the page's own text nodes.

import { PageMemory } from '../core/resolve';
import { spot, type SpotterIndex } from '../core/spotter';
import { collectSegments, locate } from './collect';
import type { Mark } from './highlights';

export function scan(root: Node, index: SpotterIndex, memory = new PageMemory()): Mark[] {
  const doc = root.ownerDocument ?? (root as Document);
  const marks: Mark[] = [];
  for (const segment of collectSegments(root)) {
    const resolved = memory.resolve(spot(index, segment.text));
    for (const m of resolved) {
      if (!m) continue;
      const start = locate(segment, m.start, false);
      const end = locate(segment, m.end, true);
      const range = doc.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      marks.push({ entity: m.entity, type: m.type, range });
    }
  }
  return marks;
}

/** entity id → number of marks, counting only the categories shown. */
export function countMarks(marks: readonly Mark[], shown: (m: Mark) => boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of marks) if (shown(m)) counts[m.entity] = (counts[m.entity] ?? 0) + 1;
  return counts;
}
