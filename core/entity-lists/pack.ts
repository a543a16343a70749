// A list of names, once previewed, becomes an entity pack: the reader's
// entities made from it, and what it does to the names other entities
// already answer to, decided once for the whole list (never silently):
//  - keep: a known name stays with its entity; an entry whose own name is
//    known is left out;
//  - add: an entry whose name is known joins that entity, which answers to
//    the entry's other names too;
//  - replace: the entry takes its names; the entity that had them no longer
//    answers to them.

import type { Alias, Entity, EntityType, SpotterEntry } from '../model';
import { normalizeText } from '../normalize';
import type { DraftEntity } from './parse';

export type ConflictChoice = 'keep' | 'add' | 'replace';
export const CONFLICT_CHOICES: readonly ConflictChoice[] = ['keep', 'add', 'replace'];

export interface PackMeta {
  id: string;
  name: string;
  enabled: boolean;
  /** ISO date-time of the import. */
  created: string;
  file: string;
  count: number;
  choice: ConflictChoice;
}

/** What a pack changes: its own entities, and names added to or taken from others. */
export interface PackContent {
  entities: Entity[];
  additions: { entity: string; aliases: Alias[] }[];
  removals: { entity: string; texts: string[] }[];
}

export interface Conflict {
  /** The entry (its index in the list) and the name it shares. */
  entry: number;
  text: string;
  /** The entity that answers to it now. */
  owner: string;
  /** Whether the shared name is the entry's own name (not one of its other names). */
  isName: boolean;
}

/** An all-capitals short form ("ISI", "OTAN") is an acronym: matched in its exact case only. */
const isAcronym = (text: string) => text.length <= 6 && /^[\p{Lu}\d.&-]+$/u.test(text) && /\p{Lu}/u.test(text);
const aliasOf = (text: string): Alias => (isAcronym(text) ? { text, exact: true } : { text });

/** Names shorter than this are not spotted reliably and are left out. */
const MIN_FORM = 2;

/** folded name → the entity answering to it, over every alias in use (short forms and stop phrases aside). */
export function ownersOf(known: Iterable<SpotterEntry>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const e of known) if (!e.stop && !e.alias.short) owners.set(normalizeText(e.alias.text), e.entity);
  return owners;
}

/** The forms of an entry, each once, its name first. */
function formsOf(d: DraftEntity): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of [d.name, ...d.aliases]) {
    const key = normalizeText(text);
    if (text.length < MIN_FORM || !key || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

/** Every name of the list another entity already answers to. */
export function conflictsOf(drafts: readonly DraftEntity[], owners: ReadonlyMap<string, string>): Conflict[] {
  const out: Conflict[] = [];
  drafts.forEach((d, entry) => {
    for (const text of formsOf(d)) {
      const owner = owners.get(normalizeText(text));
      if (owner !== undefined) out.push({ entry, text, owner, isName: text === d.name });
    }
  });
  return out;
}

export interface PlanOptions {
  packId: string;
  /** The type of entries the file gives none. */
  defaultType: EntityType;
  choice: ConflictChoice;
  owners: ReadonlyMap<string, string>;
}

/** The pack's content for a list, the conflicts settled by `choice`. */
export function planPack(drafts: readonly DraftEntity[], opts: PlanOptions): PackContent & { skipped: number } {
  const entities: Entity[] = [];
  const additions = new Map<string, Alias[]>();
  const removals = new Map<string, string[]>();
  let skipped = 0;
  drafts.forEach((d, i) => {
    const forms = formsOf(d);
    const owned = (text: string) => opts.owners.get(normalizeText(text));
    const nameOwner = forms[0] === d.name ? owned(d.name) : undefined;
    if (nameOwner !== undefined && opts.choice !== 'replace') {
      if (opts.choice === 'add') {
        const free = forms.filter((f) => owned(f) === undefined).map(aliasOf);
        if (free.length) additions.set(nameOwner, [...(additions.get(nameOwner) ?? []), ...free]);
      } else skipped++;
      return;
    }
    const kept: string[] = [];
    for (const text of forms) {
      const owner = owned(text);
      if (owner === undefined) kept.push(text);
      else if (opts.choice === 'replace') {
        kept.push(text);
        removals.set(owner, [...(removals.get(owner) ?? []), text]);
      }
      // keep / add: another entity keeps a shared other name.
    }
    if (kept.length === 0) {
      skipped++;
      return;
    }
    const [name, ...aliases] = kept as [string, ...string[]];
    entities.push({
      id: `${opts.packId}/${d.wikidata ?? i + 1}`,
      type: d.type ?? opts.defaultType,
      name: { en: name, fr: name },
      description: { en: d.description, fr: d.description },
      aliases: [aliasOf(name), ...aliases.map(aliasOf)],
      ...(d.country ? ((d.type ?? opts.defaultType) === 'person' ? { nationality: d.country } : { country: d.country }) : {}),
      ...(d.coords ? { coords: d.coords } : {}),
    });
  });
  return {
    entities,
    additions: [...additions].map(([entity, aliases]) => ({ entity, aliases })),
    removals: [...removals].map(([entity, texts]) => ({ entity, texts })),
    skipped,
  };
}

/** The dataset's entities with a pack's additions and removals applied (new objects; the rest untouched). */
export function applyPackChanges(entities: readonly Entity[], packs: readonly Pick<PackContent, 'additions' | 'removals'>[]): Entity[] {
  const added = new Map<string, Alias[]>();
  const removed = new Map<string, Set<string>>();
  for (const p of packs) {
    for (const a of p.additions) added.set(a.entity, [...(added.get(a.entity) ?? []), ...a.aliases]);
    for (const r of p.removals) {
      const set = removed.get(r.entity) ?? new Set<string>();
      for (const t of r.texts) set.add(normalizeText(t));
      removed.set(r.entity, set);
    }
  }
  if (added.size === 0 && removed.size === 0) return [...entities];
  return entities.map((e) => {
    const plus = added.get(e.id);
    const minus = removed.get(e.id);
    if (!plus && !minus) return e;
    const aliases = [...e.aliases, ...(plus ?? [])].filter((a) => !minus?.has(normalizeText(a.text)));
    return { ...e, aliases };
  });
}
