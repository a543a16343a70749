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
import { toBackground, toTab } from '../../utils/messaging';
import { settingsItem } from '../../utils/settings';
import './popup.css';

const lang: Lang = langOf(browser.i18n.getUILanguage());
/** The tab the popup describes: `?tab=ID` (tests, demo) or the active tab. */
async function targetTab(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The top frame's counts, and those of the page's frames, which report to the background. */
async function withFrames(tabId: number, counts: Record<string, number>): Promise<Record<string, number>> {
  return addCounts(counts, await toBackground({ type: 'frames:counts', tabId }).catch(() => ({})));
}

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

  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    const unwatch = settingsItem.watch((s) => setSettings(s));
    const refresh = async () => {
      const tabId = await targetTab();
      if (tabId === undefined) return setCounts(null);
      try {
        const summary = await toTab(tabId, { type: 'page:summary' });
        setCounts(await withFrames(tabId, summary.counts));
        setHost(summary.host);
        setActive(summary.active);
        setTitle(summary.title);
      } catch {
        setCounts(null);
      }
    };
    void refresh();
    return unwatch;
  }, []);

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
      onManage={() => {
        void browser.runtime.openOptionsPage();
        window.close();
      }}
      // The background opens the reader, as it does for the hover card's links.
      onOpen={(article) => void toBackground({ type: 'reader:open', article }).finally(() => window.close())}
    />
  );
}

render(<App />, document.getElementById('app')!);
