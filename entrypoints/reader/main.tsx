// Reader page glue: reader.html?id=ARTICLE shows a bundled article, then runs
// the same page controller as the content script over it, so its names are
// highlighted and open the same cards. Content scripts do not run on
// extension pages, so the controller's ports are served from the bundled
// dataset directly instead of through messages.
import { render } from 'preact';
import land from 'world-atlas/land-110m.json';
import type { Topology } from 'topojson-specification';
import { browser } from 'wxt/browser';
import { Reader } from '../../components/Reader';
import { buildCard, MAX_CARD_ARTICLES } from '../../core/cards';
import { spotterEntries } from '../../core/compile';
import { langOf } from '../../core/i18n';
import { locatorMap } from '../../core/map';
import { pageKey, withHidden, withRejection } from '../../core/settings';
import { PageController } from '../../page/controller';
import { bundledDataset } from '../../utils/dataset';
import { rejectionsItem, settingsItem } from '../../utils/settings';
import './reader.css';

const lang = langOf(browser.i18n.getUILanguage());
const index = bundledDataset();
const article = index.article.get(new URLSearchParams(location.search).get('id') ?? '') ?? null;
if (article) document.title = `${article.title} — Repères`;
render(<Reader lang={lang} article={article} />, document.getElementById('app')!);

const entries = spotterEntries(index.dataset.entities, index.dataset.stopPhrases);
const controller = new PageController(
  document,
  {
    entries: async () => entries,
    // The outline is static data the package ships; its JSON type is only structural.
    card: async (entity, l) => buildCard(index, entity, l, MAX_CARD_ARTICLES, (c) => locatorMap(land as unknown as Topology, c)),
    report: () => undefined,
    settings: () => settingsItem.getValue(),
    watchSettings: (cb) => settingsItem.watch((s) => cb(s)),
    hide: (entity) => void settingsItem.getValue().then((s) => settingsItem.setValue(withHidden(s, entity, true))),
    reject: (entity) => void rejectionsItem.getValue().then((all) => rejectionsItem.setValue(withRejection(all, location.href, entity))),
    rejected: async () => (await rejectionsItem.getValue())[pageKey(location.href)] ?? [],
    watchRejected: (cb) => rejectionsItem.watch((all) => cb(all[pageKey(location.href)] ?? [])),
    openArticle: (id) => location.assign(`/reader.html?id=${encodeURIComponent(id)}`),
  },
  lang,
  new AbortController().signal,
);
void controller.start();
