// Popup glue: reads the active tab's entities from its content script, the
// settings from storage, and renders the Popup component.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type ArticleItem, type PageEntityItem, type SearchFilters } from '../../components/Popup';
import { langOf, strings } from '../../core/i18n';
import type { Lang } from '../../core/model';
import { articleTextIndex, rankRelated } from '../../core/related';
import { createSearch } from '../../core/search';
import { DEFAULT_SETTINGS, withCategory, withHidden, withSite, type Settings } from '../../core/settings';
import { bundledDataset } from '../../utils/dataset';
import { toTab } from '../../utils/messaging';
import { settingsItem } from '../../utils/settings';
import './popup.css';

const lang: Lang = langOf(browser.i18n.getUILanguage());
const index = bundledDataset();
const textIndex = articleTextIndex(index);
const t = strings(lang);

/** The tab the popup describes: `?tab=ID` (tests, demo) or the active tab. */
async function targetTab(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function chip(id: string) {
  const e = index.entity.get(id)!;
  return { id, name: e.name[lang], type: e.type };
}

function articleItem(id: string, shared?: string[]): ArticleItem {
  const a = index.article.get(id)!;
  const base = { id, title: a.title, date: a.date, lang: a.lang, source: a.source, summary: a.summary };
  if (!shared) return base;
  const chips = shared.map(chip);
  return { ...base, shared: chips.slice(0, 6), reason: t.reason(chips.map((c) => c.name), chips.length) };
}

/** Whether an article passes the search filters. */
function passes(id: string, f: SearchFilters): boolean {
  const a = index.article.get(id)!;
  if (f.lang && a.lang !== f.lang) return false;
  if (f.from && a.date < f.from) return false;
  if (f.to && a.date > f.to) return false;
  return !f.entity || (index.entitiesOf.get(id)?.has(f.entity.id) ?? false);
}

function App() {
  const [counts, setCounts] = useState<Record<string, number> | null | undefined>(undefined);
  const [host, setHost] = useState<string | null>(null);
  const [active, setActive] = useState(true);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [query, setQuery] = useState('');
  const [title, setTitle] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const search = useMemo(() => createSearch(index), []);

  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    const unwatch = settingsItem.watch((s) => setSettings(s));
    const refresh = async () => {
      const tabId = await targetTab();
      if (tabId === undefined) return setCounts(null);
      try {
        const summary = await toTab(tabId, { type: 'page:summary' });
        setCounts(summary.counts);
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
        setCounts(summary.counts);
        setActive(summary.active);
      } catch {
        /* the tab went away; keep what is shown */
      }
    });
  }, [settings]);

  const pageEntities: PageEntityItem[] | null = useMemo(() => {
    if (!counts) return counts === null ? null : [];
    return Object.entries(counts)
      .filter(([id]) => index.entity.has(id))
      .map(([id, count]) => ({ ...chip(id), count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }, [counts]);

  const related = useMemo(
    () =>
      counts
        ? rankRelated(index, new Map(Object.entries(counts)), 8, { index: textIndex, query: title }).map((r) => articleItem(r.id, r.shared))
        : [],
    [counts, title],
  );
  const results = useMemo(() => {
    const ids = query.trim().length >= 2 ? search.search(query, 200).map((r) => r.id) : index.dataset.articles.map((a) => a.id);
    return ids.filter((id) => passes(id, filters)).slice(0, 15).map((id) => articleItem(id));
  }, [query, search, filters]);

  return (
    <Popup
      lang={lang}
      pageEntities={counts === undefined ? [] : pageEntities}
      related={related}
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
      hidden={settings.hiddenEntities.filter((id) => index.entity.has(id)).map(chip)}
      onUnhide={(id) => void settingsItem.setValue(withHidden(settings, id, false))}
      onReveal={(entity) =>
        void targetTab().then(async (tabId) => {
          if (tabId !== undefined) await toTab(tabId, { type: 'page:reveal', entity }).catch(() => undefined);
        })
      }
      onOpen={(id) => {
        void browser.tabs.create({ url: browser.runtime.getURL(`/reader.html?id=${encodeURIComponent(id)}`) });
        window.close();
      }}
    />
  );
}

render(<App />, document.getElementById('app')!);
