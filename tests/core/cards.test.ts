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

describe('card extras', () => {
  it('gives people their country in the reader’s language', () => {
    expect(buildCard(index, 'qamar-javed-bajwa', 'en')!.country).toBe('Pakistan');
    expect(buildCard(index, 'zamir-kabulov', 'fr')!.country).toBe('Russie');
  });

  it('counts mentions by month over July–December 2021', () => {
    const card = buildCard(index, 'zamir-kabulov', 'en')!;
    expect(card.timeline.map((t) => t.month)).toEqual(['2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12']);
    expect(card.timeline.reduce((n, t) => n + t.count, 0)).toBe(card.articleCount);
  });

  it('adds a locator map to places only, when a map maker is given', () => {
    const mapFor = (c: [number, number]) => ({ width: 1, height: 1, land: 'M0,0', x: c[1], y: c[0] });
    expect(buildCard(index, 'kabul', 'en', 5, mapFor)!.map).toMatchObject({ x: 69.2075, y: 34.5553 });
    expect(buildCard(index, 'zamir-kabulov', 'en', 5, mapFor)!.map).toBeUndefined();
  });
});

describe('world pack cards', () => {
  it('gives a place its inhabitants and country, and a country no country of its own', () => {
    const paris = buildCard(index, 'paris', 'fr')!;
    expect(paris.population).toBeGreaterThan(2_000_000);
    expect(paris.country).toBe('France');
    expect(buildCard(index, 'france', 'en')!.country).toBeUndefined();
  });

  it('dates what it says of people of the world pack', () => {
    const card = buildCard(index, 'keir-starmer', 'en')!;
    expect(card.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(card.role).toMatch(/\d{4}/);
  });

  it('names the namesakes the page passed over, each with what tells it apart', () => {
    const card = buildCard(index, 'georgia', 'en', 10, undefined, {
      form: 'Georgia',
      how: { rule: 'context', by: 'tbilisi', others: ['georgia-us-state', 'nobody'] },
    })!;
    expect(card.namesakes).toEqual({ why: 'context', others: [{ id: 'georgia-us-state', name: 'Georgia (U.S. state)', type: 'place', hint: '' }] });
    // A name without its qualifier gets one from its role or country.
    const other = buildCard(index, 'georgia-us-state', 'en', 10, undefined, { form: 'Georgia', how: { rule: 'context', others: ['georgia'] } })!;
    expect(other.namesakes!.others[0]!.hint).toBe('Country of Western Asia');
    expect(buildCard(index, 'georgia', 'en')!.namesakes).toBeUndefined();
  });

  it('says how the mention was matched: the form on the page, the rule, and the name it leans on', () => {
    const match = (id: string, m: Parameters<typeof buildCard>[5]) => buildCard(index, id, 'en', 10, undefined, m)!.match;
    expect(match('georgia', { form: 'Georgia', how: { rule: 'context', by: 'tbilisi', others: ['georgia-us-state'] } })).toEqual({
      form: 'Georgia',
      rule: 'context',
      name: 'Tbilisi',
    });
    expect(match('zamir-kabulov', { form: 'Kabulov', how: { rule: 'short' } })).toEqual({ form: 'Kabulov', rule: 'short', name: 'Zamir Kabulov' });
    expect(match('kabul', { form: 'Kaboul' })).toEqual({ form: 'Kaboul', rule: 'name' });
    expect(buildCard(index, 'kabul', 'en')!.match).toBeUndefined();
  });

  it('says in words that no article mentions a name yet, rather than an empty list', () => {
    const card = buildCard(index, 'keir-starmer', 'en')!;
    expect(card.articleCount).toBe(0);
    expect(card.articles).toEqual([]);
  });
});
