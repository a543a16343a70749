import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spotterEntries } from '../../core/compile';
import { normalizeText } from '../../core/normalize';
import { PageMemory } from '../../core/resolve';
import { addEntries, buildIndex, spot, spotTokens } from '../../core/spotter';
import { entity, projectIndex } from '../helpers';

const index = buildIndex(
  spotterEntries([
    entity('kabul', 'place', [{ text: 'Kabul' }, { text: 'Kaboul' }]),
    entity('kabul-airport', 'place', [{ text: 'Hamid Karzai International Airport' }]),
    entity('hamid-karzai', 'person', [{ text: 'Hamid Karzai' }, { text: 'Karzai', short: true }]),
    entity('faiz-hameed', 'person', [{ text: 'Faiz Hameed' }, { text: 'Faiz Hamid' }, { text: 'Hamid', short: true }]),
    entity('isi', 'organization', [{ text: 'ISI', exact: true }]),
    entity('un', 'organization', [
      { text: 'UN', exact: true },
      { text: 'ONU', exact: true },
    ]),
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
      'kabul',
      'kaboul',
      'hamid karzai international airport',
      'hamid karzai',
      'karzai',
      'hamid',
      'isi',
      'un',
      'onu',
      'taliban',
      'talibans',
      'mazar i sharif',
      'mazar e charif',
      'zamir kabulov',
      'kabulov',
      'u s',
      'united states',
      'faiz hameed',
      'faiz hamid',
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
  const resolveAll = (text: string) => new PageMemory().resolve(spot(index, text)).map((m) => (m ? `${text.slice(m.start, m.end)}=${m.entity}` : null));

  it('highlights a surname only after the full name appeared, as that entity', () => {
    expect(resolveAll('Hamid arrived. Then Faiz Hameed spoke, and Hamid left.')).toEqual([null, 'Faiz Hameed=faiz-hameed', 'Hamid=faiz-hameed']);
  });

  it('gives a shared short form to the entity named in full on the page', () => {
    const text = 'Faiz Hamid met Hamid Karzai. Karzai and Hamid talked.';
    expect(resolveAll(text)).toEqual(['Faiz Hamid=faiz-hameed', 'Hamid Karzai=hamid-karzai', 'Karzai=hamid-karzai', 'Hamid=faiz-hameed']);
  });
});

describe('the project dataset', () => {
  const project = projectIndex();
  const ids = (text: string) => spot(project, text).map((m) => m.candidates.map((c) => c.entity).join('|'));

  it('spots the seed names in French and English spellings', () => {
    expect(ids("Zamir Kaboulov, l'ISI, Mazar-e Charif, Heirtan, Gulbaddin Hekmatyar, Hizb-e-Islami")).toEqual([
      'zamir-kabulov',
      'isi',
      'mazar-i-sharif',
      'hairatan',
      'gulbuddin-hekmatyar',
      'hezb-e-islami',
    ]);
  });
  it('does not take demonyms for countries', () => {
    expect(ids('un diplomate russe, les services pakistanais, an Afghan official')).toEqual([]);
  });
});

describe('context rules', () => {
  const ctx = buildIndex([
    ...spotterEntries([
      entity('un', 'organization', [{ text: 'UN', exact: true }]),
      entity('ahmad-massoud', 'person', [{ text: 'Ahmad Massoud' }, { text: 'Massoud', short: true }]),
      entity('ahmad-shah-massoud', 'person', [{ text: 'Ahmad Shah Massoud' }, { text: 'Massoud', short: true }]),
      entity('qamar-javed-bajwa', 'person', [{ text: 'Qamar Javed Bajwa' }, { text: 'Bajwa', short: true }]),
    ]),
    ...spotterEntries([], ['Massoud Circle']),
  ]);
  const page = (text: string) => new PageMemory().resolve(spot(ctx, text)).map((m) => (m ? `${text.slice(m.start, m.end)}=${m.entity}` : null));

  it('does not read an exact-case acronym inside a line set in capitals', () => {
    expect(page('KABOUL – UN GOUVERNEMENT SANS FEMMES')).toEqual([]);
    expect(page('The UN said so. UN OFFICIALS')).toEqual(['UN=un', 'UN=un']);
  });

  it('swallows a stop phrase, so the name inside it is not highlighted', () => {
    expect(page('Ahmad Massoud spoke near Massoud Circle.')).toEqual(['Ahmad Massoud=ahmad-massoud']);
  });

  it('does not take a surname inside someone else’s full name, but allows a title or a sentence start', () => {
    expect(page('Qamar Javed Bajwa met Kamal Bajwa. General Bajwa left. Bajwa returned.')).toEqual([
      'Qamar Javed Bajwa=qamar-javed-bajwa',
      'Bajwa=qamar-javed-bajwa',
      'Bajwa=qamar-javed-bajwa',
    ]);
  });

  it('gives a shared surname to the entity named most, then to the one named first', () => {
    expect(page('Ahmad Massoud, son of Ahmad Shah Massoud, spoke. Massoud called for an uprising.')).toEqual([
      'Ahmad Massoud=ahmad-massoud',
      'Ahmad Shah Massoud=ahmad-shah-massoud',
      'Massoud=ahmad-massoud',
    ]);
    expect(page('Ahmad Massoud spoke of Ahmad Shah Massoud; Ahmad Shah Massoud died in 2001. Massoud is remembered.').at(-1)).toBe(
      'Massoud=ahmad-shah-massoud',
    );
  });
});

describe('words made into tokens only where the matcher looks', () => {
  const project = projectIndex();
  // Words that begin aliases, with their case and accents changed the way
  // pages write them, ordinary words, and characters the word loop must get
  // right: combining marks (also before a word), soft hyphens, ligatures, a
  // Greek capital sigma, a dotted capital I, letters and emoji beyond the
  // BMP, non-breaking spaces, capitals lines, titles before surnames.
  const words = [
    'Kaboul',
    'KABOUL',
    'kâboul',
    'Ka\u0301boul',
    '\u0301Kabul',
    'Ka\u00ADbul',
    'Kabul\u00AD',
    'Mazar',
    'Hérat',
    'HERAT',
    'Hizb-e-Islami',
    'ISI',
    'isi',
    'Œuvre',
    'œil',
    'straße',
    'ΣΙΣ',
    'İstanbul',
    '𝐊abul',
    '😀',
    'Taliban',
    'talibans',
    'Kabulov',
    'Zamir',
    'Massoud',
    'Ahmad',
    'General',
    'U.S.',
    'US',
    'ONU',
    'UN',
    'the',
    'rapport',
    'déclaré',
    'a',
    '42',
    'LE',
    'GOUVERNEMENT',
    'Ça',
    'ÀKABOUL',
    'Àfghanistan',
    'ª',
  ];
  const seps = [' ', '\u00A0', '-', '’', "'", ', ', '.\n', '', '\u2014', 'ʼ', '. '];
  const texts = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })), fc.constantFrom(...seps)), {
      maxLength: 14,
    })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));

  it('finds exactly what the plain tokenizer and matcher find (any text)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(spot(project, text)).toEqual(spotTokens(project, text));
        expect(spot(index, text)).toEqual(spotTokens(index, text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('words looked up in the trie by their hash', () => {
  // "an" and "c0" fold to words of the same hash (31·h + c): the lookup by
  // hash must still tell them apart, at the first word and below it, and
  // whichever of two such branches the text builds first.
  const entries = spotterEntries([
    entity('an-noor', 'organization', [{ text: 'An Noor' }]),
    entity('c0-corp', 'organization', [{ text: 'C0 Corp' }]),
    entity('zed-an', 'place', [{ text: 'Zed an' }]),
    entity('zed-c0-tower', 'place', [{ text: 'Zed c0 Tower' }]),
    entity('kabul', 'place', [{ text: 'Kabul' }]),
  ]);
  const entities = (index: ReturnType<typeof buildIndex>, text: string) => spot(index, text).map((m) => m.candidates.map((c) => c.entity).join('|'));

  it('finds each of two first words of the same hash, whichever was met first', () => {
    for (const [first, second] of [
      ['C0 Corp in Kabul.', 'An Noor in Kabul.'],
      ['An Noor in Kabul.', 'C0 Corp in Kabul.'],
    ] as const) {
      const fresh = buildIndex(entries);
      expect(entities(fresh, first)).toEqual([first.startsWith('C0') ? 'c0-corp' : 'an-noor', 'kabul']);
      expect(entities(fresh, second)).toEqual([second.startsWith('C0') ? 'c0-corp' : 'an-noor', 'kabul']);
      expect(entities(fresh, 'An Corp, C0 Noor.')).toEqual([]);
    }
  });

  it('tells apart two following words of the same hash', () => {
    const fresh = buildIndex(entries);
    expect(entities(fresh, 'At Zed an, near Zed c0 Tower.')).toEqual(['zed-an', 'zed-c0-tower']);
    expect(entities(fresh, 'At Zed c0, then.')).toEqual([]);
  });

  it('finds what the plain matcher finds (any sequence of these words)', () => {
    const words = ['an', 'An', 'AN', 'c0', 'C0', 'Noor', 'Corp', 'Zed', 'Tower', 'Kabul', 'n', 'a0', 'Àn'];
    const seps = [' ', '. ', ', ', '-', ''];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 10 }), fc.boolean(), (parts, warm) => {
        const text = parts.map(([w, s]) => w + s).join('');
        const fresh = buildIndex(entries);
        // Either branch may be built already, or neither.
        if (warm) spot(fresh, 'C0 Corp');
        expect(spot(fresh, text)).toEqual(spotTokens(fresh, text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('branches matched only as written, with a capital', () => {
  const only = buildIndex([{ entity: 'republic-town', type: 'place', alias: { text: 'Republic', exact: true } }]);
  const mixed = buildIndex([
    { entity: 'republic-town', type: 'place', alias: { text: 'Republic', exact: true } },
    { entity: 'korea', type: 'place', alias: { text: 'Republic of Korea' } },
  ]);

  it('skips the word in lower case, and still finds it capitalised', () => {
    expect(spot(only, 'the republic said').map((m) => m.candidates[0]!.entity)).toEqual([]);
    expect(spot(only, 'in Republic, Washington').map((m) => m.candidates[0]!.entity)).toEqual(['republic-town']);
  });

  it('walks the word in lower case when another alias of its branch is not case-bound', () => {
    expect(spot(mixed, 'the republic of korea said').map((m) => m.candidates[0]!.entity)).toEqual(['korea']);
    expect(spot(mixed, 'the republic said').map((m) => m.candidates[0]!.entity)).toEqual([]);
  });

  it('stays right when a branch gains an alias that is not case-bound after it was built', () => {
    const index = buildIndex([{ entity: 'republic-town', type: 'place', alias: { text: 'Republic', exact: true } }]);
    expect(spot(index, 'the republic')).toEqual([]);
    addEntries(index, [{ entity: 'korea', type: 'place', alias: { text: 'Republic of Korea' } }]);
    expect(spot(index, 'the republic of korea').map((m) => m.candidates[0]!.entity)).toEqual(['korea']);
  });
});
