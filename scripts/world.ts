// Puts the world pack together with the hand-written entities: one entity
// per real place, forms that are also ordinary words marked, and namesakes
// left for the page's context to tell apart. Pure functions over entities,
// called by load-sources after every source is read.
import type { Alias, Entity } from '../core/model';
import { normalizeText, tokenize } from '../core/normalize';
import type { CommonWords } from './common-words';

/** A place this large is known by its name ("Sydney", "Shanghai"): never taken for a first name or a word. */
export const WELL_KNOWN_POPULATION = 1_000_000;

/** Two places this close with one name are one place (a hand-written Kabul and GeoNames' Kabul). */
const SAME_PLACE_KM = 50;

export function distanceKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const forms = (e: Entity) => new Set(e.aliases.filter((a) => !a.short).map((a) => normalizeText(a.text)));
const names = (e: Entity) => new Set([normalizeText(e.name.en), normalizeText(e.name.fr)]);

/**
 * Generated cities that a hand-written place already describes (the same
 * name, close by) are left out; the hand-written one takes the city's
 * population, country and parent where it has none, so it is weighed and
 * placed like the others. Names, not aliases: the Gaza Strip answers to
 * "Gaza" and is not Gaza City.
 */
export function mergeCities(hand: Entity[], cities: readonly Entity[]): Entity[] {
  const places = hand.filter((e) => e.type === 'place' && e.coords);
  const kept: Entity[] = [];
  for (const city of cities) {
    const cityNames = names(city);
    const twin = places.find((p) => distanceKm(p.coords!, city.coords!) <= SAME_PLACE_KM && [...names(p)].some((f) => cityNames.has(f)));
    if (!twin) {
      kept.push(city);
      continue;
    }
    twin.population ??= city.population;
    twin.country ??= city.country;
    if (twin.within === undefined && city.within !== undefined && city.within !== twin.id) twin.within = city.within;
  }
  return kept;
}

/**
 * A region named like a large city of its own country ("New York",
 * "Washington", "Quebec", "Delhi") leaves the bare name to the city, which
 * is what the news means by it; the region keeps its longer forms.
 */
export function yieldToCities(regions: Entity[], cities: readonly Entity[]): void {
  const cityForms = new Map<string, Set<string>>();
  for (const c of cities) {
    if (!c.country) continue;
    const set = cityForms.get(c.country) ?? new Set<string>();
    for (const f of forms(c)) set.add(f);
    cityForms.set(c.country, set);
  }
  for (const r of regions) {
    const taken = r.country ? cityForms.get(r.country) : undefined;
    if (!taken) continue;
    const left = r.aliases.filter((a) => a.short || !taken.has(normalizeText(a.text)));
    if (left.length > 0) r.aliases = left;
  }
}

/**
 * Marks the one-word forms of places that are also ordinary words or first
 * names. Countries ("Turkey", "Chad") then match only capitalised; other
 * places ("Nice", "Reading", "Florence") also need the page to name
 * something of their country, so they are marked only where the country is
 * known.
 */
export function markCommonForms(entities: Entity[], words: CommonWords, isCountry: (e: Entity) => boolean): void {
  for (const e of entities) {
    if (e.type !== 'place') continue;
    const place = { known: isCountry(e) || (e.population ?? 0) >= WELL_KNOWN_POPULATION, supported: !!e.country, generated: false };
    e.aliases = e.aliases.map((a) => (a.short || a.common ? a : { ...a, ...placeForm(a.text, words, place) }));
  }
}

/**
 * How one form of a place is matched: the one rule for place names that are
 * also words or first names, for generated cities and hand-written places.
 * - A place readers know by name (a country, a capital, a city of a million)
 *   or one the page cannot support (no country) is only matched in its case.
 * - Otherwise a word ("Nice", "Reading") is matched in its case, with the
 *   page's support.
 * - A GeoNames city (`generated`) is also weighed against first names
 *   ("Florence" needs support) and names made of ordinary words ("The
 *   Valley" only capitalised). A hand-written place was chosen for the
 *   news, where "Geneva" or "Florida" is the place, and its forms as written.
 */
export function placeForm(
  text: string,
  words: CommonWords,
  place: { known: boolean; supported: boolean; generated: boolean },
): Pick<Alias, 'exact' | 'common'> {
  const word = words.isWord(text);
  if (word) return place.known || !place.supported ? { exact: true } : { exact: true, common: true };
  if (!place.generated) return {};
  if (!place.known && place.supported && words.isFirstName(text)) return { common: true };
  const parts = tokenize(text);
  return parts.length > 1 && parts.every((t) => words.isWord(t.cased)) ? { exact: true } : {};
}

/**
 * The country of each hand-written place that has coordinates but no
 * country: that of the nearest GeoNames town within NEAREST_TOWN_KM, so
 * that the page's context can weigh it (Kunduz with Afghanistan).
 */
const NEAREST_TOWN_KM = 60;

export function placeCountries(entities: Entity[], towns: readonly { country: string; coords: [number, number] }[]): void {
  const grid = new Map<string, typeof towns>();
  const cell = (lat: number, lon: number) => `${Math.floor(lat)}:${Math.floor(lon)}`;
  for (const t of towns) {
    const k = cell(t.coords[0], t.coords[1]);
    const list = (grid.get(k) ?? []) as (typeof towns)[number][];
    list.push(t);
    grid.set(k, list);
  }
  for (const e of entities) {
    if (e.type !== 'place' || e.country || !e.coords) continue;
    let best: { country: string; km: number } | undefined;
    for (let dLat = -1; dLat <= 1; dLat++)
      for (let dLon = -1; dLon <= 1; dLon++)
        for (const t of grid.get(cell(e.coords[0] + dLat, e.coords[1] + dLon)) ?? []) {
          const km = distanceKm(e.coords, t.coords);
          if (km <= NEAREST_TOWN_KM && (!best || km < best.km)) best = { country: t.country, km };
        }
    if (best) e.country = best.country;
  }
}
