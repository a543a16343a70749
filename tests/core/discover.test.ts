// Names Repères does not know, found on hand-annotated news paragraphs
// (tests/fixtures/discover/, written for these tests, names invented). Each
// `[[surface|type]]` is an unknown name that must be proposed; anything else
// proposed is a false candidate. Each paragraph is a page of its own. A
// candidate counts only with the exact span (so the exact text). Set
// QUALITY_REPORT=1 to print precision, recall, type accuracy and the errors.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collectionSuggestions,
  countCandidates,
  discoverNames,
  findNames,
  isKnownName,
  knownMentions,
  pageLanguage,
  withoutKnown,
  type Candidate,
} from '../../core/discover';
import { isListedDemonym } from '../../core/discover/demonyms';
import { projectIndex, ROOT } from '../helpers';

type NameType = Candidate['type'];

interface Expected {
  start: number;
  end: number;
  type: NameType;
}

/** Strips the markup, returning the page text and the expected names. */
export function parseAnnotated(source: string): { text: string; expected: Expected[] } {
  const expected: Expected[] = [];
  let text = '';
  let last = 0;
  for (const m of source.matchAll(/\[\[([^|\]]+)\|(person|organization|place)\]\]/g)) {
    text += source.slice(last, m.index);
    expected.push({ start: text.length, end: text.length + m[1]!.length, type: m[2] as NameType });
    text += m[1]!;
    last = m.index + m[0].length;
  }
  return { text: text + source.slice(last), expected };
}

/** The fixture's paragraphs, without its header (the lines starting with #). */
function paragraphs(file: string): string[] {
  const source = readFileSync(join(ROOT, 'tests/fixtures/discover', file), 'utf8');
  return source
    .split(/^===$/m)
    .map((p) => p.replace(/^#.*\n?/gm, '').replace(/^\n+|\n+$/g, ''))
    .filter(Boolean);
}

const index = projectIndex();

function evaluate(file: string, lang: 'en' | 'fr') {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let typed = 0;
  const errors: string[] = [];
  const paras = paragraphs(file);
  for (const [p, source] of paras.entries()) {
    const { text, expected } = parseAnnotated(source);
    const found = discoverNames(text, lang, index);
    const key = (m: { start: number; end: number }) => `${m.start}:${m.end}`;
    const want = new Map(expected.map((e) => [key(e), e]));
    const got = new Set(found.map(key));
    for (const c of found) {
      const e = want.get(key(c));
      if (e) {
        tp++;
        if (e.type === c.type) typed++;
        else errors.push(`P${p + 1} type: "${c.text}" ${c.type}, expected ${e.type}`);
      } else {
        fp++;
        errors.push(`P${p + 1} false: "${c.text}" (${c.type})`);
      }
    }
    for (const e of expected)
      if (!got.has(key(e))) {
        fn++;
        errors.push(`P${p + 1} missed: "${text.slice(e.start, e.end)}" (${e.type})`);
      }
  }
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), types: typed / tp, errors, paragraphs: paras.length };
}

describe('discoverNames quality', { timeout: 60_000 }, () => {
  it('parses the annotation markup', () => {
    expect(parseAnnotated('[[Marta Ruiz|person]] met Emmanuel Macron in [[Lindford|place]].')).toEqual({
      text: 'Marta Ruiz met Emmanuel Macron in Lindford.',
      expected: [
        { start: 0, end: 10, type: 'person' },
        { start: 34, end: 42, type: 'place' },
      ],
    });
  });

  it.each(['en.txt', 'fr.txt'])('%s: the annotated names are unknown to the dataset', (file) => {
    // A fixture name the spotter highlights would test the spotter, not discovery.
    for (const source of paragraphs(file)) {
      const { text, expected } = parseAnnotated(source);
      const mentions = knownMentions(index, text);
      for (const e of expected) {
        const name = text.slice(e.start, e.end);
        const clash = mentions.find(([s, end]) => s < e.end && end > e.start);
        expect(clash && text.slice(clash[0], clash[1]), name).toBeUndefined();
        expect(isKnownName(index, name), name).toBe(false);
      }
    }
  });

  it.each([
    ['en.txt', 'en'],
    ['fr.txt', 'fr'],
  ] as const)('%s: precision ≥ 0.85 and recall ≥ 0.80', (file, lang) => {
    const r = evaluate(file, lang);
    expect(r.paragraphs).toBeGreaterThanOrEqual(15);
    expect(r.tp + r.fn, 'annotated names').toBeGreaterThanOrEqual(80);
    if (process.env.QUALITY_REPORT || r.recall < 0.8 || r.precision < 0.85)
      console.log(
        `${file}: P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)} types=${r.types.toFixed(3)} (${r.tp + r.fn} names, ${r.fp} false)\n${r.errors.join('\n')}`,
      );
    expect(r.precision).toBeGreaterThanOrEqual(0.85);
    expect(r.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe('discoverNames', () => {
  it('leaves out the known entities next to unknown names', () => {
    const text = 'Marta Ruiz met Emmanuel Macron in Paris.';
    expect(discoverNames(text, 'en', index)).toEqual([{ start: 0, end: 10, text: 'Marta Ruiz', type: 'person' }]);
    expect(discoverNames('Marta Ruiz a rencontré Emmanuel Macron à Paris.', 'fr', index)).toEqual([{ start: 0, end: 10, text: 'Marta Ruiz', type: 'person' }]);
  });

  it('gives UTF-16 offsets into the text, after astral characters too', () => {
    const text = '😀 Résumé 🇫🇷 : la physicienne Claire Aubertin a quitté Lamballe-sur-Meu. 😀 Yesterday 😀';
    for (const lang of ['fr', 'en'] as const) for (const c of discoverNames(text, lang, index)) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(discoverNames(text, 'fr', index).map((c) => c.text)).toEqual(['Claire Aubertin', 'Lamballe-sur-Meu']);
  });

  it('cleans English names: possessives, titles, "the", trailing punctuation, demonyms, dates', () => {
    const text =
      'On Monday, Mayor Tom Kessler\'s deputy met Danish officials. Yesterday the Harrowfield Gazette said Kessler, "tired", would stay until March. Kenyans and Britons came.';
    expect(discoverNames(text, 'en', index).map((c) => [c.text, c.type])).toEqual([
      ['Tom Kessler', 'person'],
      ['Harrowfield Gazette', 'organization'],
      ['Kessler', 'person'],
    ]);
  });

  it('skips headlines set in capitals', () => {
    expect(discoverNames('MAYOR HOLDS SEAT IN HARROWFIELD\nTom Kessler won.', 'en', index).map((c) => c.text)).toEqual(['Tom Kessler']);
    expect(discoverNames('LE MAIRE DE BRIGNAC RÉÉLU\nJean-Luc Marchetti a gagné.', 'fr', index).map((c) => c.text)).toEqual(['Jean-Luc Marchetti']);
  });

  it('returns nothing for an empty text or one without names', () => {
    expect(discoverNames('', 'en', index)).toEqual([]);
    expect(discoverNames('', 'fr', index)).toEqual([]);
    expect(discoverNames('Hier, il a plu toute la journée.', 'fr', index)).toEqual([]);
    expect(discoverNames('Yesterday it rained all day.', 'en', index)).toEqual([]);
  });
});

describe('demonyms', () => {
  it('holds every one-word English and French demonym of world-countries', () => {
    const countries = createRequire(import.meta.url)('world-countries') as { demonyms?: Record<string, { f: string; m: string }> }[];
    const missing = countries
      .flatMap((c) => (c.demonyms ? [c.demonyms.eng, c.demonyms.fra] : []))
      .flatMap((d) => (d ? [d.m, d.f] : []))
      .filter((d) => d && !/[\s,]/.test(d) && !isListedDemonym(d));
    expect(missing).toEqual([]);
  });
});

describe('countCandidates', () => {
  const c = (text: string, type: NameType, start = 0): Candidate => ({ start, end: start + text.length, text, type });

  it('counts each name once, most frequent first, then in order of appearance', () => {
    expect(
      countCandidates([c('Valdor', 'organization'), c('Marta Ruiz', 'person'), c('Marta Ruiz', 'person'), c('Lindford', 'place'), c('Valdor', 'organization')]),
    ).toEqual([
      { text: 'Valdor', type: 'organization', count: 2 },
      { text: 'Marta Ruiz', type: 'person', count: 2 },
      { text: 'Lindford', type: 'place', count: 1 },
    ]);
  });

  it('takes the type most occurrences have, the first one on a tie', () => {
    expect(countCandidates([c('Bellerive', 'place'), c('Bellerive', 'organization'), c('Bellerive', 'organization')])).toEqual([
      { text: 'Bellerive', type: 'organization', count: 3 },
    ]);
    expect(countCandidates([c('Montclar', 'person'), c('Montclar', 'place')])).toEqual([{ text: 'Montclar', type: 'person', count: 2 }]);
  });

  it('merges forms that differ by case or accents, shown as first written', () => {
    expect(countCandidates([c('De Villeroy', 'person'), c('de Villeroy', 'person'), c('Helene', 'person'), c('Hélène', 'person')])).toEqual([
      { text: 'De Villeroy', type: 'person', count: 2 },
      { text: 'Helene', type: 'person', count: 2 },
    ]);
  });

  it('is empty for no candidates', () => {
    expect(countCandidates([])).toEqual([]);
  });
});

describe('collectionSuggestions', () => {
  it('ranks a collection’s unknown names by the number of articles naming each', () => {
    const known = projectIndex();
    const articles = [
      { lang: 'en' as const, body: 'Talvio Brennick met Orsa Vellamy in Kabul. Talvio Brennick spoke first.' },
      { lang: 'en' as const, body: 'Talvio Brennick returned on Monday.' },
      { lang: 'fr' as const, body: 'Le porte-parole Talvio Brennick est arrivé à Kaboul.' },
    ];
    const names = collectionSuggestions(articles, known);
    expect(names[0]).toMatchObject({ text: 'Talvio Brennick', type: 'person', articles: 3, count: 4 });
    expect(names.map((n) => n.text)).toContain('Orsa Vellamy');
    expect(names.map((n) => n.text)).not.toContain('Kabul');
  });
});

describe('finding names apart from leaving the known ones out', () => {
  it('gives what discoverNames gives when the page finds and the background filters', () => {
    const known = projectIndex();
    const text = 'Talvio Brennick met Orsa Vellamy in Kabul, then flew to Port Quillan.';
    const found = JSON.parse(JSON.stringify(findNames(text, 'en'))) as ReturnType<typeof findNames>;
    expect(withoutKnown(found, text, known)).toEqual(discoverNames(text, 'en', known));
    expect(withoutKnown(found, text, known).map((c) => c.text)).not.toContain('Kabul');
  });

  it('takes the page’s declared language, else tells it from the words', () => {
    expect(pageLanguage('fr-FR', 'The talks were held.')).toBe('fr');
    expect(pageLanguage('en', 'Les talibans sont entrés dans la ville.')).toBe('en');
    expect(pageLanguage('', 'Les talibans sont entrés dans la ville et les négociations ont repris.')).toBe('fr');
    expect(pageLanguage('', '')).toBe('en');
  });
});
