// Entities the reader adds in the options page: checked, then turned into
// the dataset's Entity shape. A reader's entity takes effect everywhere at
// once (the gateway merges it); its aliases must not steal a name another
// entity already answers to.

import type { Entity, EntityType, SpotterEntry } from './model';
import { normalizeText } from './normalize';

export interface EntityInput {
  name: string;
  type: EntityType;
  /** Other names, one per item. */
  aliases: string[];
  description: string;
}

export type EntityCheck = { ok: true; entity: Entity } | { ok: false; errors: { field: 'name' | 'aliases' | 'description'; message: string }[] };

/** An all-capitals short form ("ISI", "OTAN") is an acronym: matched in its exact case only. */
const isAcronym = (text: string) => text.length <= 6 && /^[\p{Lu}\d.&-]+$/u.test(text) && /\p{Lu}/u.test(text);

export const MAX_NAME_LENGTH = 120;
export const MAX_DESCRIPTION_LENGTH = 600;

/**
 * @param known every alias in use now (bundled and the reader's), with `nameOf` to name their entity in a message
 */
export function checkEntity(
  input: EntityInput,
  known: readonly SpotterEntry[],
  nameOf: (id: string) => string,
  makeId: () => string,
): EntityCheck {
  const errors: Extract<EntityCheck, { ok: false }>['errors'] = [];
  const name = input.name.replace(/\s+/g, ' ').trim();
  const description = input.description.replace(/\s+/g, ' ').trim();
  if (name.length < 2) errors.push({ field: 'name', message: 'A name needs at least 2 characters.' });
  if (name.length > MAX_NAME_LENGTH) errors.push({ field: 'name', message: `A name has at most ${MAX_NAME_LENGTH} characters.` });
  if (description.length > MAX_DESCRIPTION_LENGTH)
    errors.push({ field: 'description', message: `A description has at most ${MAX_DESCRIPTION_LENGTH} characters.` });
  const forms = new Map<string, string>();
  for (const raw of [name, ...input.aliases]) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const key = normalizeText(text);
    if (!key || forms.has(key)) continue;
    if (text.length < 2) {
      errors.push({ field: 'aliases', message: `“${text}” is too short to be spotted reliably.` });
      continue;
    }
    forms.set(key, text);
  }
  const taken = new Map<string, string>();
  for (const e of known) if (!e.stop && !e.alias.short) taken.set(normalizeText(e.alias.text), e.entity);
  for (const [key, text] of forms) {
    const owner = taken.get(key);
    if (owner !== undefined) errors.push({ field: text === name ? 'name' : 'aliases', message: `“${text}” is already a name of ${nameOf(owner)}.` });
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    entity: {
      id: makeId(),
      type: input.type,
      name: { en: name, fr: name },
      description: { en: description, fr: description },
      aliases: [...forms.values()].map((text) => (isAcronym(text) ? { text, exact: true } : { text })),
    },
  };
}
