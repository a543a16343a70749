// The import's heavy part, off the options page's main thread: parsing the
// files and finding the names in every article. The page stays responsive
// and Cancel ends the worker at once. Saved HTML pages need a DOM parser,
// which workers lack: the page parses those itself and sends the result.
import { parseFile } from '../../core/import/index';
import { prepareImport, type ImportFile, type Phase, type Preview } from '../../core/import/pipeline';
import type { Parsed } from '../../core/import/types';
import type { SpotterEntry } from '../../core/model';
import { buildIndex } from '../../core/spotter';

export interface ImportJob {
  files: ImportFile[];
  /** file index → what the page already parsed (HTML pages) */
  parsed: Record<number, Parsed>;
  entries: SpotterEntry[];
}

export type ImportReport =
  { type: 'progress'; phase: Phase; done: number; total: number } | { type: 'done'; preview: Preview } | { type: 'failed'; message: string };

const post = (report: ImportReport) => postMessage(report);

const noDom = (): Document => {
  throw new Error('HTML pages are parsed by the options page');
};

addEventListener('message', (event: MessageEvent<ImportJob>) => {
  const { files, parsed, entries } = event.data;
  const order = new Map(files.map((f, i) => [f, i]));
  void prepareImport(files, (f) => parsed[order.get(f)!] ?? parseFile(f.name, f.bytes, { parseHtml: noDom }), buildIndex(entries), {
    onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
    // No one waits on this thread: progress every 100 ms is enough.
    slice: 100,
  }).then(
    (preview) => post({ type: 'done', preview }),
    (e: unknown) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
  );
});
