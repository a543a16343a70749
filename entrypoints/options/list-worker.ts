// A list of names read off the options page's main thread: a list of
// 100,000 names is parsed and compared with the names in use while the page
// stays responsive, and Cancel ends the worker at once.
import { ownersOf } from '../../core/entity-lists/pack';
import { previewList, type ListPreview } from '../../core/entity-lists/preview';
import type { SpotterEntry } from '../../core/model';

export interface ListJob {
  text: string;
  file: string;
  /** Every alias in use, to find the names the list shares with known entities. */
  entries: SpotterEntry[];
}

export type ListReport = { type: 'done'; preview: ListPreview } | { type: 'failed'; message: string };

addEventListener('message', (event: MessageEvent<ListJob>) => {
  const { text, file, entries } = event.data;
  try {
    postMessage({ type: 'done', preview: previewList(text, file, ownersOf(entries)) } satisfies ListReport);
  } catch (e) {
    postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies ListReport);
  }
});
