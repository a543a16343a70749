import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../core/compile';
import { indexDataset } from '../../core/dataset-index';
import type { Article } from '../../core/model';
import { rankRelated, rarity } from '../../core/related';
import { entity, projectDataset } from '../helpers';

const article = (id: string, date: string, body: string): Article => ({ id, title: id, date, lang: 'en', source: 's', summary: id, body });

const entities = [
  entity('afghanistan', 'place', [{ text: 'Afghanistan' }]),
  entity('kabulov', 'person', [{ text: 'Kabulov' }]),
  entity('doha', 'place', [{ text: 'Doha' }]),
];
const index = indexDataset(
  compileDataset(entities, [
    article('a', '2021-07-01', 'Afghanistan and Kabulov.'),
    article('b', '2021-08-01', 'Afghanistan and Doha.'),
    article('c', '2021-09-01', 'Afghanistan again.'),
    article('d', '2021-10-01', 'Afghanistan, Afghanistan.'),
  ]),
);

describe('rankRelated', () => {
  it('weighs a rare entity above a common one', () => {
    expect(rarity(index, 'kabulov')).toBeGreaterThan(rarity(index, 'afghanistan'));
    const ranked = rankRelated(index, new Map([['afghanistan', 5], ['kabulov', 1]]));
    expect(ranked[0]).toMatchObject({ id: 'a', shared: ['kabulov', 'afghanistan'] });
    expect(ranked.map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
  });

  it('lists only articles sharing an entity, with what they share', () => {
    const ranked = rankRelated(index, new Map([['doha', 1]]));
    expect(ranked).toEqual([{ id: 'b', score: expect.any(Number), shared: ['doha'] }]);
  });

  it('finds nothing for a page with no known entity', () => {
    expect(rankRelated(index, new Map())).toEqual([]);
  });

  it('on the project dataset, a page about the ISI meeting ranks that article first', () => {
    const project = projectDataset();
    const ranked = rankRelated(project, new Map([['faiz-hameed', 1], ['isi', 2], ['islamabad', 1], ['afghanistan', 3]]));
    expect(ranked[0]!.id).toBe('2021-09-11-islamabad-chefs-renseignement');
  });
});
