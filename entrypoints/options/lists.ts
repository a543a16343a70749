// The options page's lists of names: read a file, preview it, store it as an
// entity pack in one transaction, and manage the packs. The dataset revision
// then tells the background and every tab.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ListState, OptionsProps } from '../../components/Options';
import { optionsStrings } from '../../core/i18n-options';
import { ownersOf, planPack, type PackMeta } from '../../core/entity-lists/pack';
import type { ListPreview } from '../../core/entity-lists/preview';
import type { ListJob, ListReport } from './list-worker';
import { decodeBytes } from '../../core/import/decode';
import { problemText, tooBigMessage } from '../../core/import/messages';
import { MAX_FILE_BYTES } from '../../core/import/types';
import type { Lang, SpotterEntry } from '../../core/model';
import { addPack, deletePack, getPack, listPacks, renamePack, setPackEnabled, StoreError, type Store } from '../../store/db';
import { bumpDatasetRevision, datasetRevisionItem } from '../../utils/dataset-revision';

type ListProps = Pick<
  OptionsProps,
  'packs' | 'listState' | 'onListFile' | 'onListConfirm' | 'onListDiscard' | 'onPackEnable' | 'onPackRename' | 'onPackExport' | 'onPackDelete'
>;

/** Names of a list shown in its preview, and known names listed with their owners. */
const SAMPLE = 12;

/** A pack's entities as a list file again: the same fields an import reads (core/entity-lists/parse.ts). */
function exportJson(meta: PackMeta, entities: { name: { en: string }; type: string; aliases: { text: string }[]; description: { en: string } }[]): string {
  const list = entities.map((e) => ({
    name: e.name.en,
    type: e.type,
    aliases: e.aliases.map((a) => a.text).filter((a) => a !== e.name.en),
    description: e.description.en,
  }));
  return `${JSON.stringify({ format: 'reperes-entities', version: 1, name: meta.name, entities: list }, null, 2)}\n`;
}

export function useEntityLists(opts: {
  store: Promise<Store>;
  lang: Lang;
  /** Every alias in use now, to find the names a list shares with known entities. */
  entries: readonly SpotterEntry[];
  nameOf: (id: string) => string;
  makeId: () => string;
  download: (name: string, text: string) => void;
  /** Reads the page's other state again (the aliases in use) after a change. */
  onChanged: () => Promise<void>;
}): ListProps {
  const t = optionsStrings(opts.lang);
  const [packs, setPacks] = useState<PackMeta[]>([]);
  const [listState, setListState] = useState<ListState>({ phase: 'idle' });
  const previewed = useRef<ListPreview | null>(null);
  const worker = useRef<Worker | null>(null);
  const stopWorker = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  /** The preview, read in a worker; null when the reader cancelled. */
  const readInWorker = (job: ListJob) =>
    new Promise<ListPreview | null>((resolve, reject) => {
      stopWorker();
      const w = new Worker(new URL('./list-worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      cancelRead.current = () => (stopWorker(), resolve(null));
      w.addEventListener('message', (e: MessageEvent<ListReport>) => {
        stopWorker();
        if (e.data.type === 'done') resolve(e.data.preview);
        else reject(new Error(e.data.message));
      });
      w.addEventListener('error', (e) => (stopWorker(), reject(new Error(e.message || 'the list could not be read'))));
      w.postMessage(job);
    });
  const cancelRead = useRef<() => void>(() => undefined);
  const reload = async () => setPacks(await listPacks(await opts.store));
  // Read again whenever the dataset changes: a restore, another options tab.
  useEffect(() => {
    void reload();
    return datasetRevisionItem.watch(() => void reload());
  }, []);
  const detail = (x: unknown) => (x instanceof Error ? x.message : String(x));
  const fail = (e: unknown) => setListState({ phase: 'failed', message: e instanceof StoreError ? t.storeError(e.kind, detail(e.cause ?? e)) : detail(e) });
  /** After a write: the background and every tab rebuild, then the list of packs is read again. */
  const changed = async () => {
    await bumpDatasetRevision();
    await Promise.all([reload(), opts.onChanged()]);
  };

  return {
    packs,
    listState,
    onListFile: (file) =>
      void (async () => {
        previewed.current = null;
        if (file.size > MAX_FILE_BYTES) return setListState({ phase: 'failed', message: tooBigMessage(file.name, file.size).message });
        const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()), file.name);
        if ('severity' in decoded) return setListState({ phase: 'failed', message: problemText(decoded, opts.lang) });
        setListState({ phase: 'reading', file: file.name });
        const preview = await readInWorker({ text: decoded.text, file: file.name, entries: [...opts.entries] });
        if (!preview) return;
        previewed.current = preview;
        setListState({
          phase: 'preview',
          preview: {
            file: file.name,
            ok: preview.ok,
            counts: preview.counts,
            sample: preview.drafts.slice(0, SAMPLE).map((d) => d.name),
            problems: preview.problems,
            conflicts: preview.conflicts.map((c) => ({ text: c.text, owner: opts.nameOf(c.owner) })),
          },
        });
      })().catch(fail),
    onListConfirm: (name, defaultType, choice) =>
      void (async () => {
        const preview = previewed.current;
        if (!preview?.ok) return;
        setListState({ phase: 'storing', name });
        const id = `pack-${opts.makeId()}`;
        const plan = planPack(preview.drafts, { packId: id, defaultType, choice, owners: ownersOf(opts.entries) });
        const meta: PackMeta = { id, name, enabled: true, created: new Date().toISOString(), file: preview.file, count: plan.entities.length, choice };
        await addPack(await opts.store, meta, { id, entities: plan.entities, additions: plan.additions, removals: plan.removals });
        previewed.current = null;
        setListState({ phase: 'done', name, count: plan.entities.length });
        await changed();
      })().catch(fail),
    onListDiscard: () => {
      cancelRead.current();
      previewed.current = null;
      setListState({ phase: 'idle' });
    },
    onPackEnable: (id, on) => void opts.store.then((db) => setPackEnabled(db, id, on)).then(changed, fail),
    onPackRename: (id, name) => void opts.store.then((db) => renamePack(db, id, name)).then(reload, fail),
    onPackDelete: (id) => void opts.store.then((db) => deletePack(db, id)).then(changed, fail),
    onPackExport: (id) =>
      void opts.store
        .then(async (db) => {
          const meta = packs.find((p) => p.id === id);
          const content = await getPack(db, id);
          if (meta && content) opts.download(`${meta.name}.entities.json`, exportJson(meta, content.entities));
        })
        .catch(fail),
  };
}
