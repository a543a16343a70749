// The schema of the dataset sources, shared by the build and its tests.
// Strict objects: an unknown field is an error, so a typo never slips in.

import { z } from 'zod';
import { ENTITY_TYPES, LANGS } from './model';

const localized = z.strictObject({ en: z.string().min(1), fr: z.string().min(1) });
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens');

/** A calendar date written YYYY-MM-DD that really exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !/^\d{4}-\d{2}-\d{2}$/.test(s) || (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(s));
  }, 'no such day in the calendar');

export const aliasSchema = z.strictObject({
  text: z.string().trim().min(1),
  exact: z.boolean().optional(),
  short: z.boolean().optional(),
  common: z.boolean().optional(),
});

const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');

export const entitySchema = z.strictObject({
  id,
  type: z.enum(ENTITY_TYPES),
  name: localized,
  description: localized,
  aliases: z.array(aliasSchema).min(1),
  plural: z.boolean().optional(),
  role: localized.optional(),
  nationality: country.optional(),
  country: country.optional(),
  coords: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]).optional(),
  population: z.number().int().positive().optional(),
  prominence: z.number().int().positive().optional(),
  within: id.optional(),
  neighbours: z.array(country).optional(),
  asOf: isoDate.optional(),
  /** Public pages where a reviewer can check the entry; not shipped. */
  references: z
    .array(z.url({ protocol: /^https?$/ }))
    .min(1)
    .max(3)
    .optional(),
});

/** A hand-written entry of the world pack: a reference is required, and a date for people. */
export const worldEntitySchema = entitySchema
  .required({ references: true })
  .refine((e) => e.type !== 'person' || e.asOf !== undefined, { message: 'people need an "asOf" date', path: ['asOf'] });

/** The period the dataset covers (defined with the model, re-exported for the sources' checks). */
export { ARTICLE_DATE_RANGE } from './model';

export const articleFrontMatterSchema = z.strictObject({
  id,
  title: z.string().min(1),
  date: isoDate,
  lang: z.enum(LANGS),
  source: z.string().min(1),
  summary: z.string().min(1),
  /** Public pages where a reviewer can check the facts; not shipped. */
  references: z.array(z.url({ protocol: /^https?$/ })).optional(),
});

const countryOverride = z.strictObject({
  id: id.optional(),
  name: localized.partial().optional(),
  capital: localized.partial().optional(),
  aliases: z.array(z.string().min(1)).optional(),
  drop: z.array(z.string().min(1)).optional(),
  exact: z.array(z.string().min(1)).optional(),
});

const cityOverride = z.strictObject({
  name: localized.partial().optional(),
  description: localized.optional(),
  aliases: z.array(z.string().min(1)).optional(),
  drop: z.array(z.string().min(1)).optional(),
  references: z
    .array(z.url({ protocol: /^https?$/ }))
    .min(1)
    .max(3),
});

export const citiesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  cities: z.record(z.string().regex(/^[A-Z]{2}:.+$/, 'keys are COUNTRY:GeoNames name'), cityOverride),
});

export const stopPhrasesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  phrases: z.array(z.strictObject({ text: z.string().trim().min(1), why: z.string().min(1) })),
});

export const countriesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  countries: z.record(z.string().regex(/^[A-Z]{2}$/, 'keys are ISO 3166-1 alpha-2 codes'), countryOverride),
});
