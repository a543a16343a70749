import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spotterEntries } from '../../core/compile';
import { normalizeText } from '../../core/normalize';
import { PageMemory } from '../../core/resolve';
import { buildIndex, spot } from '../../core/spotter';
import { entity, projectIndex } from '../helpers';

const index = buildIndex(
  spotterEntries([
    entity('kabul', 'place', [{ text: 'Kabul' }, { text: 'Kaboul' }]),
    entity('kabul-airport', 'place', [{ text: 'Hamid Karzai International Airport' }]),
    entity('hamid-karzai', 'person', [{ text: 'Hamid Karzai' }, { text: 'Karzai', short: true }]),
    entity('faiz-hameed', 'person', [{ text: 'Faiz Hameed' }, { text: 'Faiz Hamid' }, { text: 'Hamid', short: true }]),
    entity('isi', 'organization', [{ text: 'ISI', exact: true }]),
    entity('un', 'organization', [{ text: 'UN', exact: true }, { text: 'ONU', exact: true }]),
    entity('taliban', 'organization', [{ text: 'Taliban' }], { plural: true }),
    entity('mazar', 'place', [{ text: 'Mazar-i-Sharif' }, { text: 'Mazar-e Charif' }]),
    entity('zamir-kabulov', 'person', [{ text: 'Zamir Kabulov' }, { text: 'Kabulov' }]),
    entity('united-states', 'place', [{ text: 'U.S.', exact: true }, { text: 'United States' }]),
  ]),
);

const found = (text: string) => spot(index, text).map((m) => [text.slice(m.start, m.end), m.candidates.map((c) => c.entity).join('|')]);

describe('spot', () => {
  it('ignores case and accents', () => {
    expect(found('KABOUL, kabul et Kaboul')).toEqual([
      ['KABOUL', 'kabul'],
      ['kabul', 'kabul'],
      ['Kaboul', 'kabul'],
    ]);
  });

  it('respects word boundaries on both sides', () => {
    expect(found('Kabulistan, prekabul, Kabul2 and Kabul.')).toEqual([['Kabul', 'kabul']]);
  });

  it("finds names after a French elision (l'ISI, d'ISI)", () => {
    expect(found("le chef de l'ISI et celui d’ISI")).toEqual([
      ['ISI', 'isi'],
      ['ISI', 'isi'],
    ]);
  });

  it('matches acronyms that are also words only in their exact case', () => {
    expect(found('un rapport de l’ONU, the UN said, un an, onu')).toEqual([
      ['ONU', 'un'],
      ['UN', 'un'],
    ]);
    expect(found('the U.S. and the us')).toEqual([['U.S.', 'united-states']]);
  });

  it('matches plural forms of group names (les talibans)', () => {
    expect(found('les talibans et le Taliban')).toEqual([
      ['talibans', 'taliban'],
      ['Taliban', 'taliban'],
    ]);
  });

  it('lets the longest match win, so a name inside a longer name is not the person', () => {
    expect(found('at Hamid Karzai International Airport')).toEqual([['Hamid Karzai International Airport', 'kabul-airport']]);
  });

  it('matches transliteration variants, hyphen or space', () => {
    expect(found('Mazar-e Charif, Mazar i Sharif, mazar-e-charif')).toEqual([
      ['Mazar-e Charif', 'mazar'],
      ['Mazar i Sharif', 'mazar'],
      ['mazar-e-charif', 'mazar'],
    ]);
  });

  it('matches names broken across a line or a non-breaking space, and possessives', () => {
    expect(found("Zamir\n   Kabulov's and Zamir\u00A0Kabulov")).toEqual([
      ['Zamir\n   Kabulov', 'zamir-kabulov'],
      ['Zamir\u00A0Kabulov', 'zamir-kabulov'],
    ]);
  });

  it('does not join a name across a sentence end or a comma', () => {
    expect(found('Zamir. Kabulov')).toEqual([['Kabulov', 'zamir-kabulov']]);
    expect(found('Hamid, Karzai')).toEqual([
      ['Hamid', 'faiz-hameed'],
      ['Karzai', 'hamid-karzai'],
    ]);
  });

  it('never returns overlapping matches, and each match folds to an alias (any text)', () => {
    const words = ['Kabul', 'Hamid', 'Karzai', 'International', 'Airport', 'ISI', 'talibans', 'Mazar', 'i', 'Sharif', 'x', 'UN', 'un'];
    const seps = [' ', '-', ', ', '\n', "'", '. ', ''];
    const known = new Set([
      'kabul', 'kaboul', 'hamid karzai international airport', 'hamid karzai', 'karzai', 'hamid', 'isi', 'un', 'onu', 'taliban',
      'talibans', 'mazar i sharif', 'mazar e charif', 'zamir kabulov', 'kabulov', 'u s', 'united states', 'faiz hameed', 'faiz hamid',
    ]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 12 }), (parts) => {
        const text = parts.map(([w, s]) => w + s).join('');
        let last = 0;
        for (const m of spot(index, text)) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          last = m.end;
          expect(known.has(normalizeText(text.slice(m.start, m.end)))).toBe(true);
        }
      }),
    );
  });
});

describe('short forms on a page', () => {
  const resolveAll = (text: string) =>
    new PageMemory()
      .resolve(spot(index, text))
      .map((m) => (m ? `${text.slice(m.start, m.end)}=${m.entity}` : null));

  it('highlights a surname only after the full name appeared, as that entity', () => {
    expect(resolveAll('Hamid arrived. Then Faiz Hameed spoke, and Hamid left.')).toEqual([
      null,
      'Faiz Hameed=faiz-hameed',
      'Hamid=faiz-hameed',
    ]);
  });

  it('gives a shared short form to the entity whose full name came last', () => {
    const text = 'Faiz Hamid met Hamid Karzai. Karzai and Hamid talked.';
    expect(resolveAll(text)).toEqual(['Faiz Hamid=faiz-hameed', 'Hamid Karzai=hamid-karzai', 'Karzai=hamid-karzai', 'Hamid=faiz-hameed']);
  });
});

describe('the project dataset', () => {
  const project = projectIndex();
  const ids = (text: string) => spot(project, text).map((m) => m.candidates.map((c) => c.entity).join('|'));

  it('spots the seed names in French and English spellings', () => {
    expect(ids("Zamir Kaboulov, l'ISI, Mazar-e Charif, Heirtan, Gulbaddin Hekmatyar, Hizb-e-Islami")).toEqual([
      'zamir-kabulov', 'isi', 'mazar-i-sharif', 'hairatan', 'gulbuddin-hekmatyar', 'hezb-e-islami',
    ]);
  });
  it('does not take demonyms for countries', () => {
    expect(ids('un diplomate russe, les services pakistanais, an Afghan official')).toEqual([]);
  });
});
