// The popup's view from what a woken background stores (the slices of the
// page's entities, the title index's entries of the title's words, the
// article count) is the view the full dataset gives, for any page: the
// project's dataset, and one merged with an imported collection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliceOf, type CardSlice } from '../../core/card-slices';
import { indexDataset, type DatasetIndex } from '../../core/dataset-index';
import { importedArticle, mergeDataset, type ImportedArticle } from '../../core/merge';
import { PopupView, RELATED_SHOWN, relatedFor, storedSource, viewOf, type PopupViewRequest } from '../../core/popup-view';
import { rankingSource, rankRelated } from '../../core/related';
import { queryTerms, type TermEntry } from '../../core/text-similarity';
import { importedArticles, projectDataset } from '../helpers';

const bundled = projectDataset();
const imported = importedArticles(bundled, 300);
const merged = indexDataset(mergeDataset(bundled.dataset, { articles: imported.map((a) => ({ ...a, body: '' })), entities: [] }));
const names = new Map([['c1', 'Archive one']]);

/** The view as a woken background makes it: everything through structured clones, as IndexedDB gives it back. */
function storedView(index: DatasetIndex, stored: readonly ImportedArticle[], full: PopupView, request: PopupViewRequest) {
  const slices = new Map<string, CardSlice>();
  for (const id of new Set([...Object.keys(request.counts), ...request.hidden])) {
    const s = sliceOf(index, id);
    if (s) slices.set(id, structuredClone(s));
  }
  const wanted = new Set(queryTerms(request.title));
  const entries: TermEntry[] = [...full.textIndex().entries()].filter((e) => wanted.has(e.term)).map((e) => structuredClone(e));
  const source = storedSource(slices, entries, index.dataset.articles.length);
  const related = relatedFor(source, request);
  const byId = new Map(stored.map(({ body: _, ...a }) => [a.id, structuredClone(a)]));
  const article = (id: string) => {
    const own = byId.get(id);
    if (own) return importedArticle(own);
    const found = bundled.article.get(id);
    if (!found) return undefined;
    const { body: _, ...a } = found;
    return a;
  };
  return { view: viewOf({ ...source, article, collectionNames: names }, request, related), related };
}

describe('the popup view from stored slices and title words', () => {
  for (const [what, index, stored] of [
    ['the project’s dataset', bundled, []],
    ['a dataset with an imported collection', merged, imported],
  ] as const) {
    const full = new PopupView(index, names);
    const ids = [...index.entity.keys()];
    const titles = index.dataset.articles.map((a) => a.title);
    const request = fc.record({
      counts: fc.dictionary(fc.oneof(fc.constantFrom(...ids), fc.constant('nobody')), fc.integer({ min: 1, max: 6 }), { maxKeys: 30 }),
      title: fc.oneof(
        fc.constantFrom(...titles),
        fc.constant(''),
        fc.array(fc.constantFrom(...titles.flatMap((t) => t.split(' '))), { maxLength: 6 }).map((w) => w.join(' ')),
      ),
      lang: fc.constantFrom('en' as const, 'fr' as const),
      hidden: fc.subarray([...ids.slice(0, 20), 'nobody']),
    });

    it(`is the full view, for ${what}`, () => {
      fc.assert(
        fc.property(request, (r) => {
          const { view, related } = storedView(index, stored, full, r);
          expect(view).toStrictEqual(full.view(r));
          // The scores too, which the view does not show.
          const known = new Map(Object.entries(r.counts).filter(([id]) => index.entity.has(id)));
          expect(related).toStrictEqual(rankRelated(rankingSource(index), known, RELATED_SHOWN, { index: full.textIndex(), query: r.title }));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('lists imported articles with their collection', () => {
    const full = new PopupView(merged, names);
    const kabul = { counts: { kabul: 3, taliban: 1 }, title: imported[0]!.title, lang: 'en' as const, hidden: [] };
    const { view } = storedView(merged, imported, full, kabul);
    expect(view.related.length).toBeGreaterThan(0);
    expect(view.related.some((a) => a.collectionName === 'Archive one')).toBe(true);
  });
});
