// Whether the alias list changed, without keeping two lists to compare: a
// collection switched on or off changes what cards say, not which names are
// spotted, and then the page need not be scanned again.

import type { SpotterEntry } from '../core/model';

/** A short fingerprint of an alias list (FNV-1a over its JSON), to tell whether it changed. */
export function signatureOf(entries: readonly SpotterEntry[]): string {
  const text = JSON.stringify(entries);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${entries.length}:${(hash >>> 0).toString(36)}`;
}
