import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../core/dataset-index';
import { createSearch, FULL_SEARCH_MAX } from '../../core/search';
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
    expect(index.article.get(results[0]!.id)!.title).toMatch(/Kab(ou)?l/);
  });

  it('ranks by how well the query fits: a typo costs a little', () => {
    const exact = search.search('kabul', 1)[0]!;
    const typo = search.search('kabol', 1)[0]!;
    expect(typo.score).toBeGreaterThan(exact.score);
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

  it('finds nothing for an unrelated word, or a one-letter query', () => {
    expect(search.search('zzzqqq')).toEqual([]);
    expect(search.search('famine')).toEqual([]);
    expect(search.search('k')).toEqual([]);
  });
});

describe('search over a large dataset (imported collections)', () => {
  // The bundled dataset repeated past FULL_SEARCH_MAX: the scaled path.
  const big = indexDataset(scaledDataset(index.dataset, FULL_SEARCH_MAX + 500));
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

  it('finds nothing for an unrelated word, or a one-letter query', () => {
    expect(large.search('zzzqqq')).toEqual([]);
    expect(large.search('k')).toEqual([]);
  });
});
