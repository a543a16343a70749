// Generates the country entities at build time from well-kept packages:
// world-countries (every country and territory: English and French names,
// coordinates, demonyms) and i18n-iso-countries (more English and French
// names). data/countries.json adds what the packages lack for some of them.
import { createRequire } from 'node:module';
import type { Alias, Entity, Localized } from '../core/model';
import { normalizeText } from '../core/normalize';

const require = createRequire(import.meta.url);

interface WorldCountry {
  cca2: string;
  independent?: boolean;
  name: { common: string; official: string };
  translations: Record<string, { common: string; official: string }>;
  altSpellings: string[];
  capital: string[];
  subregion: string;
  latlng: [number, number];
  cca3: string;
  borders: string[];
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

/** world-countries' subregions, as the French descriptions say them ("Pays d'Asie du Sud"). */
const SUBREGION_FR: Record<string, string> = {
  'Southern Asia': "d'Asie du Sud",
  'Central Asia': "d'Asie centrale",
  'Eastern Asia': "d'Asie de l'Est",
  'Western Asia': "d'Asie de l'Ouest",
  'South-Eastern Asia': "d'Asie du Sud-Est",
  'Eastern Europe': "d'Europe de l'Est",
  'Western Europe': "d'Europe de l'Ouest",
  'Northern Europe': "d'Europe du Nord",
  'Southern Europe': "d'Europe du Sud",
  'Central Europe': "d'Europe centrale",
  'Southeast Europe': "d'Europe du Sud-Est",
  'North America': "d'Amérique du Nord",
  'Northern America': "d'Amérique du Nord",
  'Central America': "d'Amérique centrale",
  'South America': "d'Amérique du Sud",
  Caribbean: 'des Caraïbes',
  'Australia and New Zealand': "d'Océanie",
  Melanesia: 'de Mélanésie',
  Micronesia: 'de Micronésie',
  Polynesia: 'de Polynésie',
  'Northern Africa': "d'Afrique du Nord",
  'Western Africa': "d'Afrique de l'Ouest",
  'Middle Africa': "d'Afrique centrale",
  'Eastern Africa': "d'Afrique de l'Est",
  'Southern Africa': "d'Afrique australe",
};

const LATIN = /^[\p{Script=Latin}\s.'’-]+$/u;
/** Acronyms readers meet; other two-letter codes (AF, RU) are not names. */
const KNOWN_ACRONYMS = new Set(['US', 'USA', 'UK', 'UAE', 'U.S.', 'U.S.A.', 'U.K.', 'U.A.E.', 'DRC', 'RDC', 'DPRK', 'PRC', 'EAU']);
/** Forms written for indexes and forms ("Korea, Republic of", "Holy See (Vatican City State)"), not in running text. */
const CATALOGUE_FORM = /[,()]/;

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

/**
 * Every country and territory of world-countries, with `overrides` applied
 * by code; codes the package does not know are returned as `unknown`.
 * `isCommon(form)` says whether a form is also an ordinary word or a first
 * name ("Turkey", "Chad", "Maurice"): such a form matches only in its case.
 */
export function generateCountries(
  overrides: Record<string, CountryOverride>,
  isCommon: (form: string) => boolean = () => false,
  capitalFr: (code: string) => string | undefined = () => undefined,
): { entities: Entity[]; unknown: string[] } {
  const iso = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getName(code: string, lang: string, opts: { select: 'all' }): string[] | undefined;
  };
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
  iso.registerLocale(require('i18n-iso-countries/langs/fr.json'));
  const entities: Entity[] = [];
  const unknown = Object.keys(overrides).filter((code) => !worldCountries().some((c) => c.cca2 === code));
  for (const c of worldCountries()) {
    const code = c.cca2;
    const o = overrides[code] ?? {};
    const name: Localized = { en: o.name?.en ?? c.name.common, fr: o.name?.fr ?? c.translations.fra?.common ?? c.name.common };
    const demonyms = new Set(countryDemonyms(code).map(normalizeText));
    const names = new Set([name.en, name.fr, c.name.common, c.translations.fra?.common ?? ''].map(normalizeText));
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
      if (!key || seen.has(key) || drop.has(key) || !LATIN.test(text) || CATALOGUE_FORM.test(text)) continue;
      const acronym = /^[A-Z.]{2,6}$/.test(text);
      if (acronym && !KNOWN_ACRONYMS.has(text)) continue;
      // A demonym is not the country ("russe" is not Russia), unless it is
      // also the name and its case tells them apart ("la Suisse").
      // A country named like its demonym ("l'Argentine" and "argentine", "Djibouti") keeps its name, told apart by its capital.
      const ownName = demonyms.has(key) && (key === normalizeText(name.en) || key === normalizeText(name.fr));
      if (demonyms.has(key) && !exact.has(text) && !ownName) continue;
      seen.add(key);
      // A form that is an ordinary word is kept only as the country's own name ("Turkey", "Chad"):
      // Iceland's native "Island" would take every "Island" that opens a sentence.
      const word = isCommon(text);
      if (word && !names.has(key) && !acronym) continue;
      aliases.push(acronym || ownName || exact.has(text) || word ? { text, exact: true } : { text });
    }
    const capital = { en: o.capital?.en ?? c.capital[0] ?? '', fr: o.capital?.fr ?? capitalFr(code) ?? c.capital[0] ?? '' };
    const region = { en: c.subregion ? ` of ${c.subregion}` : '', fr: SUBREGION_FR[c.subregion] ? ` ${SUBREGION_FR[c.subregion]}` : '' };
    // world-countries tells sovereign states from dependent or disputed territories, not whose territory: the card says no more.
    const kind = c.independent ? { en: 'Country', fr: 'Pays' } : { en: 'Territory', fr: 'Territoire' };
    entities.push({
      id: o.id ?? slug(name.en),
      type: 'place',
      name,
      description: {
        en: `${kind.en}${region.en}${capital.en ? `; capital ${capital.en}` : ''}.`,
        fr: `${kind.fr}${region.fr}${capital.fr ? ` ; capitale ${capital.fr}` : ''}.`,
      },
      aliases,
      country: code,
      ...(c.borders.length ? { neighbours: c.borders.flatMap((b) => worldCountries().find((x) => x.cca3 === b)?.cca2 ?? []) } : {}),
      coords: [c.latlng[0], c.latlng[1]],
    });
  }
  return { entities, unknown };
}
