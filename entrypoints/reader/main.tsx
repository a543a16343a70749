// Reader page glue: reader.html?id=ARTICLE shows an article (bundled or
// imported) from the background, then runs the same page controller as the
// content script over it, so its names are highlighted and open the same
// cards. Content scripts do not run on extension pages, so this page wires
// the controller's ports itself, to the same background messages.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Reader } from '../../components/Reader';
import { langOf } from '../../core/i18n';
import { pageKey, withHidden, withRejection } from '../../core/settings';
import { PageController } from '../../page/controller';
import { datasetRevisionItem } from '../../utils/dataset-revision';
import { toBackground } from '../../utils/messaging';
import { rejectionsItem, settingsItem } from '../../utils/settings';
import './reader.css';

const lang = langOf(browser.i18n.getUILanguage());
// The page's language is the interface's (index.html says en until this runs).
document.documentElement.lang = lang;

async function main(): Promise<void> {
  const id = new URLSearchParams(location.search).get('id') ?? '';
  const found = await toBackground({ type: 'article:get', id }).catch(() => null);
  if (found) document.title = `${found.article.title} — Repères`;
  render(<Reader lang={lang} article={found?.article ?? null} collectionName={found?.collectionName} />, document.getElementById('app')!);

  const controller = new PageController(
    document,
    {
      aliases: (words, fresh) => toBackground({ type: 'spotter:aliases', words, fresh }),
      card: (entity, l, match) => toBackground({ type: 'card:get', entity, lang: l, ...(match ? { match } : {}) }),
      watchDataset: (cb) => datasetRevisionItem.watch(() => cb()),
      report: () => undefined,
      settings: () => settingsItem.getValue(),
      watchSettings: (cb) => settingsItem.watch((s) => cb(s)),
      hide: (entity) => void settingsItem.getValue().then((s) => settingsItem.setValue(withHidden(s, entity, true))),
      reject: (entity) => void rejectionsItem.getValue().then((all) => rejectionsItem.setValue(withRejection(all, location.href, entity))),
      rejected: async () => (await rejectionsItem.getValue())[pageKey(location.href)] ?? [],
      watchRejected: (cb) => rejectionsItem.watch((all) => cb(all[pageKey(location.href)] ?? [])),
      openArticle: (article) => location.assign(`/reader.html?id=${encodeURIComponent(article)}`),
    },
    lang,
    new AbortController().signal,
  );
  await controller.start();
}

void main();
