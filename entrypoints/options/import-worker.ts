// The import's heavy part, off the options page's main thread: parsing the
// files and finding the names in every article. The page stays responsive
// and Cancel ends the worker at once. Saved HTML pages need a DOM parser,
// which workers lack: the page parses those itself and sends the result.
import { parseFile } from '../../core/import/index';
import { prepareImport, type ImportFile, type Phase, type Preview } from '../../core/import/pipeline';
import type { Parsed } from '../../core/import/types';
import type { EntityType, SpotterEntry } from '../../core/model';
import { buildIndex } from '../../core/spotter';

export interface ImportJob {
  files: ImportFile[];
  /** file index → what the page already parsed (HTML pages) */
  parsed: Record<number, Parsed>;
  entries: SpotterEntry[];
}

/** A name the articles have that no entity answers to, and in how many articles. */
export interface Suggestion {
  text: string;
  type: EntityType;
  articles: number;
}

export type ImportReport =
  | { type: 'progress'; phase: Phase; done: number; total: number }
  | { type: 'done'; preview: Preview; suggestions: Suggestion[] }
  | { type: 'failed'; message: string };

const post = (report: ImportReport) => postMessage(report);

const noDom = (): Document => {
  throw new Error('HTML pages are parsed by the options page');
};

addEventListener('message', (event: MessageEvent<ImportJob>) => {
  const { files, parsed, entries } = event.data;
  const order = new Map(files.map((f, i) => [f, i]));
  const index = buildIndex(entries);
  void prepareImport(files, (f) => parsed[order.get(f)!] ?? parseFile(f.name, f.bytes, { parseHtml: noDom }), index, {
    onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
    // No one waits on this thread: progress every 100 ms is enough.
    slice: 100,
  })
    .then(async (preview) => {
      // The names these articles have that Repères does not know, offered once the collection is stored.
      const { collectionSuggestions } = await import('../../core/discover');
      const suggestions = collectionSuggestions(
        preview.articles.map((a) => ({ body: a.body, lang: a.lang })),
        index,
      ).map(({ text, type, articles }) => ({ text, type, articles }));
      return { preview, suggestions };
    })
    .then(
      ({ preview, suggestions }) => post({ type: 'done', preview, suggestions }),
      (e: unknown) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
});
