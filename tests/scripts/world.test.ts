// The world pack put together: generated cities, hand-written places, forms
// that are also words, and the counts and rules the shipped data must keep.
import { describe, expect, it } from 'vitest';
import { spotterEntries } from '../../core/compile';
import { normalizeText } from '../../core/normalize';
import { PageMemory } from '../../core/resolve';
import { buildIndex, spot } from '../../core/spotter';
import { generateCities, geoCities, type CityContext } from '../../scripts/cities';
import { commonWords } from '../../scripts/common-words';
import { countryDemonyms } from '../../scripts/countries';
import { distanceKm, markCommonForms, mergeCities, placeCountries, yieldToCities } from '../../scripts/world';
import { entity, projectSources } from '../helpers';

const words = commonWords();

describe('common words', () => {
  it('finds place names that are English or French words, or first names, and not the others', () => {
    for (const w of ['Nice', 'Reading', 'Orange', 'Mobile', 'Split', 'Turkey']) expect(words.isWord(w), w).toBe(true);
    for (const w of ['Paris', 'Berlin', 'Kyiv', 'Gaza', 'London', 'Rennes', 'Kabul']) expect(words.isWord(w), w).toBe(false);
    for (const w of ['Florence', 'Victoria', 'Austin', 'Charlotte']) expect(words.isFirstName(w), w).toBe(true);
    expect(words.isFirstName('Kabul')).toBe(false);
    // One word only: "New York" is a name, whatever its parts are.
    expect(words.isWord('New York')).toBe(false);
  });
});

describe('generated cities', () => {
  const france = entity('france', 'place', [{ text: 'France' }], { country: 'FR', name: { en: 'France', fr: 'France' } });
  const singapore = entity('singapore', 'place', [{ text: 'Singapore' }], { country: 'SG' });
  const context: CityContext = {
    countries: new Map([
      ['FR', france],
      ['SG', singapore],
    ]),
    division: () => undefined,
    words,
  };
  const { entities, unknown } = generateCities(
    { 'FR:Paris': { name: { fr: 'Paris' }, references: ['https://en.wikipedia.org/wiki/Paris'] }, 'ZZ:Nowhere': { references: ['https://example.org'] } },
    context,
    new Set(),
  );
  const byId = new Map(entities.map((e) => [e.id, e]));

  it('keeps every capital and every city of 300,000 or more, with population, country and coordinates', () => {
    expect(entities.length).toBeGreaterThan(1400);
    const paris = byId.get('paris')!;
    expect(paris).toMatchObject({ country: 'FR', within: 'france', description: { en: 'Capital (France).' } });
    expect(paris.population).toBeGreaterThan(2_000_000);
    expect(paris.coords![0]).toBeCloseTo(48.85, 1);
    expect(unknown).toEqual(['ZZ:Nowhere']);
  });

  it('gives namesake cities distinct ids and leaves a country its own name', () => {
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    expect(byId.has('hyderabad-in') && byId.has('hyderabad-pk')).toBe(true);
    // Singapore the city answers to no form the country has: it has none left, and is not generated.
    expect(entities.some((e) => e.country === 'SG' && e.aliases.some((a) => a.text === 'Singapore'))).toBe(false);
  });

  it('marks words and first names, not the cities readers know by name', () => {
    expect(byId.get('nice')!.aliases[0]).toEqual({ text: 'Nice', exact: true, common: true });
    expect(byId.get('florence')!.aliases.find((a) => a.text === 'Florence')).toMatchObject({ common: true });
    // A city of a million people or more is never taken for a first name.
    expect(byId.get('sydney')!.aliases.find((a) => a.text === 'Sydney')).toEqual({ text: 'Sydney' });
    expect(geoCities().every((c) => c.featureCode !== 'PPLX')).toBe(true);
  });
});

describe('hand-written places and generated cities', () => {
  const city = (id: string, name: string, coords: [number, number], extra = {}) =>
    entity(id, 'place', [{ text: name }], { name: { en: name, fr: name }, coords, population: 500_000, country: 'XX', ...extra });

  it('drops a generated city a hand-written place already is, giving the hand-written one its facts', () => {
    const kabul = entity('kabul', 'place', [{ text: 'Kabul' }], { name: { en: 'Kabul', fr: 'Kaboul' }, coords: [34.53, 69.17] });
    const strip = entity('gaza-strip', 'place', [{ text: 'Gaza Strip' }, { text: 'Gaza' }], {
      name: { en: 'Gaza Strip', fr: 'bande de Gaza' },
      coords: [31.4, 34.4],
    });
    const kept = mergeCities([kabul, strip], [city('kabul-2', 'Kabul', [34.52, 69.18], { within: 'afghanistan' }), city('gaza', 'Gaza', [31.5, 34.46])]);
    expect(kept.map((e) => e.id)).toEqual(['gaza']);
    expect(kabul).toMatchObject({ population: 500_000, country: 'XX', within: 'afghanistan' });
    expect(strip.population).toBeUndefined();
  });

  it('lets a region leave the bare name to a large city of its country', () => {
    const state = entity('new-york-state', 'place', [{ text: 'New York' }, { text: 'New York State' }], { country: 'US' });
    yieldToCities([state], [entity('new-york-city', 'place', [{ text: 'New York' }], { country: 'US' })]);
    expect(state.aliases.map((a) => a.text)).toEqual(['New York State']);
  });

  it('marks words among place names: exact for countries, with the need for support elsewhere', () => {
    const turkey = entity('turkey', 'place', [{ text: 'Turkey' }], { country: 'TR' });
    const orange = entity('orange', 'place', [{ text: 'Orange' }], { country: 'FR' });
    const sea = entity('red-sea', 'place', [{ text: 'Red Sea' }]);
    markCommonForms([turkey, orange, sea], words, (e) => e.id === 'turkey');
    expect(turkey.aliases).toEqual([{ text: 'Turkey', exact: true }]);
    expect(orange.aliases).toEqual([{ text: 'Orange', exact: true, common: true }]);
    expect(sea.aliases).toEqual([{ text: 'Red Sea' }]);
  });

  it('places a hand-written place without a country in the country of the nearest town', () => {
    const kunduz = entity('kunduz', 'place', [{ text: 'Kunduz' }], { coords: [36.73, 68.86] });
    const ocean = entity('mid-atlantic', 'place', [{ text: 'Mid-Atlantic' }], { coords: [30, -40] });
    placeCountries(
      [kunduz, ocean],
      [
        { country: 'AF', coords: [36.72, 68.87] },
        { country: 'PT', coords: [38.7, -9.1] },
      ],
    );
    expect(kunduz.country).toBe('AF');
    expect(ocean.country).toBeUndefined();
    expect(distanceKm([0, 0], [0, 1])).toBeCloseTo(111.2, 0);
  });
});

describe('the shipped world pack', () => {
  const { entities, storyIds } = projectSources();
  const count = (t: string) => entities.filter((e) => e.type === t).length;

  it('knows at least 2,000 entities: 1,400 places, 300 organisations and 400 people', () => {
    expect(entities.length).toBeGreaterThanOrEqual(2000);
    expect(count('place')).toBeGreaterThanOrEqual(1400);
    expect(count('organization')).toBeGreaterThanOrEqual(300);
    expect(count('person')).toBeGreaterThanOrEqual(400);
  });

  it('dates every person of the world pack and ships no reference', () => {
    for (const e of entities) {
      expect(e, e.id).not.toHaveProperty('references');
      if (e.type === 'person' && !storyIds.has(e.id)) expect(e.asOf, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('keeps a country’s ordinary-word forms only as its own name, and in its case', () => {
    const aliases = (id: string) => entities.find((e) => e.id === id)!.aliases;
    expect(aliases('iceland').map((a) => a.text)).not.toContain('Island');
    expect(aliases('turkey')).toContainEqual({ text: 'Turkey', exact: true });
    expect(aliases('united-states')).toContainEqual({ text: 'US', exact: true });
    expect(aliases('reunion').map((a) => a.text)).not.toContain('Réunion');
  });

  it('weighs a country against a namesake city abroad by the people of its towns', () => {
    const index = buildIndex(spotterEntries(entities));
    const resolved = new PageMemory().resolve(spot(index, 'Armenia voted.'));
    expect(resolved[0]).toMatchObject({ entity: 'armenia', how: { rule: 'prominence', others: ['armenia-co'] } });
    // Weighed only: a country's card shows no population.
    expect(entities.find((e) => e.id === 'armenia')!.population).toBeUndefined();
  });

  it('never takes a demonym for a place', () => {
    const demonyms = new Set(
      entities
        .filter((e) => e.type === 'place' && e.country)
        .flatMap((e) => countryDemonyms(e.country!))
        .map(normalizeText),
    );
    for (const w of ['ukrainian', 'israelien', 'pakistani', 'americain', 'francais', 'russe']) demonyms.add(w);
    const offenders = entities.flatMap((e) => e.aliases.filter((a) => !a.exact && demonyms.has(normalizeText(a.text))).map((a) => `${e.id}: ${a.text}`));
    expect(offenders).toEqual([]);
  });
});
