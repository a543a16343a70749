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

export type EntityErrorCode = 'nameTooShort' | 'nameTooLong' | 'descriptionTooLong' | 'aliasTooShort' | 'aliasTaken';

export interface EntityError {
  field: 'name' | 'aliases' | 'description';
  code: EntityErrorCode;
  /** The form concerned, its owner's name, or the limit. */
  params: { text?: string; owner?: string; max?: number };
  /** In English; the options page shows it in the reader's language from the code. */
  message: string;
}

export type EntityCheck = { ok: true; entity: Entity } | { ok: false; errors: EntityError[] };

const ENGLISH: Record<EntityErrorCode, (p: EntityError['params']) => string> = {
  nameTooShort: () => 'A name needs at least 2 characters.',
  nameTooLong: (p) => `A name has at most ${p.max} characters.`,
  descriptionTooLong: (p) => `A description has at most ${p.max} characters.`,
  aliasTooShort: (p) => `“${p.text}” is too short to be spotted reliably.`,
  aliasTaken: (p) => `“${p.text}” is already a name of ${p.owner}.`,
};

const error = (field: EntityError['field'], code: EntityErrorCode, params: EntityError['params'] = {}): EntityError => ({
  field,
  code,
  params,
  message: ENGLISH[code](params),
});

/** An all-capitals short form ("ISI", "OTAN") is an acronym: matched in its exact case only. */
const isAcronym = (text: string) => text.length <= 6 && /^[\p{Lu}\d.&-]+$/u.test(text) && /\p{Lu}/u.test(text);

export const MAX_NAME_LENGTH = 120;
export const MAX_DESCRIPTION_LENGTH = 600;

/**
 * @param known every alias in use now (bundled and the reader's), with `nameOf` to name their entity in a message
 */
export function checkEntity(input: EntityInput, known: readonly SpotterEntry[], nameOf: (id: string) => string, makeId: () => string): EntityCheck {
  const errors: EntityError[] = [];
  const name = input.name.replace(/\s+/g, ' ').trim();
  const description = input.description.replace(/\s+/g, ' ').trim();
  if (name.length < 2) errors.push(error('name', 'nameTooShort'));
  if (name.length > MAX_NAME_LENGTH) errors.push(error('name', 'nameTooLong', { max: MAX_NAME_LENGTH }));
  if (description.length > MAX_DESCRIPTION_LENGTH) errors.push(error('description', 'descriptionTooLong', { max: MAX_DESCRIPTION_LENGTH }));
  const forms = new Map<string, string>();
  for (const raw of [name, ...input.aliases]) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const key = normalizeText(text);
    if (!key || forms.has(key)) continue;
    if (text.length < 2) {
      errors.push(error('aliases', 'aliasTooShort', { text }));
      continue;
    }
    forms.set(key, text);
  }
  const taken = new Map<string, string>();
  for (const e of known) if (!e.stop && !e.alias.short) taken.set(normalizeText(e.alias.text), e.entity);
  for (const [key, text] of forms) {
    const owner = taken.get(key);
    if (owner !== undefined) errors.push(error(text === name ? 'name' : 'aliases', 'aliasTaken', { text, owner: nameOf(owner) }));
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
