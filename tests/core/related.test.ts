import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../core/compile';
import { indexDataset } from '../../core/dataset-index';
import type { Article } from '../../core/model';
import { popupStrings } from '../../core/i18n-popup';
import { articleTextIndex, rankingSource, rankRelated, rarity } from '../../core/related';
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
    expect(rarity(rankingSource(index), 'kabulov')).toBeGreaterThan(rarity(rankingSource(index), 'afghanistan'));
    const ranked = rankRelated(
      rankingSource(index),
      new Map([
        ['afghanistan', 5],
        ['kabulov', 1],
      ]),
    );
    expect(ranked[0]).toMatchObject({ id: 'a', shared: ['kabulov', 'afghanistan'] });
    expect(ranked.map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
  });

  it('lists only articles sharing an entity, with what they share', () => {
    const ranked = rankRelated(rankingSource(index), new Map([['doha', 1]]));
    expect(ranked).toEqual([{ id: 'b', score: expect.any(Number), shared: ['doha'] }]);
  });

  it('finds nothing for a page with no known entity', () => {
    expect(rankRelated(rankingSource(index), new Map())).toEqual([]);
  });

  it('on the project dataset, a page about the ISI meeting ranks that article first', () => {
    const project = projectDataset();
    const ranked = rankRelated(
      rankingSource(project),
      new Map([
        ['faiz-hameed', 1],
        ['isi', 2],
        ['islamabad', 1],
        ['afghanistan', 3],
      ]),
    );
    expect(ranked[0]!.id).toBe('2021-09-11-islamabad-chefs-renseignement');
  });
});

describe('rankRelated across languages and with the page title', () => {
  const project = projectDataset();
  const text = articleTextIndex(project);

  it('a French page finds English articles through the entities they share', () => {
    // A French page naming only Joe Biden and the Kabul airport (names shared across languages).
    const ranked = rankRelated(
      rankingSource(project),
      new Map([
        ['joe-biden', 2],
        ['kabul-airport', 1],
      ]),
      10,
    );
    expect(ranked.some((r) => project.article.get(r.id)!.lang === 'en')).toBe(true);
    expect(ranked[0]!.shared).toContain('kabul-airport');
  });

  it('lets the page title decide between articles that share the same entities', () => {
    const counts = new Map([
      ['taliban', 1],
      ['kabul', 1],
    ]);
    const plain = rankRelated(rankingSource(project), counts, 5);
    const titled = rankRelated(rankingSource(project), counts, 5, { index: text, query: 'Suicide bombing at the airport during the evacuation' });
    expect(titled[0]!.id).toBe('2021-08-26-kabul-airport-bombing');
    expect(plain[0]!.id).not.toBe(titled[0]!.id);
  });

  it('explains a result in one line, in both languages', () => {
    expect(popupStrings('en').reason(['Hairatan', 'Zamir Kabulov', 'Iran'], 3)).toBe('3 names in common, notably Hairatan and Zamir Kabulov');
    expect(popupStrings('fr').reason(['Hairatan'], 1)).toBe('Mentionne aussi Hairatan');
  });
});
