// The options page's "Backup and restore" section: export everything in one
// file; choose a file to restore, see what it would change (or every problem
// that stops it), then apply it or cancel. Pure: state arrives as props,
// changes leave as callbacks; every name from a file is rendered as text.

import type { RestoreSummary } from '../core/backup';
import { optionsStrings } from '../core/i18n-options';
import { fieldText, placeText, problemText } from '../core/import/messages';
import type { Problem } from '../core/import/types';
import type { Lang } from '../core/model';

export type BackupState =
  | { phase: 'idle' }
  | { phase: 'working'; what: 'export' | 'read' }
  | { phase: 'exported'; file: string }
  /** A file read: its problems, and what restoring it would change (none when errors stop it). */
  | { phase: 'preview'; file: string; problems: Problem[]; summary: RestoreSummary | null; again?: boolean }
  | { phase: 'restoring'; done: number; total: number }
  /** Restored; `failed` names the storage items that could not be written after the database. */
  | { phase: 'restored'; failed: ('settings' | 'rejections' | 'revision')[]; detail: string }
  | { phase: 'failed'; message: string };

export interface BackupProps {
  lang: Lang;
  state: BackupState;
  onExport: () => void;
  onFile: (file: File) => void;
  onApply: () => void;
  onCancel: () => void;
}

/** Problems listed in full; the reader's file names the rest. */
const PROBLEMS_SHOWN = 200;

export function Backup(props: BackupProps) {
  const all = optionsStrings(props.lang);
  const t = all.backup;
  const { state } = props;
  const busy = state.phase === 'working' || state.phase === 'restoring';
  return (
    <section class="backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t.heading}</h2>
      <p class="muted">{t.intro}</p>
      <p class="actions">
        <button type="button" name="backup-export" disabled={busy} onClick={props.onExport}>
          {t.exportAll}
        </button>
      </p>
      <label class="field">
        <span>{t.choose}</span>
        <input
          type="file"
          name="backup-file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (!file) return;
            props.onFile(file);
            input.value = '';
          }}
        />
      </label>
      <div class="backup__status" role="status" aria-live="polite">
        {state.phase === 'working' ? (
          <p class="message">{state.what === 'export' ? t.exporting : t.reading}</p>
        ) : state.phase === 'restoring' ? (
          <div class="progress">
            <progress max={Math.max(state.total, 1)} value={state.done} />
            <span>{t.restoring(state.done, state.total)}</span>
          </div>
        ) : state.phase === 'exported' ? (
          <p class="message message--ok">{t.exported(state.file)}</p>
        ) : state.phase === 'restored' ? (
          state.failed.length ? (
            <p class="message message--error backup__storage-failed">{t.storageFailed(state.failed, state.detail)}</p>
          ) : (
            <p class="message message--ok backup__restored">{t.restored}</p>
          )
        ) : state.phase === 'failed' ? (
          <p class="message message--error">{state.message}</p>
        ) : null}
      </div>
      {state.phase === 'preview' ? <Preview {...props} preview={state} /> : null}
    </section>
  );
}

function Preview(props: BackupProps & { preview: Extract<BackupState, { phase: 'preview' }> }) {
  const all = optionsStrings(props.lang);
  const t = all.backup;
  const { summary, problems } = props.preview;
  const sorted = [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const colon = props.lang === 'fr' ? ' : ' : ': ';
  return (
    <section class="preview backup-preview" aria-labelledby="backup-preview-heading">
      <h3 id="backup-preview-heading">
        {t.previewHeading} <span class="muted">{props.preview.file}</span>
      </h3>
      {props.preview.again ? <p class="message backup-preview__again">{t.changedSincePreview}</p> : null}
      {summary ? (
        summary.nothing ? (
          <p class="message message--ok backup-preview__nothing">{t.nothing}</p>
        ) : (
          <ul class="preview__facts backup-preview__facts">
            <li class="backup-preview__settings" data-change={String(summary.settings)}>
              {t.settings(summary.settings)}
            </li>
            <li class="backup-preview__rejections" data-change={String(summary.rejections)}>
              {t.rejections(summary.rejections)}
            </li>
            <li class="backup-preview__entities">{t.entities(summary.entities)}</li>
            <li class="backup-preview__packs">{t.packs(summary.packs)}</li>
            <li class="backup-preview__collections">{t.collections(summary.collections)}</li>
          </ul>
        )
      ) : null}
      {sorted.length ? (
        <>
          <h4>{all.problems(errors, sorted.length - errors)}</h4>
          <ul class="problems">
            {sorted.slice(0, PROBLEMS_SHOWN).map((p, i) => (
              <li key={i} class={`problem problem--${p.severity}`}>
                <strong>{p.severity === 'error' ? all.error : all.warning}</strong> {placeText(p, props.lang)}
                {p.field ? ` (${fieldText(p.field, props.lang)})` : ''}
                {colon}
                {problemText(p, props.lang)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!summary ? <p class="message message--error backup-preview__blocked">{t.blocked}</p> : null}
      <p class="actions">
        {summary && !summary.nothing ? (
          <>
            <button type="button" name="backup-apply" class="primary" onClick={props.onApply}>
              {t.apply}
            </button>{' '}
          </>
        ) : null}
        <button type="button" name="backup-cancel" onClick={props.onCancel}>
          {summary && !summary.nothing ? all.cancel : t.close}
        </button>
      </p>
    </section>
  );
}
