import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../core/dataset-index';
import { createSearch } from '../../core/search';
import { scaledDataset } from '../../scripts/bench/ranking';
import { projectDataset } from '../helpers';

const index = projectDataset();
const search = createSearch(index);
const kabulArticles = index.articlesOf.get('kabul')!;

describe('search', () => {
  it.each(['kaboul', 'kabul', 'kabol', 'Kaboul', 'KABUL'])('"%s" finds the Kabul articles, those titled on Kabul first', (q) => {
    const results = search.search(q, 10);
    expect(results).toHaveLength(10);
    for (const r of results) expect(kabulArticles).toContain(r.id);
    expect(index.article.get(results[0]!.id)!.title).toMatch(/Kabo?ul/);
  });

  it('ranks by how well the query fits: a typo costs a little', () => {
    // Scores are relevance: higher is better.
    const exact = search.search('kabul', 1)[0]!;
    const typo = search.search('kabol', 1)[0]!;
    expect(typo.score).toBeLessThan(exact.score);
    expect(typo.score).toBeGreaterThan(0);
  });

  it('finds a word while it is being typed', () => {
    const results = search.search('kab', 10);
    expect(results).toHaveLength(10);
    for (const r of results) expect(kabulArticles.includes(r.id) || /kab/i.test(index.article.get(r.id)!.title)).toBe(true);
  });

  it('tolerates missing accents and typos in names', () => {
    expect(search.search('ouzbekistan').map((r) => r.id)).toContain('2021-07-05-consulat-russe-mazar-i-sharif');
    expect(search.search('Kaboulof').map((r) => r.id)).toContain('2021-07-14-moscou-met-en-garde-les-talibans');
  });

  it('finds articles by several words, those matching most of them first', () => {
    const results = search.search('mazar consulat', 3);
    expect(results.map((r) => r.id)).toContain('2021-07-05-consulat-russe-mazar-i-sharif');
    expect(index.article.get(results[0]!.id)!.title).toMatch(/consulat.*Mazar/i);
  });

  it('finds an article by a word of its summary only', () => {
    const id = '2021-12-13-aide-chinoise-hiver';
    expect(index.article.get(id)!.title).not.toMatch(/doudoune/i);
    expect(search.search('doudounes', 5).map((r) => r.id)).toEqual([id]);
  });

  it('finds nothing for an unrelated word, or a one-letter query', () => {
    expect(search.search('zzzqqq')).toEqual([]);
    expect(search.search('famine')).toEqual([]);
    expect(search.search('k')).toEqual([]);
  });
});

describe('search over a large dataset (imported collections)', () => {
  // The bundled dataset repeated up to a reader's large import: the same engine, the same answers.
  const big = indexDataset(scaledDataset(index.dataset, 20_000));
  const large = createSearch(big);
  const kabul = new Set(big.articlesOf.get('kabul'));

  it.each(['kaboul', 'kabul', 'kabol', 'KABUL'])('"%s" still finds the Kabul articles', (q) => {
    const results = large.search(q, 10);
    expect(results).toHaveLength(10);
    for (const r of results) expect(kabul.has(r.id) || /kab(ou)?l/i.test(big.article.get(r.id)!.title)).toBe(true);
  });

  it('finds titles by word and by the start of a word, those matching more words first', () => {
    const results = large.search('moscou talibans', 5);
    expect(results.length).toBe(5);
    for (const r of results) expect(big.article.get(r.id)!.title.toLowerCase()).toMatch(/moscou.*talibans|talibans.*moscou/);
    expect(large.search('ouzbék', 3).every((r) => /ouzb[eé]k/i.test(big.article.get(r.id)!.title) || big.entitiesOf.get(r.id)!.has('uzbekistan'))).toBe(true);
  });

  it('still tolerates typos and missing accents, and finds a word while it is being typed', () => {
    const uzbek = large.search('ouzbekistan', 10);
    expect(uzbek).toHaveLength(10);
    for (const r of uzbek) expect(big.entitiesOf.get(r.id)!.has('uzbekistan')).toBe(true);
    expect(large.search('Kaboulof', 10).some((r) => big.entitiesOf.get(r.id)!.has('zamir-kabulov'))).toBe(true);
    const typing = large.search('kab', 10);
    expect(typing).toHaveLength(10);
    for (const r of typing) expect(kabul.has(r.id) || /kab/i.test(big.article.get(r.id)!.title)).toBe(true);
  });

  it('still finds an article by a word of its summary only', () => {
    const results = large.search('doudounes', 10);
    expect(results).toHaveLength(10);
    for (const r of results) expect(r.id).toMatch(/^2021-12-13-aide-chinoise-hiver~/);
  });

  it('finds nothing for an unrelated word, or a one-letter query', () => {
    expect(large.search('zzzqqq')).toEqual([]);
    expect(large.search('famine')).toEqual([]);
    expect(large.search('k')).toEqual([]);
  });
});
