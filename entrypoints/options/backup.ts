// The options page's backup and restore: export everything the reader added
// as one file; read a backup, compare it with what this browser holds and
// preview the changes; apply them (the database in one transaction, then the
// settings), and bump the dataset revision so the background and every tab
// pick them up. The format's code is loaded when it is first needed, like
// the import's parsers: the options page opens without it.
import { useRef, useState } from 'preact/hooks';
import type { BackupProps, BackupState } from '../../components/Backup';
import type { BackupData, StoreData } from '../../core/backup';
import { optionsStrings } from '../../core/i18n-options';
import { decodeBytes, WINDOWS_1252 } from '../../core/import/decode';
import { said } from '../../core/import/messages';
import type { Problem } from '../../core/import/types';
import type { Lang } from '../../core/model';
import { StoreError, type Store } from '../../store/db';
import { bumpDatasetRevision } from '../../utils/dataset-revision';
import { rejectionsItem, settingsItem } from '../../utils/settings';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
const code = () => Promise.all([import('../../core/backup'), import('../../store/backup')]).then(([format, store]) => ({ ...format, ...store }));

export function useBackup(opts: {
  store: Promise<Store>;
  lang: Lang;
  download: (name: string, text: string) => void;
  /** Reads the page's other state again (collections, entities) after a restore. */
  onChanged: () => Promise<void>;
}): BackupProps {
  const t = optionsStrings(opts.lang);
  const [state, setState] = useState<BackupState>({ phase: 'idle' });
  /** The backup being previewed, and the preview shown for it. */
  const chosen = useRef<{ file: string; data: BackupData; summary: string } | null>(null);

  const everything = async (): Promise<StoreData> => {
    const { readAll } = await code();
    const [settings, rejections, stored] = await Promise.all([settingsItem.getValue(), rejectionsItem.getValue(), readAll(await opts.store)]);
    return { settings, rejections, ...stored };
  };
  const detail = (x: unknown) => (x instanceof Error ? x.message : String(x));
  const fail = (e: unknown) => {
    chosen.current = null;
    setState({ phase: 'failed', message: e instanceof StoreError ? t.backup.restoreFailed(e.kind, detail(e.cause ?? e)) : detail(e) });
  };
  /** A file that cannot be restored: its problems, nothing to apply. */
  const refused = (file: string, problems: Problem[]) => setState({ phase: 'preview', file, problems, summary: null });

  return {
    lang: opts.lang,
    state,
    onExport: () =>
      void (async () => {
        setState({ phase: 'working', what: 'export' });
        const { toBackup } = await code();
        const now = new Date();
        const text = toBackup(await everything(), now);
        const file = `reperes-backup-${now.toISOString().slice(0, 10)}.json`;
        opts.download(file, text);
        setState({ phase: 'exported', file });
      })().catch(fail),
    onFile: (file) =>
      void (async () => {
        chosen.current = null;
        const { MAX_BACKUP_BYTES, readBackup, planRestore, backupData, summarize } = await code();
        if (file.size > MAX_BACKUP_BYTES)
          return refused(file.name, [
            { file: file.name, severity: 'error', ...said('tooBig', { file: file.name, mb: mb(file.size), limit: mb(MAX_BACKUP_BYTES) }) },
          ]);
        setState({ phase: 'working', what: 'read' });
        const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()), file.name);
        if ('severity' in decoded) return refused(file.name, [decoded]);
        const read = readBackup(decoded.text, file.name);
        // A backup is written in UTF-8: another encoding means the file was changed since, which the reader should know.
        const problems: Problem[] = [
          ...(decoded.encoding === WINDOWS_1252 ? [{ file: file.name, severity: 'warning' as const, ...said('notUtf8') }] : []),
          ...read.problems,
        ];
        if (!read.ok) return refused(file.name, problems);
        const { format: _f, version: _v, exported: _e, ...data } = read.backup;
        const summary = summarize(planRestore(backupData(await everything()), data));
        chosen.current = { file: file.name, data, summary: JSON.stringify(summary) };
        setState({ phase: 'preview', file: file.name, problems, summary });
      })().catch(fail),
    onApply: () =>
      void (async () => {
        const ready = chosen.current;
        if (!ready) return;
        const { planRestore, backupData, summarize, applyRestore } = await code();
        // Planned again from what the browser holds now: another tab may have changed it since the preview.
        const plan = planRestore(backupData(await everything()), ready.data);
        const summary = summarize(plan);
        if (JSON.stringify(summary) !== ready.summary) {
          chosen.current = { ...ready, summary: JSON.stringify(summary) };
          return setState({ phase: 'preview', file: ready.file, problems: [], summary, again: true });
        }
        setState({ phase: 'restoring', done: 0, total: summary.collections.articles });
        const outcome = await applyRestore(
          await opts.store,
          plan,
          {
            setSettings: (s) => settingsItem.setValue(s),
            setRejections: (r) => rejectionsItem.setValue(r),
            bumpRevision: bumpDatasetRevision,
          },
          { onProgress: (done, total) => setState({ phase: 'restoring', done, total }) },
        );
        chosen.current = null;
        setState({ phase: 'restored', failed: outcome.failed, detail: outcome.detail });
        await opts.onChanged();
      })().catch(fail),
    onCancel: () => {
      chosen.current = null;
      setState({ phase: 'idle' });
    },
  };
}
