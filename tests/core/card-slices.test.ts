// A card answered from slices is the card the full index gives: for every
// entity of the project's dataset, and of a dataset merged with imported
// articles (over a wider period than the bundled one) and the reader's
// entities, in both languages, with and without a match. The slices used are
// structured clones, as the derived store gives them back.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allSlices, entitiesNamedBy, sliceIndex, sliceOf, type CardSlice } from '../../core/card-slices';
import { buildCard, MAX_CARD_ARTICLES, MAX_CARD_RELATED, type CardMatch, type EntityCard } from '../../core/cards';
import { dateSpan, indexDataset, type DatasetIndex } from '../../core/dataset-index';
import { mergeDataset, type UserEntity } from '../../core/merge';
import { ARTICLE_DATE_RANGE, LANGS, type Lang } from '../../core/model';
import type { MatchHow } from '../../core/resolve';
import { entity, importedArticles, projectDataset } from '../helpers';

const bundled = projectDataset();

const mine: UserEntity[] = [
  // Found in many articles, with a map, a population and a country.
  entity('user:kabul-watch', 'place', [{ text: 'Kabul' }], {
    name: { en: 'Kabul watch', fr: '' },
    description: { en: 'A watch list. Of the city.', fr: 'Une liste. De la ville.' },
    coords: [34.5, 69.2],
    country: 'AF',
    population: 4_000_000,
  }),
  entity('user:taliban-desk', 'organization', [{ text: 'Taliban' }], { role: { en: 'Desk', fr: '' }, asOf: '2024-01-01' }),
  // Found nowhere: a card with no article.
  entity('user:nowhere', 'person', [{ text: 'Zyzzyx Quorple' }], { nationality: 'FR' }),
];
const imported = importedArticles(bundled, 300);
const packs = [{ additions: [{ entity: 'kabul', aliases: [{ text: 'Kaboul-Ville' }] }], removals: [] }];
const merged = indexDataset(mergeDataset(bundled.dataset, { articles: imported, entities: mine, packs }));
// As the background holds it before a card loads them: imported articles without their texts.
const unloaded = indexDataset(mergeDataset(bundled.dataset, { articles: imported.map((a) => ({ ...a, body: '' })), entities: mine, packs }));

const datasets: [string, DatasetIndex][] = [
  ['bundled', bundled],
  ['merged', merged],
  ['merged, texts not loaded', unloaded],
];

const mapFor = (c: [number, number]) => ({ width: 1, height: 1, land: 'M0,0', x: c[1], y: c[0] });

/** Every slice of `index`, as the derived store gives them back. */
const storedSlices = (index: DatasetIndex) => new Map([...allSlices(index)].map((s) => [s.entity.id, structuredClone(s)]));

/** The card as a woken background makes it: the slices of the entity and of those its match names, and the listed articles' texts. */
function cardFromSlices(slices: ReadonlyMap<string, CardSlice>, full: DatasetIndex, id: string, lang: Lang, match?: CardMatch): EntityCard | null {
  const main = slices.get(id);
  if (!main) return null;
  const others = entitiesNamedBy(match).flatMap((o) => slices.get(o)?.entity ?? []);
  // Only the texts there are: an article without one in the full index has none in the store either.
  const bodies = new Map(
    main.listed.flatMap(({ article }) => (full.article.get(article.id)?.body ? [[article.id, full.article.get(article.id)!.body] as const] : [])),
  );
  return buildCard(sliceIndex(main, others, bodies), id, lang, MAX_CARD_ARTICLES, mapFor, match);
}

/**
 * Matches for one entity: none; a choice naming namesakes (some co-mentioned,
 * so known to the slice by name only, some unknown) and a deciding name; and,
 * in turn from one entity to the next, a bare form, a short form, a choice by
 * prominence, or an exact form with an unknown deciding name.
 */
function matchesFor(index: DatasetIndex, ids: readonly string[], i: number): (CardMatch | undefined)[] {
  const id = ids[i]!;
  const related = (index.dataset.cooccurrence[id] ?? []).map(([o]) => o).filter((o) => index.entity.has(o));
  const near = (k: number) => ids[(i + k) % ids.length]!;
  const form = index.entity.get(id)!.name.en;
  const turns: CardMatch[] = [
    { form },
    { form, how: { rule: 'short' } },
    { form: form.repeat(10), how: { rule: 'prominence', others: [related[0] ?? near(5)] } },
    { form, how: { rule: 'exact', by: 'no-such-entity', others: [] } },
  ];
  return [
    undefined,
    { form, how: { rule: 'context', by: related[1] ?? near(3), others: [...related.slice(0, 2), near(1), near(2), 'no-such-entity'] } },
    turns[i % turns.length],
  ];
}

/** Ids whose card from slices differs from the full index's. */
function differing(full: DatasetIndex, slices: ReadonlyMap<string, CardSlice>, cases: (id: string, i: number) => (CardMatch | undefined)[]): string[] {
  const ids = [...full.entity.keys()];
  const bad: string[] = [];
  ids.forEach((id, i) => {
    for (const match of cases(id, i))
      for (const lang of LANGS) {
        const want = buildCard(full, id, lang, MAX_CARD_ARTICLES, mapFor, match);
        const got = cardFromSlices(slices, full, id, lang, match);
        if (!isDeepStrictEqual(got, want)) {
          // The first difference, shown in full.
          if (bad.length === 0) expect({ id, lang, match, card: got }).toStrictEqual({ id, lang, match, card: want });
          bad.push(`${id} ${lang} ${JSON.stringify(match)}`);
        }
      }
  });
  return bad;
}

describe('card slices', () => {
  it('exercise what a card reads: long article lists, a wider and longer period, namesakes known by name only, texts not loaded', () => {
    const kabul = merged.articlesOf.get('user:kabul-watch') ?? [];
    expect(kabul.length).toBeGreaterThan(MAX_CARD_ARTICLES);
    expect(kabul.some((a) => a.startsWith('c1/'))).toBe(true);
    const span = dateSpan(merged);
    expect(span.oldest! < ARTICLE_DATE_RANGE.from && span.newest! > ARTICLE_DATE_RANGE.to).toBe(true);
    expect(buildCard(merged, 'kabul', 'en')!.timeline).toHaveLength(120);
    expect(merged.articlesOf.get('user:nowhere') ?? []).toEqual([]);
    expect(merged.entity.get('kabul')!.aliases.map((a) => a.text)).toContain('Kaboul-Ville');
    // Some entities' cards list an imported article whose text is not loaded.
    expect(sliceOf(unloaded, 'kabul')!.listed.some(({ article }) => unloaded.article.get(article.id)!.body === '')).toBe(true);
  });

  for (const [name, full] of datasets) {
    const slices = storedSlices(full);
    const ids = [...full.entity.keys()];

    it(`give every entity of the ${name} dataset its card, in both languages, with and without a match`, () => {
      expect(slices.size).toBe(full.entity.size);
      expect(differing(full, slices, (_, i) => matchesFor(full, ids, i))).toEqual([]);
    }, 60_000);

    it(`give the ${name} dataset's cards for any match`, () => {
      const id = fc.constantFrom(...ids, 'no-such-entity');
      const how: fc.Arbitrary<MatchHow> = fc.record(
        { rule: fc.constantFrom('exact', 'short', 'context', 'prominence'), by: id, others: fc.array(id, { maxLength: 4 }) },
        { requiredKeys: ['rule'] },
      );
      const match: fc.Arbitrary<CardMatch | undefined> = fc.option(fc.record({ form: fc.string({ maxLength: 100 }), how }, { requiredKeys: ['form'] }), {
        nil: undefined,
      });
      fc.assert(
        fc.property(fc.constantFrom(...ids), fc.constantFrom(...LANGS), match, (main, lang, m) => {
          expect(cardFromSlices(slices, full, main, lang, m)).toStrictEqual(buildCard(full, main, lang, MAX_CARD_ARTICLES, mapFor, m));
        }),
        { numRuns: 300 },
      );
    }, 30_000);
  }

  it('give no card for an entity the dataset does not know', () => {
    expect(sliceOf(merged, 'no-such-entity')).toBeUndefined();
  });

  it('name the entities a match names, once each', () => {
    expect(entitiesNamedBy()).toEqual([]);
    expect(entitiesNamedBy({ form: 'x' })).toEqual([]);
    expect(entitiesNamedBy({ form: 'x', how: { rule: 'context', by: 'a', others: ['b', 'a', 'c'] } })).toEqual(['b', 'a', 'c']);
    expect(entitiesNamedBy({ form: 'x', how: { rule: 'short', by: 'a' } })).toEqual(['a']);
  });

  it('hold what the card lists and names, and no more', () => {
    for (const s of allSlices(merged)) {
      const id = s.entity.id;
      expect(s.articleIds).toEqual(merged.articlesOf.get(id) ?? []);
      expect(s.articleDates).toEqual(s.articleIds.map((a) => merged.article.get(a)!.date));
      // Listed: the article as the dataset has it, but for its text.
      expect(s.listed).toStrictEqual(
        s.articleIds.slice(0, MAX_CARD_ARTICLES).map((a) => {
          const { body: _, ...article } = merged.article.get(a)!;
          return { article, posting: merged.posting.get(id)!.get(a)! };
        }),
      );
      expect(s.related.length).toBeLessThanOrEqual(MAX_CARD_RELATED);
      expect(Object.keys(s).sort()).toEqual(['articleDates', 'articleIds', 'entity', 'listed', 'related', 'span']);
    }
  }, 30_000);

  it('hold no article text anywhere', () => {
    const bodies: string[] = [];
    const walk = (x: unknown, path: string): void => {
      if (Array.isArray(x)) x.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x)) {
          if (k === 'body') bodies.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
    };
    for (const [, full] of datasets) for (const s of allSlices(full)) walk(s, s.entity.id);
    expect(bodies).toEqual([]);
  }, 30_000);

  it('come back unchanged from a structured clone and from JSON', () => {
    for (const [, full] of datasets)
      for (const s of allSlices(full)) {
        expect(structuredClone(s)).toStrictEqual(s);
        expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
      }
  }, 30_000);

  it('keep a card’s timeline when the dataset has no article', () => {
    const empty = indexDataset({ ...bundled.dataset, articles: [], postings: {}, cooccurrence: {} });
    const s = structuredClone(sliceOf(empty, 'kabul')!);
    expect(s.span).toStrictEqual({});
    expect(buildCard(sliceIndex(s, [], new Map()), 'kabul', 'fr')).toStrictEqual(buildCard(empty, 'kabul', 'fr'));
  });
});
