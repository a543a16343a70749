// Options page glue: reads files, prepares the import (parse, find names,
// preview) in a worker with progress and cancel, stores collections and entities in
// IndexedDB, and bumps the dataset revision so the background and every
// open tab pick the change up at once.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Options, type ImportState } from '../../components/Options';
import { langOf } from '../../core/i18n';
import { optionsStrings } from '../../core/i18n-options';
import { detectFormat } from '../../core/import/detect';
import { readFile, type ParserLoader } from '../../core/import/read';
import type { Parsed } from '../../core/import/types';
import { ImportCancelled, toImportedArticles, tooBig, type ImportFile, type Preview } from '../../core/import/pipeline';
import { toCollectionJson } from '../../core/import/collection-format';
import type { Entity, EntityType, SpotterEntry } from '../../core/model';
import { checkEntity, type EntityError } from '../../core/user-entities';
import {
  addCollection,
  collectionArticles,
  deleteCollection,
  deleteEntity,
  listCollections,
  listEntities,
  openStore,
  putEntity,
  replaceEntity,
  renameCollection,
  setCollectionEnabled,
  StoreError,
  type CollectionMeta,
} from '../../store/db';
import { bumpDatasetRevision } from '../../utils/dataset-revision';
import type { ImportJob, ImportReport, Suggestion } from './import-worker';
import { toBackground } from '../../utils/messaging';
import { settingsItem } from '../../utils/settings';
import { withMode } from '../../core/site-access';
import { siteAccessItem } from '../../utils/site-access';
import { DEFAULT_APPEARANCE, type Appearance } from '../../core/appearance';
import { withAppearance } from '../../core/settings';
import '../popup/popup.css';
import './options.css';
import { useEntityLists } from './lists';
import { useBackup } from './backup';

const lang = langOf(browser.i18n.getUILanguage());
// The page's language is the interface's (index.html says en until this runs).
document.documentElement.lang = lang;
const t = optionsStrings(lang);
document.title = t.title;
const store = openStore();
const parseHtml = (text: string) => new DOMParser().parseFromString(text, 'text/html');
/** This page parses saved web pages only (the worker has no DOM); every other format is the worker's. */
const htmlOnly: ParserLoader = (format) => (format === 'html' ? import('../../core/import/html').then((m) => m.parseHtmlText) : Promise.resolve(null));
const randomId = () => crypto.randomUUID().slice(0, 8);
/** options.html?add=NAME&type=TYPE: a name the popup found on a page, to add as the reader's entity. */
const params = new URLSearchParams(location.search);
const addType = params.get('type');
const prefill: { name: string; type: EntityType } | undefined = params.get('add')
  ? { name: params.get('add')!.slice(0, 120), type: addType === 'organization' || addType === 'place' ? addType : 'person' }
  : undefined;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function App() {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const [collections, setCollections] = useState<CollectionMeta[]>([]);
  const [entities, setEntities] = useState<Entity[]>([]);
  const [entries, setEntries] = useState<SpotterEntry[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [entityErrors, setEntityErrors] = useState<EntityError[]>([]);
  const [appearance, setAppearance] = useState<Appearance>(DEFAULT_APPEARANCE);
  useEffect(() => {
    void settingsItem.getValue().then((s) => setAppearance(s.appearance));
    return settingsItem.watch((s) => setAppearance(s.appearance));
  }, []);
  // Where Repères runs (ADR 6): the background follows the mode with the content script's registration.
  const [onlyAllowed, setOnlyAllowed] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void siteAccessItem.getValue().then((a) => setOnlyAllowed(a.mode === 'allowed'));
    return siteAccessItem.watch((a) => setOnlyAllowed(a.mode === 'allowed'));
  }, []);
  const lists = useEntityLists({ store, lang, entries, nameOf: (id) => names.get(id) ?? id, makeId: randomId, download, onChanged: () => refresh() });
  const backup = useBackup({ store, lang, download, onChanged: () => refresh() });
  const cancel = useRef<AbortController | null>(null);
  const pending = useRef<{ preview: Preview; files: string[]; suggestions: Suggestion[] } | null>(null);

  const refresh = async () => {
    const db = await store;
    const [c, e, list, chips] = await Promise.all([
      listCollections(db),
      listEntities(db),
      toBackground({ type: 'spotter:entries' }),
      toBackground({ type: 'entities:list', lang }),
    ]);
    setCollections(c);
    setEntities(e);
    setEntries(list);
    setNames(new Map(chips.map((x) => [x.id, x.name])));
  };
  useEffect(() => void refresh(), []);

  /** After a write: the background and every tab rebuild, then this page reads the new state. */
  const changed = async () => {
    await bumpDatasetRevision();
    await refresh();
  };

  const fail = (e: unknown) => {
    if (e instanceof ImportCancelled || (e instanceof StoreError && e.kind === 'cancelled')) return setState({ phase: 'cancelled' });
    const detail = (x: unknown) => (x instanceof Error ? x.message : String(x));
    setState({ phase: 'failed', message: e instanceof StoreError ? t.storeError(e.kind, detail(e.cause ?? e)) : detail(e) });
  };

  const worker = useRef<Worker | null>(null);
  const stopWorker = () => {
    worker.current?.terminate();
    worker.current = null;
  };

  const onFiles = async (files: File[], name: string) => {
    stopWorker();
    setState({ phase: 'preparing', step: 'reading', done: 0, total: files.length });
    try {
      const read: ImportFile[] = [];
      const parsed: Record<number, Parsed> = {};
      for (const [i, f] of files.entries()) {
        // A file over the limit is refused from its size: it is not read at all.
        const bytes = tooBig(f) ? new Uint8Array(0) : new Uint8Array(await f.arrayBuffer());
        read.push({ name: f.name, bytes, size: f.size });
        // Saved web pages need the DOM parser, which only this page has.
        if (bytes.length && detectFormat(f.name, new TextDecoder().decode(bytes.subarray(0, 2048))) === 'html')
          parsed[i] = await readFile(f.name, bytes, htmlOnly, { parseHtml });
      }
      const job: ImportJob = { files: read, parsed, entries: entries.length ? entries : await toBackground({ type: 'spotter:entries' }) };
      const w = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      w.addEventListener('message', (e: MessageEvent<ImportReport>) => {
        const report = e.data;
        if (report.type === 'progress') return setState({ phase: 'preparing', step: report.phase, done: report.done, total: report.total });
        stopWorker();
        if (report.type === 'failed') return setState({ phase: 'failed', message: report.message });
        pending.current = { preview: report.preview, files: report.preview.files, suggestions: report.suggestions };
        setState({ phase: 'preview', preview: report.preview, name });
      });
      w.addEventListener('error', (e) => {
        stopWorker();
        setState({ phase: 'failed', message: e.message || 'The import stopped unexpectedly; nothing was stored.' });
      });
      w.postMessage(job);
    } catch (e) {
      fail(e);
    }
  };

  const onConfirm = async (name: string) => {
    const ready = pending.current;
    if (!ready) return;
    const controller = new AbortController();
    cancel.current = controller;
    const id = randomId();
    const articles = toImportedArticles(ready.preview, id);
    const { preview } = ready;
    setState({ phase: 'storing', done: 0, total: articles.length, name });
    try {
      const meta: CollectionMeta = {
        id,
        name,
        enabled: true,
        created: new Date().toISOString(),
        count: articles.length,
        from: preview.from ?? '',
        to: preview.to ?? '',
        langs: Object.keys(preview.langs) as CollectionMeta['langs'],
        files: ready.files,
      };
      await addCollection(await store, meta, articles, {
        signal: controller.signal,
        onProgress: (done, total) => setState({ phase: 'storing', done, total, name }),
      });
      pending.current = null;
      setState({ phase: 'done', count: articles.length, name, suggestions: ready.suggestions });
      await changed();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Options
      {...lists}
      {...(prefill ? { prefill } : {})}
      backup={backup}
      lang={lang}
      appearance={appearance}
      // Every tab watches the settings: a colour changes there as it is picked.
      onAppearance={(change) =>
        void settingsItem
          .getValue()
          .then((s) => settingsItem.setValue(change ? withAppearance(s, change) : { ...s, appearance: DEFAULT_APPEARANCE }))
          .catch(fail)
      }
      onlyAllowed={onlyAllowed}
      onOnlyAllowed={(on) =>
        void siteAccessItem
          .getValue()
          .then((a) => siteAccessItem.setValue(withMode(a, on ? 'allowed' : 'everywhere')))
          .catch(fail)
      }
      state={state}
      collections={collections}
      entities={entities}
      nameOf={(id) => names.get(id) ?? id}
      entityErrors={entityErrors}
      onFiles={(files, name) => void onFiles(files, name)}
      onCancel={() => {
        // Preparing runs in the worker: ending it is the cancel. Storing checks the signal between batches.
        if (worker.current) {
          stopWorker();
          setState({ phase: 'cancelled' });
        }
        cancel.current?.abort();
      }}
      onConfirm={(name) => void onConfirm(name)}
      onDiscard={() => {
        pending.current = null;
        setState({ phase: 'idle' });
      }}
      onEnable={(id, on) => void store.then((db) => setCollectionEnabled(db, id, on)).then(changed, fail)}
      onRename={(id, name) => void store.then((db) => renameCollection(db, id, name)).then(changed, fail)}
      onDelete={(id) => void store.then((db) => deleteCollection(db, id)).then(changed, fail)}
      onExport={(id) =>
        void store.then(async (db) => {
          const meta = collections.find((c) => c.id === id);
          const articles = (await collectionArticles(db, id)).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
          const json = toCollectionJson(
            meta?.name ?? id,
            // The export writes an article's own fields; its id in this browser stays out of the file.
            articles.map(({ id: _id, ...a }) => a),
          );
          download(`${(meta?.name ?? id).replace(/[^\p{L}\p{N}_-]+/gu, '-')}.reperes.json`, json);
        }, fail)
      }
      onAddEntity={(input, id) => {
        // An edited entity's own names are not taken from it; it gets a new id (see replaceEntity).
        const known = id ? entries.filter((e) => e.entity !== id) : entries;
        const check = checkEntity(
          input,
          known,
          (owner) => names.get(owner) ?? owner,
          () => `user:${randomId()}`,
        );
        if (!check.ok) return setEntityErrors(check.errors);
        setEntityErrors([]);
        void store.then((db) => (id ? replaceEntity(db, id, check.entity) : putEntity(db, check.entity))).then(changed, fail);
      }}
      onDeleteEntity={(id) => void store.then((db) => deleteEntity(db, id)).then(changed, fail)}
    />
  );
}

render(<App />, document.getElementById('app')!);
