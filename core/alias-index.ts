// The background's alias index: every alias Repères knows, grouped by the
// hash of its first folded word, packed into three typed arrays. A page
// sends the hashes of its words (page/vocabulary.ts) and gets back only the
// aliases whose every word is on it, so what a tab holds follows its page,
// not the dataset (docs/adr/0008-knowledge-gateway.md).
//
// Packed rather than kept as objects: the arrays are stored as they are in
// IndexedDB (store/derived.ts), and a service worker that wakes reads them
// back as three buffers, with nothing to parse; a group is decoded only when
// a page holds its first word.

import { ENTITY_TYPES, type SpotterEntry } from './model';
import { firstWordOf, formWords, wordHash } from './spotter';

export interface PackedAliases {
  /** The distinct first-word hashes (unsigned), sorted. */
  keys: Uint32Array;
  /** Group k is `data` from starts[k] to starts[k + 1]. */
  starts: Uint32Array;
  /** Each group: a JSON array of its entries as tuples (see `tuple`), UTF-8. */
  data: Uint8Array;
  /** How many entries went in. */
  count: number;
}

/** An entry as stored: [alias text, entity, type index, the rest when there is any]. */
type Tuple = [string, string, number] | [string, string, number, Omit<SpotterEntry, 'entity' | 'type' | 'alias'> & { a?: Omit<SpotterEntry['alias'], 'text'> }];

function tuple(e: SpotterEntry): Tuple {
  const { entity, type, alias, ...rest } = e;
  const { text, ...flags } = alias;
  const extra = Object.keys(flags).length > 0 ? { ...rest, a: flags } : rest;
  return Object.keys(extra).length > 0 ? [text, entity, ENTITY_TYPES.indexOf(type), extra] : [text, entity, ENTITY_TYPES.indexOf(type)];
}

function entry(t: Tuple): SpotterEntry {
  const [text, entity, type] = t;
  const base: SpotterEntry = { entity, type: ENTITY_TYPES[type] ?? 'place', alias: { text } };
  if (t.length === 3) return base;
  const { a, ...rest } = t[3];
  return { ...base, ...rest, alias: { text, ...a } };
}

/** The first words an entry is found by: its alias's, and its plural's when that begins otherwise. */
function firstWords(e: SpotterEntry): string[] {
  if (e.plural) return [...new Set(formWords(e).map((w) => w[0]!))];
  const first = firstWordOf(e.alias.text);
  return first ? [first] : [];
}

/** Packs `entries`; the order of entries within a group is kept. */
export function packAliases(entries: readonly SpotterEntry[]): PackedAliases {
  const groups = new Map<number, number[]>();
  entries.forEach((e, i) => {
    for (const w of firstWords(e)) {
      const key = wordHash(w) >>> 0;
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    }
  });
  const keys = Uint32Array.from(groups.keys()).sort();
  const starts = new Uint32Array(keys.length + 1);
  const encoder = new TextEncoder();
  let data = new Uint8Array(Math.max(1024, entries.length * 48));
  let at = 0;
  keys.forEach((key, k) => {
    starts[k] = at;
    const json = JSON.stringify(groups.get(key)!.map((i) => tuple(entries[i]!)));
    // A UTF-16 unit takes at most three bytes in UTF-8.
    if (at + json.length * 3 > data.length) {
      const grown = new Uint8Array(Math.max(data.length * 2, at + json.length * 3));
      grown.set(data.subarray(0, at));
      data = grown;
    }
    at += encoder.encodeInto(json, data.subarray(at)).written;
  });
  starts[keys.length] = at;
  return { keys, starts, data: data.slice(0, at), count: entries.length };
}

function groupOf(packed: PackedAliases, key: number, decoder: TextDecoder): Tuple[] {
  const { keys } = packed;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= keys.length || keys[lo] !== key) return [];
  // The group's bytes, decoded alone: the rest of the data is never read.
  return JSON.parse(decoder.decode(packed.data.subarray(packed.starts[lo], packed.starts[lo + 1]))) as Tuple[];
}

/**
 * The entries that may match on a page with these words: each form's every
 * word among `words`, and one of them among the last `fresh` (the words new
 * since the page last asked: what it had then, it got then). Word hashes
 * can collide; that only sends an alias that will not match.
 */
export function aliasesFor(packed: PackedAliases, words: readonly number[], fresh = words.length): SpotterEntry[] {
  const all = new Set(words);
  const added = new Set(words.slice(words.length - fresh));
  if (added.size === 0) return [];
  const decoder = new TextDecoder();
  const seen = new Set<string>();
  const out: SpotterEntry[] = [];
  for (const word of all) {
    for (const t of groupOf(packed, word >>> 0, decoder)) {
      const e = entry(t);
      const hashes = formWords(e).map((form) => form.map(wordHash));
      if (!hashes.some((form) => form.every((h) => all.has(h)) && form.some((h) => added.has(h)))) continue;
      if (e.plural) {
        // A plural that begins otherwise is in two groups.
        const id = JSON.stringify(t);
        if (seen.has(id)) continue;
        seen.add(id);
      }
      out.push(e);
    }
  }
  return out;
}
