// The knowledge gateway in the background: a page's words answered with the
// aliases they may complete; derived indexes written once per dataset
// version; and a worker that has just woken answering pages and cards from
// them, without building the full dataset, with the cards a full build gives.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addWordHashes } from '../../core/spotter';
import type { CollectionMeta, ImportedArticle } from '../../core/merge';
import { addCollection, openStore, setCollectionEnabled } from '../../store/db';
import { openDerived, readSlices, readTerms } from '../../store/derived';
import { bumpDatasetRevision } from '../../utils/dataset-revision';

const noMap = () => ({ width: 0, height: 0, land: '', x: 0, y: 0 });

function wordsOf(text: string): number[] {
  const set = new Set<number>();
  addWordHashes(text, set);
  return [...set];
}

/** The gateway as a freshly started worker has it: nothing in memory. `built` counts full builds. */
async function wokenGateway() {
  vi.resetModules();
  const built = vi.fn();
  vi.doMock('../../store/db', async (original) => {
    const real = await original<typeof import('../../store/db')>();
    return {
      ...real,
      enabledArticles: (...args: Parameters<typeof real.enabledArticles>) => {
        built();
        return real.enabledArticles(...args);
      },
    };
  });
  const gateway = await import('../../utils/gateway');
  return { gateway, built };
}

/** A gateway that has built the dataset and stored every derived index of its version. */
async function storedGateway() {
  const warm = await wokenGateway();
  await warm.gateway.refresh();
  const key = await warm.gateway.datasetKey();
  await vi.waitFor(async () => {
    const db = await openDerived();
    const stored = [await readSlices(db, key, []), await readTerms(db, key, [])];
    db.close();
    expect(stored).not.toContain(null);
  });
  return warm;
}

const meta: CollectionMeta = {
  id: 'c',
  name: 'Newsroom archive',
  enabled: true,
  created: '2026-12-05T00:00:00.000Z',
  count: 1,
  from: '2026-11-01',
  to: '2026-11-01',
  langs: ['en'],
  files: ['c.csv'],
};
const article: ImportedArticle = {
  id: 'c/1',
  collection: 'c',
  title: 'An imported report',
  // Newer than every bundled article: the first a card lists.
  date: '2026-11-01',
  lang: 'en',
  source: 'Newsroom',
  summary: 'A summary.',
  body: 'Zamir Kabulov spoke in Kabul on the imported day.',
  mentions: [{ entity: 'zamir-kabulov', article: 'c/1', start: 0, end: 13, count: 1 }],
};

beforeEach(async () => {
  fakeBrowser.reset();
  indexedDB.deleteDatabase('reperes');
  indexedDB.deleteDatabase('reperes-derived');
  const db = await openStore();
  await addCollection(db, meta, [article]);
  db.close();
  await bumpDatasetRevision();
});
afterEach(() => {
  vi.doUnmock('../../store/db');
});

describe('the gateway', () => {
  it('answers a page’s words with the aliases they may complete, and nothing else', async () => {
    const { gateway } = await wokenGateway();
    const got = await gateway.pageAliases(wordsOf('Zamir Kabulov spoke in Kabul.'), wordsOf('Zamir Kabulov spoke in Kabul.').length);
    const entities = new Set(got.map((e) => e.entity));
    expect(entities).toContain('zamir-kabulov');
    expect(entities).toContain('kabul');
    expect(entities).not.toContain('islamabad');
  });

  it('writes its derived indexes when the data changes, once per version', async () => {
    const { gateway } = await wokenGateway();
    await gateway.refresh();
    const key = await gateway.datasetKey();
    await vi.waitFor(async () => {
      const db = await openDerived();
      const stored = await readSlices(db, key, ['zamir-kabulov']);
      db.close();
      expect(stored?.get('zamir-kabulov')?.articleIds).toContain('c/1');
    });
    await bumpDatasetRevision();
    const db = await openDerived();
    expect(await readSlices(db, key, ['zamir-kabulov'])).not.toBeNull();
    expect(await readSlices(db, await gateway.datasetKey(), ['zamir-kabulov'])).toBeNull();
    db.close();
  });

  it('once woken, answers a page and a card from what it stored, without building the dataset; the card is the full build’s', async () => {
    const warm = await storedGateway();
    const full = await warm.gateway.card('zamir-kabulov', 'en', noMap);

    const { gateway, built } = await wokenGateway();
    const words = wordsOf('Zamir Kabulov spoke in Kabul.');
    expect((await gateway.pageAliases(words, words.length)).map((e) => e.entity)).toContain('zamir-kabulov');
    const card = await gateway.card('zamir-kabulov', 'en', noMap);
    expect(built).not.toHaveBeenCalled();
    expect(card).toEqual(full);
    // The imported article's text was read for its snippet.
    expect(card?.articles.find((a) => a.id === 'c/1')?.snippet.after).toContain('imported day');
  });

  it('once woken, answers the popup from what it stored, without building the dataset; the view is the full build’s', async () => {
    const warm = await storedGateway();
    const request = { counts: { 'zamir-kabulov': 2, kabul: 1, nobody: 1 }, title: 'An imported report on Kabul', lang: 'en' as const, hidden: ['islamabad'] };
    const full = (await warm.gateway.dataset()).view.view(request);

    const { gateway, built } = await wokenGateway();
    const view = await gateway.popupView(request);
    expect(built).not.toHaveBeenCalled();
    expect(view).toStrictEqual(full);
    expect(view.related.find((a) => a.id === 'c/1')?.collectionName).toBe('Newsroom archive');
    // After a change of the data, what is stored is of another version: the popup waits for the build.
    await bumpDatasetRevision();
    expect(await gateway.popupView(request)).toStrictEqual(full);
    expect(built).toHaveBeenCalled();
  });

  it('gives the reader page an article with its text, as the full dataset has it, without building it, and leaves the index as it was', async () => {
    const { gateway, built } = await wokenGateway();
    const found = await gateway.article('c/1');
    const bundled = await gateway.article('2021-09-11-islamabad-chefs-renseignement');
    expect(built).not.toHaveBeenCalled();
    expect(found?.article.body).toBe(article.body);
    expect(found?.collectionName).toBe('Newsroom archive');
    const { index } = await gateway.dataset();
    expect(found?.article).toStrictEqual({ ...index.article.get('c/1'), body: article.body });
    expect(bundled).toStrictEqual({ article: index.article.get('2021-09-11-islamabad-chefs-renseignement') });
    expect(index.article.get('c/1')?.body).toBe('');
    expect(await gateway.article('nowhere')).toBeNull();
  });

  it('gives the reader page nothing of a collection switched off, as the dataset has none of it', async () => {
    const db = await openStore();
    await setCollectionEnabled(db, 'c', false);
    db.close();
    const { gateway } = await wokenGateway();
    expect(await gateway.article('c/1')).toBeNull();
    expect((await gateway.dataset()).index.article.has('c/1')).toBe(false);
  });
});
