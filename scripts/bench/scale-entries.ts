// The made-up part of the scale case's names (scale-names.ts): built in the
// bench page itself, so that a million entries need not cross the DevTools
// protocol. No imports: it runs in Node and in the page alike.
import type { SpotterEntry } from '../../core/model';

/**
 * `n` names in all: `real`, then made-up people, each a real first name and
 * a surname of two to four syllables.
 */
export function scaleEntries(real: readonly SpotterEntry[], firstNames: readonly string[], syllables: readonly string[], n: number): SpotterEntry[] {
  const out = real.slice(0, n);
  let state = 12345;
  // A 32-bit linear congruential generator (Math.imul keeps it exact).
  const next = (k: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16) % k;
  const seen = new Set<string>();
  while (out.length < n) {
    let surname = '';
    for (let i = 2 + next(3); i > 0; i--) surname += syllables[next(syllables.length)];
    const text = `${firstNames[next(firstNames.length)]} ${surname[0]!.toUpperCase()}${surname.slice(1)}`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ entity: `made-up-${out.length}`, type: 'person', alias: { text } });
  }
  return out;
}
