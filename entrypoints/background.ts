// The background: owns the dataset (bundled, plus the reader's imported
// collections and entities: utils/gateway.ts) and answers the content
// script, the popup and the reader page from it; sets the toolbar badge.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import landTopology from 'world-atlas/land-110m.json';
import type { Topology } from 'topojson-specification';
import { buildCard, MAX_CARD_ARTICLES } from '../core/cards';
import { FrameCounts } from '../core/frames';
import { locatorMap } from '../core/map';
import { handleBackground, toTab } from '../utils/messaging';
import { frameCountsItem } from '../utils/frame-counts';
import { settingsItem } from '../utils/settings';
import { dataset, withBodies } from '../utils/gateway';

export default defineBackground(() => {
  // MV3 has `action`; Firefox's MV2 build has `browserAction` with the same badge calls.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  // The toolbar icon says when Repères is paused: grey. Both sets are made
  // from assets/icon.svg at build time (wxt.config.ts).
  const showPaused = (paused: boolean) => {
    const icon = (size: number) => (paused ? `/icons/paused-${size}.png` : `/icons/${size}.png`);
    void action.setIcon({ path: { 16: icon(16), 32: icon(32) } }).catch(() => undefined);
    void action.setTitle({ title: browser.i18n.getMessage(paused ? 'titlePaused' : 'titleActive') });
  };
  void settingsItem.getValue().then((s) => showPaused(s.paused));
  settingsItem.watch((s) => showPaused(s.paused));

  // Each frame of a tab reports its own mentions; the badge counts them all.
  // Kept in session storage too: the service worker stops when idle, the tabs do not.
  const frames = new FrameCounts();
  const restored = frameCountsItem.getValue().then(
    (saved) => frames.restore(saved),
    () => undefined,
  );
  const save = () => void frameCountsItem.setValue(frames.toJSON()).catch(() => undefined);
  browser.tabs.onRemoved.addListener((tabId) => void restored.then(() => (frames.clearTab(tabId), save())));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void restored.then(() => (frames.clearTab(tabId), save()));
  });

  // Keyboard shortcuts (manifest commands) move through the active tab's mentions.
  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'next-mention' && command !== 'previous-mention') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) void toTab(tab.id, { type: 'page:step', direction: command === 'next-mention' ? 1 : -1 }).catch(() => undefined);
    });
  });

  handleBackground({
    'spotter:entries': async () => (await dataset()).entries,
    // The land outline is static data the package ships; its JSON type is only structural.
    'card:get': async ({ entity, lang, match }) => {
      const { index } = await dataset();
      // The card quotes the sentence around the name: the texts of the articles it lists.
      await withBodies(index, (index.articlesOf.get(entity) ?? []).slice(0, MAX_CARD_ARTICLES));
      return buildCard(index, entity, lang, MAX_CARD_ARTICLES, (coords) => locatorMap(landTopology as unknown as Topology, coords), match);
    },
    'popup:view': async ({ type: _, ...request }) => {
      const { view } = await dataset();
      // After this answer has gone: the popup shows at once, and search is ready by the first keystroke.
      setTimeout(() => view.prepareSearch(), 0);
      return view.view(request);
    },
    'articles:search': async ({ type: _, ...request }) => (await dataset()).view.find(request),
    'article:get': async ({ id }) => {
      const { index, collectionNames } = await dataset();
      await withBodies(index, [id]);
      const article = index.article.get(id);
      if (!article) return null;
      const name = article.collection ? collectionNames.get(article.collection) : undefined;
      return { article, ...(name ? { collectionName: name } : {}) };
    },
    'entities:list': async ({ lang }) => (await dataset()).index.dataset.entities.map((e) => ({ id: e.id, name: e.name[lang] || e.name.en, type: e.type })),
    'reader:open': async ({ article }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/reader.html?id=${encodeURIComponent(article)}`) });
      return { ok: true } as const;
    },
    'frames:counts': async ({ tabId }) => (await restored, frames.merged(tabId, 0)),
    'frames:reveal': async ({ tabId, entity }) => {
      await restored;
      for (const frameId of frames.framesWith(tabId, entity)) {
        const answer = await toTab(tabId, { type: 'page:reveal', entity }, frameId).catch(() => null);
        if (answer?.shown) return { shown: true };
      }
      return { shown: false };
    },
    'page:report': async ({ counts }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        await restored;
        frames.set(tabId, sender.frameId ?? 0, counts);
        save();
        const distinct = Object.keys(frames.merged(tabId)).length;
        await action.setBadgeBackgroundColor({ tabId, color: '#3b4cca' });
        await action.setBadgeText({ tabId, text: distinct > 0 ? String(distinct) : '' });
      }
      return { ok: true } as const;
    },
  });
});
