import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../core/normalize';
import { buildIndex, spot } from '../../core/spotter';
import { spotterEntries } from '../../core/compile';
import { countryDemonyms, generateCountries } from '../../scripts/countries';
import { ROOT } from '../helpers';

const overrides = JSON.parse(readFileSync(join(ROOT, 'data/countries.json'), 'utf8')).countries;
const { entities, unknown } = generateCountries(overrides);
const byId = new Map(entities.map((e) => [e.id, e]));

describe('generated countries', () => {
  it('builds one place per country and territory, with English and French names and coordinates', () => {
    expect(unknown).toEqual([]);
    expect(entities).toHaveLength(250);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    for (const e of entities) {
      expect(e.type).toBe('place');
      expect(e.name.en && e.name.fr && e.description.en && e.description.fr).toBeTruthy();
      expect(e.coords).toHaveLength(2);
    }
    expect(byId.get('russia')!.name).toEqual({ en: 'Russia', fr: 'Russie' });
    expect(byId.get('uzbekistan')!.name.fr).toBe('Ouzbékistan');
    expect(byId.get('united-states')!.description.fr).toBe("Pays d'Amérique du Nord ; capitale Washington.");
  });

  it('keeps acronyms readers meet, exact-case, and drops bare ISO codes', () => {
    const aliases = (id: string) => byId.get(id)!.aliases;
    expect(aliases('united-states')).toContainEqual({ text: 'US', exact: true });
    expect(aliases('united-kingdom')).toContainEqual({ text: 'UK', exact: true });
    expect(aliases('afghanistan').map((a) => a.text)).not.toContain('AF');
    expect(aliases('russia').map((a) => a.text)).not.toContain('RU');
  });

  it('never takes a demonym for the country', () => {
    for (const e of entities) {
      const demonyms = new Set(countryDemonyms(e.country!).map(normalizeText));
      for (const a of e.aliases) if (!a.exact) expect(demonyms.has(normalizeText(a.text)), `${e.id}: ${a.text}`).toBe(false);
    }
    const index = buildIndex(spotterEntries(entities));
    const found = spot(
      index,
      'un diplomate russe, des soldats pakistanais, an Afghan official, les autorités ouzbèkes, Chinese and Iranian envoys, a Turkish drone',
    );
    expect(found).toEqual([]);
  });

  it('matches the names readers write, in both languages', () => {
    const index = buildIndex(spotterEntries(entities));
    const ids = (t: string) => spot(index, t).map((m) => m.candidates[0]!.entity);
    expect(ids('Russie, Russia, États-Unis, Etats-Unis, the U.S., Royaume-Uni, Britain, Turquie, Turkey')).toEqual([
      'russia',
      'russia',
      'united-states',
      'united-states',
      'united-states',
      'united-kingdom',
      'united-kingdom',
      'turkey',
      'turkey',
    ]);
    expect(ids('a turkey dinner')).toEqual([]);
  });

  it('knows every country, with the forms newspapers use and former names still in print', () => {
    const index = buildIndex(spotterEntries(entities));
    const ids = (t: string) => spot(index, t).map((m) => m.candidates.map((c) => c.entity).join('|'));
    expect(ids('Ukraine, Israel, the Netherlands, North Korea, the U.K., the UAE, Corée du Nord, Pays-Bas, Royaume-Uni')).toEqual([
      'ukraine',
      'israel',
      'netherlands',
      'north-korea',
      'united-kingdom',
      'united-arab-emirates',
      'north-korea',
      'netherlands',
      'united-kingdom',
    ]);
    expect(ids('Burma, Birmanie, Swaziland, Myanmar, Eswatini')).toEqual(['myanmar', 'myanmar', 'eswatini', 'myanmar', 'eswatini']);
    // Forms written for indexes never reach the matcher.
    expect(entities.flatMap((e) => e.aliases).filter((a) => /[,()]/.test(a.text))).toEqual([]);
  });

  it('tells territories from countries in the description', () => {
    expect(byId.get('greenland')!.description.en).toMatch(/^Territory/);
    expect(byId.get('ukraine')!.description).toEqual({ en: 'Country of Eastern Europe; capital Kyiv.', fr: "Pays d'Europe de l'Est ; capitale Kyiv." });
  });
});
