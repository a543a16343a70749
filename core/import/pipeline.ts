// From files to a collection ready to store: parse every file, find each
// article's entities with the page spotter, and sum it up for the preview
// (how many articles, their dates, languages and entities, every problem).
// Long imports report progress and can be cancelled; nothing is stored here,
// so a cancel at any point leaves nothing behind.

import { articleMentions } from '../compile';
import type { ImportedArticle, StoredMention } from '../merge';
import { toStoredMentions } from '../merge';
import type { Lang } from '../model';
import type { SpotterIndex } from '../spotter';
import { MAX_ARTICLES, MAX_FILE_BYTES, type DraftArticle, type Parsed, type Problem } from './types';
import { placeText, said, tooBigMessage } from './messages';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  /** The file's size, when its bytes were not read because it is too big. */
  size?: number;
}

/** A file too big to import, said before reading it. */
export function tooBig(file: { name: string; size: number }): Problem | null {
  if (file.size <= MAX_FILE_BYTES) return null;
  return { file: file.name, severity: 'error', ...tooBigMessage(file.name, file.size) };
}

export interface Preview {
  articles: DraftArticle[];
  /** For each article, its entities (first mention and count), in the same order. */
  mentions: StoredMention[][];
  problems: Problem[];
  /** No error: the collection can be stored. */
  ok: boolean;
  count: number;
  /** Oldest and newest dates, YYYY-MM-DD, when there are articles. */
  from?: string;
  to?: string;
  langs: Partial<Record<Lang, number>>;
  /** Entities found, with the number of articles mentioning each, most first. */
  entities: { id: string; articles: number }[];
  files: string[];
}

export type Phase = 'reading' | 'scanning';

export interface PrepareOptions {
  signal?: AbortSignal;
  onProgress?: (phase: Phase, done: number, total: number) => void;
  /** Milliseconds of work between two yields to the event loop (so a Cancel click gets through). */
  slice?: number;
  now?: () => number;
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was stored.');
    this.name = 'ImportCancelled';
  }
}

const pause = () => new Promise<void>((ok) => setTimeout(ok, 0));

export async function prepareImport(
  files: readonly ImportFile[],
  parse: (file: ImportFile) => Parsed | Promise<Parsed>,
  spotter: SpotterIndex,
  opts: PrepareOptions = {},
): Promise<Preview> {
  const now = opts.now ?? (() => performance.now());
  const slice = opts.slice ?? 12;
  const check = () => {
    if (opts.signal?.aborted) throw new ImportCancelled();
  };
  const articles: DraftArticle[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, DraftArticle>();
  let over = false;
  for (const [i, file] of files.entries()) {
    check();
    opts.onProgress?.('reading', i, files.length);
    await pause();
    const big = tooBig({ name: file.name, size: file.size ?? file.bytes.length });
    const parsed: Parsed = big ? { format: null, articles: [], problems: [big] } : await parse(file);
    problems.push(...parsed.problems);
    for (const a of parsed.articles) {
      const key = a.url ?? `${a.title.toLowerCase()}|${a.date}`;
      const earlier = seen.get(key);
      if (earlier) {
        if (earlier.origin.file !== a.origin.file)
          problems.push({
            ...a.origin,
            severity: 'warning',
            ...said('repeatsAcross', { where: placeText(earlier.origin, 'en'), whereFr: placeText(earlier.origin, 'fr') }),
          });
        continue;
      }
      if (articles.length >= MAX_ARTICLES) {
        if (!over) problems.push({ ...a.origin, severity: 'error', ...said('tooManyInImport', { max: MAX_ARTICLES }) });
        over = true;
        break;
      }
      seen.set(key, a);
      articles.push(a);
    }
  }
  opts.onProgress?.('reading', files.length, files.length);

  const mentions: StoredMention[][] = [];
  let started = now();
  for (const [i, a] of articles.entries()) {
    if (now() - started > slice) {
      opts.onProgress?.('scanning', i, articles.length);
      await pause();
      check();
      started = now();
    }
    mentions.push(toStoredMentions(articleMentions(spotter, { id: String(i), body: a.body })));
  }
  opts.onProgress?.('scanning', articles.length, articles.length);
  check();

  const perEntity = new Map<string, number>();
  for (const list of mentions) for (const m of list) perEntity.set(m.entity, (perEntity.get(m.entity) ?? 0) + 1);
  const dates = articles.map((a) => a.date).sort();
  const langs: Partial<Record<Lang, number>> = {};
  for (const a of articles) langs[a.lang] = (langs[a.lang] ?? 0) + 1;
  if (articles.length === 0 && !problems.some((p) => p.severity === 'error'))
    problems.push({ file: files[0]?.name ?? '', severity: 'error', ...said('noArticleInImport') });
  return {
    articles,
    mentions,
    problems: problems.sort((a, b) => rank(a) - rank(b)),
    ok: articles.length > 0 && !problems.some((p) => p.severity === 'error'),
    count: articles.length,
    ...(dates.length ? { from: dates[0], to: dates[dates.length - 1] } : {}),
    langs,
    entities: [...perEntity].map(([id, n]) => ({ id, articles: n })).sort((a, b) => b.articles - a.articles || a.id.localeCompare(b.id)),
    files: files.map((f) => f.name),
  };
}

/** Errors first; the order within each kind stays the files'. */
const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1);

/**
 * The stored form of a previewed collection. Ids are the collection's id and
 * the article's place in it: stable, unique, and meaningless outside.
 */
export function toImportedArticles(preview: Preview, collection: string): ImportedArticle[] {
  return preview.articles.map((a, i) => {
    const id = `${collection}/${i + 1}`;
    return {
      id,
      collection,
      title: a.title,
      date: a.date,
      lang: a.lang,
      source: a.source,
      summary: a.summary,
      body: a.body,
      ...(a.url ? { url: a.url } : {}),
      mentions: (preview.mentions[i] ?? []).map((m) => ({ ...m, article: id })),
    };
  });
}
