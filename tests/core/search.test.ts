import { describe, expect, it } from 'vitest';
import { createSearch } from '../../core/search';
import { projectDataset } from '../helpers';

const index = projectDataset();
const search = createSearch(index);
const kabulArticles = index.articlesOf.get('kabul')!;

describe('search', () => {
  it.each(['kaboul', 'kabul', 'kabol', 'Kaboul', 'KABUL'])('"%s" finds the Kabul articles', (q) => {
    const ids = search.search(q).map((r) => r.id);
    expect(kabulArticles.length).toBeGreaterThan(2);
    for (const id of kabulArticles) expect(ids).toContain(id);
  });

  it('tolerates missing accents and typos in names', () => {
    expect(search.search('ouzbekistan').map((r) => r.id)).toContain('2021-07-05-consulat-russe-mazar-i-sharif');
    expect(search.search('Kaboulof').map((r) => r.id)).toContain('2021-07-14-moscou-met-en-garde-les-talibans');
  });

  it('finds nothing for an unrelated word, or a one-letter query', () => {
    expect(search.search('zzzqqq')).toEqual([]);
    expect(search.search('k')).toEqual([]);
  });
});
