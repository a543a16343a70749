// The reader's data for the wake bench (wake.ts), as files a reader would
// pick in the options page: an archive of articles as CSV, a list of names
// as CSV, and a news page that mentions some of those names. The archive
// and the list share names with the page, so that the card of a name on the
// page lists imported articles. Deterministic: the same files on every run.
import type { Dataset } from '../../core/model';
import { articlePage, syntheticAliases } from './pages';

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Every this many imported articles, one names one of the page's imported names. */
const MENTION_EVERY = 10;

export interface WakeData {
  /** The archive, one article per row (title, date, lang, source, url, text). */
  articlesCsv: string;
  /** The list of names (name, type, aliases, description). */
  namesCsv: string;
  /** A news page that names `pageNames` and bundled places. */
  pageHtml: string;
  /** Names of the list that the page and some imported articles mention; the first is a person. */
  pageNames: [string, string, string];
  /** Marks the title of every imported article, to tell them in a card from the bundled ones. */
  titleMark: string;
}

export function wakeData(dataset: Dataset, articles: number, names: number): WakeData {
  const list = syntheticAliases(names);
  const [a, b, c] = list;
  if (!a || !b || !c) throw new Error(`the list needs at least three names, not ${names}`);
  // The list's types go person, organization, place in turn: these are one of each.
  const pageNames: [string, string, string] = [a, b, c];
  const titleMark = '(archive ';

  // The same shape as the import bench's archive (imports.ts): the bundled articles again and again, each with its own title and address.
  const rows = ['title,date,lang,source,url,text'];
  for (let i = 0; i < articles; i++) {
    const src = dataset.articles[i % dataset.articles.length]!;
    const named = pageNames[Math.floor(i / MENTION_EVERY) % pageNames.length];
    const body = i % MENTION_EVERY === 0 && named ? `${src.body}\n\n${named} spoke to reporters about the talks.` : src.body;
    rows.push([quote(`${src.title} ${titleMark}${i})`), src.date, src.lang, quote(src.source), `https://archive.example/${i}`, quote(body)].join(','));
  }

  // The same shape as the list bench's (lists.ts): one alias each, unique, and a description.
  const types = ['person', 'organization', 'place'] as const;
  const namesCsv = [
    'name,type,aliases,description',
    ...list.map((n, i) => `${n},${types[i % types.length]},${n.split(' ')[1]} ${i},Entry ${i} of the wake bench list`),
  ].join('\n');

  // Near the top of the article: in the viewport, where the pointer can reach it without scrolling.
  const lead = `<p>${a}, speaking for ${b} in ${c}, said the evacuation from Kabul would go on.</p>`;
  const pageHtml = articlePage(dataset.articles).replace('</h1>', `</h1>${lead}`);
  if (!pageHtml.includes(lead)) throw new Error('the bench page has no headline to put the names under');
  return { articlesCsv: rows.join('\n'), namesCsv, pageHtml, pageNames, titleMark };
}
