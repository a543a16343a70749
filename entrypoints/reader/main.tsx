// Reader page glue: reader.html?id=ARTICLE shows a bundled article with its
// names marked, found by the same spotter as on web pages.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Reader, type ReaderMark } from '../../components/Reader';
import { spotterEntries } from '../../core/compile';
import { langOf } from '../../core/i18n';
import { PageMemory } from '../../core/resolve';
import { buildIndex, spot } from '../../core/spotter';
import { bundledDataset } from '../../utils/dataset';
import './reader.css';

const lang = langOf(browser.i18n.getUILanguage());
const index = bundledDataset();
const article = index.article.get(new URLSearchParams(location.search).get('id') ?? '') ?? null;
let marks: ReaderMark[] = [];
if (article) {
  const spotter = buildIndex(spotterEntries(index.dataset.entities, index.dataset.stopPhrases));
  marks = new PageMemory().resolve(spot(spotter, article.body)).flatMap((m) => {
    if (!m) return [];
    const e = index.entity.get(m.entity)!;
    return [{ start: m.start, end: m.end, entity: m.entity, type: m.type, name: e.name[lang] }];
  });
  document.title = `${article.title} — Repères`;
}
render(<Reader lang={lang} article={article} marks={marks} />, document.getElementById('app')!);
