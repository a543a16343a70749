// Popup glue: reads the active tab's entities from its content script, the
// settings from storage, asks the background (which holds the dataset, with
// the reader's imported collections) what to show, and renders the Popup.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { addCounts } from '../../core/frames';
import { langOf } from '../../core/i18n';
import type { Lang } from '../../core/model';
import { searching, type ArticleItem, type PopupViewData, type SearchFilters } from '../../core/popup-view';
import { DEFAULT_SETTINGS, withCategory, withHidden, withSite, type Settings } from '../../core/settings';
import type { UnknownName } from '../../core/messages';
import { toBackground, toTab } from '../../utils/messaging';
import { settingsItem } from '../../utils/settings';
import { DEFAULT_SITE_ACCESS, runsOn, siteOf, sitePatterns, withAllowedSite, type SiteAccess } from '../../core/site-access';
import { siteAccessItem } from '../../utils/site-access';
import './popup.css';

const lang: Lang = langOf(browser.i18n.getUILanguage());
/** The tab the popup describes: `?tab=ID` (tests, demo) or the active tab. */
async function targetTab(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * After Repères starts on the tab's site (ADR 6), how often and how many times
 * the popup asks the page again: the background injects the content script,
 * which answers once it has read the page.
 */
const ASK_AGAIN_MS = 250;
const ASK_AGAIN_TIMES = 40;

/** The top frame's counts, and those of the page's frames, which report to the background. */
async function withFrames(tabId: number, counts: Record<string, number>): Promise<Record<string, number>> {
  return addCounts(counts, await toBackground({ type: 'frames:counts', tabId }).catch(() => ({})));
}

/** A page's text read for the names Repères does not know: a long page's first part shows the names it is about. */
const MAX_DISCOVERY_CHARS = 100_000;

function App() {
  const [counts, setCounts] = useState<Record<string, number> | null | undefined>(undefined);
  const [host, setHost] = useState<string | null>(null);
  const [active, setActive] = useState(true);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [query, setQuery] = useState('');
  const [title, setTitle] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [view, setView] = useState<PopupViewData>({ pageEntities: [], related: [], hidden: [] });
  const [results, setResults] = useState<ArticleItem[]>([]);
  // "Only on sites I allow" (ADR 6): where Repères runs, and the tab's site (null: not a web page).
  const [access, setAccess] = useState<SiteAccess>(DEFAULT_SITE_ACCESS);
  const [site, setSite] = useState<string | null>(null);
  const [unknownNames, setUnknownNames] = useState<UnknownName[] | undefined>(undefined);

  /** Asks the tab's page what it shows; whether it answered. */
  const refresh = async (): Promise<boolean> => {
    const tabId = await targetTab();
    if (tabId === undefined) return (setCounts(null), false);
    try {
      const summary = await toTab(tabId, { type: 'page:summary' });
      setCounts(await withFrames(tabId, summary.counts));
      setHost(summary.host);
      setActive(summary.active);
      setTitle(summary.title);
      // The names it does not know: the page's text goes to the background (within the extension), never further.
      // The tagger loads here, with the first popup that asks, not in the background at every start.
      void Promise.all([toTab(tabId, { type: 'page:text' }), import('../../core/discover')])
        .then(([page, { findNames, pageLanguage }]) => {
          const text = page.text.slice(0, MAX_DISCOVERY_CHARS);
          return toBackground({ type: 'names:unknown', text, found: findNames(text, pageLanguage(page.lang, text)) });
        })
        .then(setUnknownNames, () => setUnknownNames([]));
      return true;
    } catch {
      setCounts(null);
      return false;
    }
  };

  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    const unwatch = settingsItem.watch((s) => setSettings(s));
    void refresh();
    return unwatch;
  }, []);

  useEffect(() => {
    void siteAccessItem.getValue().then(setAccess);
    const unwatch = siteAccessItem.watch((a) => setAccess(a));
    // The host access every web page is granted (ADR 6) shows the tab's address.
    void targetTab()
      .then(async (tabId) => (tabId === undefined ? null : siteOf((await browser.tabs.get(tabId)).url ?? '')))
      .then(setSite, () => setSite(null));
    return unwatch;
  }, []);

  // Repères runs on the tab's site: once started, the page answers, so ask it again until then.
  // It stopped running there: the page shows nothing, and says nothing.
  const runsHere = site !== null && runsOn(access, site);
  useEffect(() => {
    if (site === null) return;
    if (!runsHere) return void setCounts(null);
    if (counts !== null) return;
    let times = 0;
    const timer = setInterval(() => void refresh().then((answered) => (answered || ++times >= ASK_AGAIN_TIMES) && clearInterval(timer)), ASK_AGAIN_MS);
    return () => clearInterval(timer);
  }, [site, runsHere]);

  // The counts follow the switches: refresh them when settings change.
  useEffect(() => {
    if (counts === undefined) return;
    void targetTab().then(async (tabId) => {
      if (tabId === undefined) return;
      try {
        const summary = await toTab(tabId, { type: 'page:summary' });
        setCounts(await withFrames(tabId, summary.counts));
        setActive(summary.active);
      } catch {
        /* the tab went away; keep what is shown */
      }
    });
  }, [settings]);

  // What to show comes from the background, which holds the dataset.
  useEffect(() => {
    if (counts === undefined) return;
    void toBackground({ type: 'popup:view', counts: counts ?? {}, title, lang, hidden: settings.hiddenEntities })
      .then(setView)
      .catch(() => undefined);
  }, [counts, title, settings.hiddenEntities]);
  // The search index is made when the reader is about to search, not for every opening of the popup: a
  // background that has just woken answers the popup from what it stored, and builds the full dataset only for search.
  const searchAsked = useRef(false);
  const prepareSearch = () => {
    if (searchAsked.current) return;
    searchAsked.current = true;
    void toBackground({ type: 'search:prepare' }).catch(() => undefined);
  };
  // Answers can come back out of order while the reader types: only the latest request's is shown.
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    // Without a query or a filter the popup shows no results: nothing to ask.
    if (!searching(query, filters)) return setResults([]);
    void toBackground({ type: 'articles:search', query, filters, lang })
      .then((found) => request === latest.current && setResults(found))
      .catch(() => undefined);
  }, [query, filters]);

  return (
    <Popup
      lang={lang}
      pageEntities={counts === null ? null : view.pageEntities}
      related={view.related}
      query={query}
      results={results}
      settings={settings}
      host={host}
      active={active}
      onQuery={setQuery}
      onSearchFocus={prepareSearch}
      onToggle={(type, on) => void settingsItem.setValue(withCategory(settings, type, on))}
      onFirstOnly={(on) => void settingsItem.setValue({ ...settings, mentions: on ? 'first' : 'every' })}
      onSiteOff={(off) => host && void settingsItem.setValue(withSite(settings, host, off))}
      onPause={(paused) => void settingsItem.setValue({ ...settings, paused })}
      filters={filters}
      onFilters={setFilters}
      hidden={view.hidden}
      onUnhide={(id) => void settingsItem.setValue(withHidden(settings, id, false))}
      onReveal={(entity) =>
        void targetTab().then(async (tabId) => {
          if (tabId === undefined) return;
          const top = await toTab(tabId, { type: 'page:reveal', entity }).catch(() => null);
          // A name only a frame of the page holds is revealed there.
          if (!top?.shown) await toBackground({ type: 'frames:reveal', tabId, entity }).catch(() => undefined);
        })
      }
      siteAccess={access.mode === 'allowed' && site !== null ? { host: site, allowed: runsHere } : null}
      onSiteAccess={(allow) => {
        if (site === null) return;
        const origins = sitePatterns(site);
        // Asked within the click: the browsers grant host access only on a
        // reader's gesture. Every web page's access is granted at install (ADR 6),
        // so this asks nothing unless the reader restricted the add-on's site
        // access in Chrome; then Chrome asks. Firefox's MV2 build refuses to
        // request what its manifest already requires: what counts is whether it is held.
        const granted = allow
          ? browser.permissions
              .request({ origins })
              .catch(() => false)
              .then((ok) => ok || browser.permissions.contains({ origins }))
          : Promise.resolve(true);
        void granted.then(async (ok) => ok && siteAccessItem.setValue(withAllowedSite(await siteAccessItem.getValue(), site, allow))).catch(() => undefined);
      }}
      onManage={() => {
        void browser.runtime.openOptionsPage();
        window.close();
      }}
      unknownNames={unknownNames}
      // The options page opens on the reader's entities with the form filled in.
      onAddName={(n) => {
        const url = browser.runtime.getURL(`/options.html?${new URLSearchParams({ add: n.text, type: n.type }).toString()}#entities-heading`);
        void browser.tabs.create({ url }).finally(() => window.close());
      }}
      // The background opens the reader, as it does for the hover card's links.
      onOpen={(article) => void toBackground({ type: 'reader:open', article }).finally(() => window.close())}
    />
  );
}

render(<App />, document.getElementById('app')!);
