// The schema of the dataset sources, shared by the build and its tests.
// Strict objects: an unknown field is an error, so a typo never slips in.

import { z } from 'zod';
import { ENTITY_TYPES, LANGS } from './model';

const localized = z.strictObject({ en: z.string().min(1), fr: z.string().min(1) });
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens');

export const aliasSchema = z.strictObject({
  text: z.string().trim().min(1),
  exact: z.boolean().optional(),
  short: z.boolean().optional(),
});

export const entitySchema = z.strictObject({
  id,
  type: z.enum(ENTITY_TYPES),
  name: localized,
  description: localized,
  aliases: z.array(aliasSchema).min(1),
  plural: z.boolean().optional(),
  role: localized.optional(),
  nationality: z.string().regex(/^[A-Z]{2}$/).optional(),
  coords: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]).optional(),
});

/** A calendar date written YYYY-MM-DD that really exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'no such day in the calendar');

export const articleFrontMatterSchema = z.strictObject({
  id,
  title: z.string().min(1),
  date: isoDate,
  lang: z.enum(LANGS),
  source: z.string().min(1),
  summary: z.string().min(1),
});
