// Generates the country entities at build time from well-kept packages:
// world-countries (English and French names, coordinates, demonyms) and
// i18n-iso-countries (more English and French names). data/countries.json
// picks the countries and adds what the packages lack.
import { createRequire } from 'node:module';
import type { Alias, Entity, Localized } from '../core/model';
import { normalizeText } from '../core/normalize';

const require = createRequire(import.meta.url);

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  translations: Record<string, { common: string; official: string }>;
  altSpellings: string[];
  capital: string[];
  subregion: string;
  latlng: [number, number];
  demonyms?: Record<string, { f: string; m: string }>;
}

export interface CountryOverride {
  id?: string;
  name?: Partial<Localized>;
  capital?: Partial<Localized>;
  aliases?: string[];
  drop?: string[];
  exact?: string[];
}

const SUBREGION_FR: Record<string, string> = {
  'Southern Asia': "d'Asie du Sud",
  'Central Asia': "d'Asie centrale",
  'Eastern Asia': "d'Asie de l'Est",
  'Western Asia': "d'Asie de l'Ouest",
  'Eastern Europe': "d'Europe de l'Est",
  'Western Europe': "d'Europe de l'Ouest",
  'Northern Europe': "d'Europe du Nord",
  'Southern Europe': "d'Europe du Sud",
  'North America': "d'Amérique du Nord",
  'Northern America': "d'Amérique du Nord",
  'Australia and New Zealand': "d'Océanie",
};

const LATIN = /^[\p{Script=Latin}\s.'’-]+$/u;
/** Acronyms readers meet; other two-letter codes (AF, RU) are not names. */
const KNOWN_ACRONYMS = new Set(['US', 'USA', 'UK', 'UAE', 'U.S.', 'U.S.A.']);

function slug(name: string): string {
  return normalizeText(name).replace(/ /g, '-');
}

export function countryDemonyms(code: string): string[] {
  const c = worldCountries().find((x) => x.cca2 === code);
  return c?.demonyms ? Object.values(c.demonyms).flatMap((d) => [d.f, d.m]) : [];
}

let cache: WorldCountry[] | null = null;
function worldCountries(): WorldCountry[] {
  cache ??= require('world-countries') as WorldCountry[];
  return cache;
}

/** Country entities for `overrides`' codes, or problems for unknown codes. */
export function generateCountries(overrides: Record<string, CountryOverride>): { entities: Entity[]; unknown: string[] } {
  const iso = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getName(code: string, lang: string, opts: { select: 'all' }): string[] | undefined;
  };
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
  iso.registerLocale(require('i18n-iso-countries/langs/fr.json'));
  const entities: Entity[] = [];
  const unknown: string[] = [];
  for (const [code, o] of Object.entries(overrides)) {
    const c = worldCountries().find((x) => x.cca2 === code);
    if (!c) {
      unknown.push(code);
      continue;
    }
    const name: Localized = { en: o.name?.en ?? c.name.common, fr: o.name?.fr ?? c.translations.fra?.common ?? c.name.common };
    const demonyms = new Set(countryDemonyms(code).map(normalizeText));
    const drop = new Set((o.drop ?? []).map(normalizeText));
    const exact = new Set(o.exact ?? []);
    const candidates = [
      name.en,
      name.fr,
      c.name.common,
      c.name.official,
      c.translations.fra?.common ?? '',
      c.translations.fra?.official ?? '',
      ...c.altSpellings,
      ...(iso.getName(code, 'en', { select: 'all' }) ?? []),
      ...(iso.getName(code, 'fr', { select: 'all' }) ?? []),
      ...(o.aliases ?? []),
    ];
    const aliases: Alias[] = [];
    const seen = new Set<string>();
    for (const text of candidates) {
      const key = normalizeText(text);
      if (!key || seen.has(key) || drop.has(key) || !LATIN.test(text)) continue;
      const acronym = /^[A-Z.]{2,6}$/.test(text);
      if (acronym && !KNOWN_ACRONYMS.has(text)) continue;
      // A demonym is not the country ("russe" is not Russia), unless it is
      // also the name and its case tells them apart ("la Suisse").
      if (demonyms.has(key) && !exact.has(text)) continue;
      seen.add(key);
      aliases.push(acronym || exact.has(text) ? { text, exact: true } : { text });
    }
    const capital = { en: o.capital?.en ?? c.capital[0] ?? '', fr: o.capital?.fr ?? c.capital[0] ?? '' };
    const region = { en: `of ${c.subregion}`, fr: SUBREGION_FR[c.subregion] ?? '' };
    entities.push({
      id: o.id ?? slug(name.en),
      type: 'place',
      name,
      description: {
        en: `Country ${region.en}; capital ${capital.en}.`,
        fr: `Pays ${region.fr}${capital.fr ? ` ; capitale ${capital.fr}` : ''}.`,
      },
      aliases,
      coords: [c.latlng[0], c.latlng[1]],
    });
  }
  return { entities, unknown };
}
