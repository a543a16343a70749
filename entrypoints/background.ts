// The background: owns the bundled dataset and answers the content script
// (alias entries, hover cards) and sets the toolbar badge for each tab.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import landTopology from 'world-atlas/land-110m.json';
import type { Topology } from 'topojson-specification';
import { buildCard, MAX_CARD_ARTICLES } from '../core/cards';
import { locatorMap } from '../core/map';
import type { SpotterEntry } from '../core/model';
import spotterJson from '../generated/spotter.json';
import { iconFor } from '../utils/icon';
import { handleBackground, toTab } from '../utils/messaging';
import { settingsItem } from '../utils/settings';
import { bundledDataset } from '../utils/dataset';

export default defineBackground(() => {
  const index = bundledDataset();
  // MV3 has `action`; Firefox's MV2 build has `browserAction` with the same badge calls.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const entries = spotterJson as unknown as SpotterEntry[];

  // The toolbar icon says when Repères is paused.
  const showPaused = (paused: boolean) => {
    const imageData = iconFor(paused);
    if (imageData) void action.setIcon({ imageData }).catch(() => undefined);
    void action.setTitle({ title: browser.i18n.getMessage(paused ? 'titlePaused' : 'titleActive') });
  };
  void settingsItem.getValue().then((s) => showPaused(s.paused));
  settingsItem.watch((s) => showPaused(s.paused));

  // Keyboard shortcuts (manifest commands) move through the active tab's mentions.
  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'next-mention' && command !== 'previous-mention') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined)
        void toTab(tab.id, { type: 'page:step', direction: command === 'next-mention' ? 1 : -1 }).catch(() => undefined);
    });
  });

  handleBackground({
    'spotter:entries': () => entries,
    // The land outline is static data the package ships; its JSON type is only structural.
    'card:get': ({ entity, lang }) =>
      buildCard(index, entity, lang, MAX_CARD_ARTICLES, (coords) => locatorMap(landTopology as unknown as Topology, coords)),
    'reader:open': async ({ article }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/reader.html?id=${encodeURIComponent(article)}`) });
      return { ok: true } as const;
    },
    'page:report': async ({ counts }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        const distinct = Object.keys(counts).length;
        await action.setBadgeBackgroundColor({ tabId, color: '#3b4cca' });
        await action.setBadgeText({ tabId, text: distinct > 0 ? String(distinct) : '' });
      }
      return { ok: true } as const;
    },
  });
});
