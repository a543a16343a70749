import { describe, expect, it } from 'vitest';
import { createSearch } from '../../core/search';
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

  it('finds nothing for an unrelated word, or a one-letter query', () => {
    expect(search.search('zzzqqq')).toEqual([]);
    expect(search.search('famine')).toEqual([]);
    expect(search.search('k')).toEqual([]);
  });
});
