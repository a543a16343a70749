// The background: owns the dataset (bundled, plus the reader's imported
// collections and entities: utils/gateway.ts) and answers the content
// script, the popup and the reader page from it; sets the toolbar badge.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import landTopology from 'world-atlas/land-110m.json';
import type { Topology } from 'topojson-specification';
import { FrameCounts } from '../core/frames';
import { locatorMap } from '../core/map';
import { handleBackground, toTab } from '../utils/messaging';
import { frameCountsItem } from '../utils/frame-counts';
import { settingsItem } from '../utils/settings';
import { article, card, dataset, pageAliases, popupView, refresh } from '../utils/gateway';
import { datasetRevisionItem } from '../utils/dataset-revision';
import { countCandidates, withoutKnown } from '../core/discover/known';
import { addWordHashes, buildIndex, type SpotterIndex } from '../core/spotter';
import { WordSet } from '../core/word-set';

/** The names on a page Repères does not know: at most this many, the most frequent. */
const UNKNOWN_NAMES_SHOWN = 12;

/**
 * The aliases that can be found in `text`, as an index: those whose every
 * word it has (the gateway's answer to a page), which are all a known name
 * in it can be. No full build, and no index of every alias.
 */
async function knownIn(text: string): Promise<SpotterIndex> {
  const words = new WordSet();
  addWordHashes(text, words);
  const hashes = words.values();
  return buildIndex(await pageAliases(hashes, hashes.length));
}
import { CONTENT_SCRIPT, NOWHERE, sameRegistration, scriptMatches, siteOf, startsOn, WEB_PAGES, type SiteAccess } from '../core/site-access';
import { siteAccessItem } from '../utils/site-access';

// ---- Site access (ADR 6) ---------------------------------------------------
// The content script is not in the manifest: it is registered here, on every
// web page by default and only on the reader's allowed sites in "Only on sites
// I allow" (utils/site-access.ts). The registration follows the setting at
// every start (an update of the extension may have dropped it) and at every
// change. Open tabs of the sites a change covers get the script at once; the
// script leaves pages no longer covered by itself (entrypoints/content).

/** Registers, updates or removes the content script so that it runs where `access` says, and nowhere else. */
async function registerContentScript(access: SiteAccess): Promise<void> {
  const matches = scriptMatches(access);
  const wanted = { ...CONTENT_SCRIPT, js: [...CONTENT_SCRIPT.js], matches };
  const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT.id] });
  if (matches.length === 0) {
    if (current) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT.id] });
  } else if (!current) await browser.scripting.registerContentScripts([wanted]);
  else if (!sameRegistration(current, wanted)) await browser.scripting.updateContentScripts([wanted]);
}

/** Runs the content script now in the open tabs of the sites that a change of access starts it on. */
async function startInOpenTabs(before: SiteAccess, after: SiteAccess): Promise<void> {
  const tabs = await browser.tabs.query({ url: WEB_PAGES });
  await Promise.all(
    tabs.map(async (tab) => {
      const host = tab.url ? siteOf(tab.url) : null;
      if (tab.id === undefined || !host || !startsOn(before, after, host)) return;
      const target = { tabId: tab.id, allFrames: CONTENT_SCRIPT.allFrames };
      await browser.scripting.executeScript({ target, files: [...CONTENT_SCRIPT.js] }).catch(() => undefined);
    }),
  );
}

function followSiteAccess(): void {
  // One change at a time, in order: switched back and forth quickly, the registration ends as last set.
  let queue = Promise.resolve();
  const follow = (access: SiteAccess, before?: SiteAccess) => {
    queue = queue
      .then(async () => {
        await registerContentScript(access);
        if (before) await startInOpenTabs(before, access);
      })
      .catch((e: unknown) => console.warn('[Repères] could not register the content script', e));
  };
  void siteAccessItem.getValue().then(
    (access) => follow(access),
    (e: unknown) => console.warn('[Repères] could not read where to run', e),
  );
  siteAccessItem.watch((access, before) => follow(access, before));
  // A registered script starts on pages loaded after it; Firefox also ran the
  // manifest's in the tabs open at install, and so does this now.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void siteAccessItem.getValue().then((access) => follow(access, NOWHERE));
  });
}
// ---- end of site access ----------------------------------------------------

export default defineBackground(() => {
  // First: pages that load while the background starts need the content script registered.
  followSiteAccess();

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

  // The derived indexes are built when the data changes, not when a page or a card first needs them.
  datasetRevisionItem.watch(() => void refresh().catch((e: unknown) => console.warn('[Repères] could not rebuild', e)));
  browser.runtime.onInstalled.addListener(() => void refresh().catch((e: unknown) => console.warn('[Repères] could not build', e)));

  handleBackground({
    'spotter:entries': async () => (await dataset()).entries,
    'spotter:aliases': ({ words, fresh }) => pageAliases(words, fresh),
    // The land outline is static data the package ships; its JSON type is only structural.
    'card:get': ({ entity, lang, match }) => card(entity, lang, (coords) => locatorMap(landTopology as unknown as Topology, coords), match),
    // Answered from what is stored when the full dataset is not built: a woken worker builds it only when the reader searches.
    'popup:view': ({ type: _, ...request }) => popupView(request),
    'search:prepare': async () => {
      (await dataset()).view.prepareSearch();
      return { ok: true } as const;
    },
    'articles:search': async ({ type: _, ...request }) => (await dataset()).view.find(request),
    'article:get': ({ id }) => article(id),
    'names:unknown': async ({ text, found }) => countCandidates(withoutKnown(found, text, await knownIn(text))).slice(0, UNKNOWN_NAMES_SHOWN),
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
