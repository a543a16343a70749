import { describe, expect, it } from 'vitest';
import { buildCard } from '../../core/cards';
import { projectDataset } from '../helpers';

const index = projectDataset();

describe('buildCard', () => {
  it('lists the articles that mention the entity, newest first, with the sentence around the mention', () => {
    const card = buildCard(index, 'zamir-kabulov', 'en', 50)!;
    expect(card.name).toBe('Zamir Kabulov');
    expect(card.type).toBe('person');
    expect(card.articles).toHaveLength(card.articleCount);
    const dates = card.articles.map((a) => a.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(buildCard(index, 'afghanistan', 'en')!.articles).toHaveLength(10);
    const consulate = card.articles.find((a) => a.id === '2021-07-05-consulat-russe-mazar-i-sharif')!;
    expect(consulate.snippet.mention).toBe('Zamir Kabulov');
    expect(consulate.snippet.after).toContain("l'envoyé spécial du président russe");
  });

  it('speaks the reader’s language where the dataset has it', () => {
    expect(buildCard(index, 'kabul', 'fr')!.name).toBe('Kaboul');
    expect(buildCard(index, 'kabul', 'en')!.name).toBe('Kabul');
  });

  it('names who appears with it, most often first', () => {
    const card = buildCard(index, 'zamir-kabulov', 'en')!;
    expect(card.related.length).toBeGreaterThan(0);
    expect(card.related.map((r) => r.id)).not.toContain('zamir-kabulov');
  });

  it('returns null for an unknown entity', () => {
    expect(buildCard(index, 'nobody', 'en')).toBeNull();
  });
});
