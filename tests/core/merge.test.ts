import { describe, expect, it } from 'vitest';
import { buildCard } from '../../core/cards';
import { articleMentions, compileDataset, spotterEntries } from '../../core/compile';
import { indexDataset } from '../../core/dataset-index';
import { entityMentions, mergeDataset, toStoredMentions, type ImportedArticle } from '../../core/merge';
import { buildIndex } from '../../core/spotter';
import { entity, projectSources } from '../helpers';

const { entities, articles, stopPhrases } = projectSources();
const bundled = compileDataset(entities, articles, stopPhrases);
const index = buildIndex(spotterEntries(entities, stopPhrases));

function imported(id: string, body: string, date = '2024-03-01'): ImportedArticle {
  const a = { id, collection: 'c1', title: `Imported ${id}`, date, lang: 'en' as const, source: 'Archive', summary: body.slice(0, 40), body };
  return { ...a, mentions: toStoredMentions(articleMentions(index, a)) };
}

describe('mergeDataset', () => {
  it('is the bundled dataset itself when there is nothing to add', () => {
    expect(mergeDataset(bundled, { articles: [], entities: [] })).toBe(bundled);
  });

  it('adds imported articles to the postings and co-occurrence of the entities they mention', () => {
    const merged = indexDataset(mergeDataset(bundled, { articles: [imported('c1/1', 'Zamir Kabulov met Amir Khan Muttaqi in Kabul.')], entities: [] }));
    expect(merged.articlesOf.get('zamir-kabulov')?.[0]).toBe('c1/1');
    expect(merged.entitiesOf.get('c1/1')).toEqual(new Set(['zamir-kabulov', 'amir-khan-muttaqi', 'kabul']));
    const before = bundled.postings['zamir-kabulov']!.length;
    expect(merged.articlesOf.get('zamir-kabulov')).toHaveLength(before + 1);
    expect(merged.dataset.articles[0]?.id).toBe('c1/1');
    expect(merged.dataset.articles[0]).not.toHaveProperty('mentions');
  });

  it('keeps the bundled postings unchanged when only articles are added', () => {
    const merged = mergeDataset(bundled, { articles: [imported('c1/1', 'Nothing known here.')], entities: [] });
    expect(merged.postings).toEqual(bundled.postings);
  });

  it('finds a reader’s own entity in bundled and imported articles alike', () => {
    const mine = entity('user:moscow-format', 'organization', [{ text: 'Moscow format' }]);
    const merged = indexDataset(mergeDataset(bundled, { articles: [imported('c1/2', 'The Moscow format met again.')], entities: [mine] }));
    const found = merged.articlesOf.get('user:moscow-format') ?? [];
    expect(found).toContain('c1/2');
    expect(found.some((id) => !id.startsWith('c1/'))).toBe(true);
    // The bundled entities are still found the same way.
    expect(merged.articlesOf.get('zamir-kabulov')).toEqual(bundled.postings['zamir-kabulov']!.map((p) => p.article));
  });

  it('widens a card’s timeline to the imported articles’ months', () => {
    const merged = indexDataset(mergeDataset(bundled, { articles: [imported('c1/1', 'Zamir Kabulov in Kabul.', '2022-03-05')], entities: [] }));
    const card = buildCard(merged, 'zamir-kabulov', 'en')!;
    expect(card.timeline[0]?.month).toBe('2021-07');
    expect(card.timeline.at(-1)).toEqual({ month: '2022-03', count: 1 });
    expect(card.timeline).toHaveLength(9);
    expect(card.articles[0]?.id).toBe('c1/1');
  });

  it('uses the mentions a reader’s entity carries, without scanning again', () => {
    const mine = entity('user:moscow-format', 'organization', [{ text: 'Moscow format' }]);
    const articlesNow = [...bundled.articles, imported('c1/2', 'The Moscow format met again.')];
    const mentions = entityMentions(mine, articlesNow);
    expect(mentions.map((m) => m.article)).toContain('c1/2');
    expect(mentions.find((m) => m.article === 'c1/2')).toMatchObject({ start: 4, end: 17, count: 1 });
    const stored = indexDataset(
      mergeDataset(bundled, { articles: [imported('c1/2', 'The Moscow format met again.')], entities: [{ ...mine, mentions: mentions.slice(0, 1) }] }),
    );
    expect(stored.articlesOf.get('user:moscow-format')).toEqual([mentions[0]!.article]);
    expect(stored.entity.get('user:moscow-format')).not.toHaveProperty('mentions');
  });
});
