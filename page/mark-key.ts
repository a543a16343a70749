// A mention's identity that survives a rescan. A rescan makes new Mark
// objects for the same text, so the hover state machine (core/hover.ts) names
// a mention by where it starts, its text node and offset, not by its object.

import type { HoverTarget } from '../core/hover';
import type { Mark } from './highlights';

/** Node ids, weakly held: a node the page drops takes its id with it. */
const nodeIds = new WeakMap<Node, number>();
let nextNodeId = 1;

/** The mention's start node and offset, as a string. */
export function keyOf(m: Mark): string {
  const node = m.range.startContainer;
  let id = nodeIds.get(node);
  if (id === undefined) nodeIds.set(node, (id = nextNodeId++));
  return `${id}:${m.range.startOffset}`;
}

/** What the hover state machine calls this mention. */
export function targetOf(m: Mark): HoverTarget {
  return { entity: m.entity, key: keyOf(m) };
}

/** The mark among `marks` that a hover target names, if it is still on the page. */
export function markOf(marks: readonly Mark[], target: HoverTarget): Mark | undefined {
  return marks.find((m) => m.entity === target.entity && keyOf(m) === target.key);
}
