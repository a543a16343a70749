// The options page: import files into a collection (with a preview and every
// problem before anything is stored), manage collections, and add entities
// of one's own. Pure: state arrives as props, changes leave as callbacks.

import { useState } from 'preact/hooks';
import { optionsStrings } from '../core/i18n-options';
import { UNDERLINE_STYLE, type Appearance } from '../core/appearance';
import { typeLabel } from '../core/i18n';
import { FORMAT_TABLE } from '../core/import/formats';
import { fieldText, placeText, problemText } from '../core/import/messages';
import type { Phase, Preview } from '../core/import/pipeline';
import type { Problem } from '../core/import/types';
import { CONFLICT_CHOICES, type ConflictChoice, type PackMeta } from '../core/entity-lists/pack';
import type { ListPreview } from '../core/entity-lists/preview';
import { ENTITY_TYPES, type Entity, type EntityType, type Lang } from '../core/model';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH, type EntityError, type EntityInput } from '../core/user-entities';
import type { CollectionMeta } from '../store/db';
import { Backup, type BackupProps } from './Backup';

/** A list of names on its way in: previewed, then stored as a pack. */
export type ListState =
  | { phase: 'idle' }
  | { phase: 'reading'; file: string }
  | { phase: 'preview'; preview: ListPreviewView }
  | { phase: 'storing'; name: string }
  | { phase: 'done'; name: string; count: number }
  | { phase: 'failed'; message: string };

/** What the preview of a list shows (core/entity-lists/preview.ts, with names for the conflicts' owners). */
export interface ListPreviewView {
  file: string;
  ok: boolean;
  counts: ListPreview['counts'];
  sample: string[];
  problems: Problem[];
  conflicts: { text: string; owner: string }[];
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'preparing'; step: Phase; done: number; total: number }
  | { phase: 'preview'; preview: Preview; name: string }
  | { phase: 'storing'; done: number; total: number; name: string }
  | { phase: 'done'; count: number; name: string; suggestions?: { text: string; type: EntityType; articles: number }[] }
  | { phase: 'failed'; message: string }
  | { phase: 'cancelled' };

export interface OptionsProps {
  lang: Lang;
  state: ImportState;
  collections: CollectionMeta[];
  entities: Entity[];
  /** Names of known entities, for the preview. */
  nameOf: (id: string) => string;
  entityErrors: Pick<EntityError, 'field' | 'code' | 'params'>[];
  onFiles: (files: File[], name: string) => void;
  onCancel: () => void;
  onConfirm: (name: string) => void;
  onDiscard: () => void;
  onEnable: (id: string, on: boolean) => void;
  onRename: (id: string, name: string) => void;
  onExport: (id: string) => void;
  onDelete: (id: string) => void;
  /** Adds an entity, or with `id` replaces the reader's entity of that id. */
  onAddEntity: (input: EntityInput, id?: string) => void;
  onDeleteEntity: (id: string) => void;
  /** Lists of names: the stored packs and the import in progress. */
  packs: PackMeta[];
  listState: ListState;
  onListFile: (file: File) => void;
  onListConfirm: (name: string, defaultType: EntityType, choice: ConflictChoice) => void;
  onListDiscard: () => void;
  onPackEnable: (id: string, on: boolean) => void;
  onPackRename: (id: string, name: string) => void;
  onPackExport: (id: string) => void;
  onPackDelete: (id: string) => void;
  /** The highlights' colours and fill; `null` brings back the defaults. */
  appearance: Appearance;
  onAppearance: (change: Partial<Appearance> | null) => void;
  /** Whether Repères runs only on the sites the reader allows (ADR 6); the section is left out without it. */
  onlyAllowed?: boolean;
  onOnlyAllowed?: (on: boolean) => void;
  /** A name to add, from the popup's "names Repères doesn't know yet": the entity form starts with it. */
  prefill?: { name: string; type: EntityType };
  /** Backup and restore (components/Backup.tsx); the section is left out without it. */
  backup?: BackupProps;
}

/** Every extension a format announces, and .txt, whose text says its format. */
const ACCEPT = [...FORMAT_TABLE.flatMap((f) => Object.keys(f.extensions)), 'txt'].map((x) => `.${x}`).join(',');
/** Problems listed in full; the rest are counted. */
const PROBLEMS_SHOWN = 200;
const ENTITIES_SHOWN = 24;

/** A collection's default name: the first file's name without its extension. */
export function defaultName(files: readonly { name: string }[]): string {
  const first = files[0]?.name.replace(/\.[^.]+$/, '') ?? '';
  return files.length > 1 ? `${first} +${files.length - 1}` : first;
}

export function Options(props: OptionsProps) {
  const t = optionsStrings(props.lang);
  return (
    <main class="options" lang={props.lang}>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <ImportSection {...props} />
      <CollectionsSection {...props} />
      <EntitiesSection {...props} />
      <ListsSection {...props} />
      <LookSection {...props} />
      {props.onlyAllowed === undefined ? null : <SitesSection {...props} />}
      {props.backup ? <Backup {...props.backup} /> : null}
      <section class="credits" aria-labelledby="credits-heading">
        <h2 id="credits-heading">{t.creditsHeading}</h2>
        <p class="muted">{t.credits}</p>
      </section>
    </main>
  );
}

function ImportSection(props: OptionsProps) {
  const t = optionsStrings(props.lang);
  const [name, setName] = useState('');
  const { state } = props;
  const busy = state.phase === 'preparing' || state.phase === 'storing';
  return (
    <section class="import" aria-labelledby="import-heading">
      <h2 id="import-heading">{t.importHeading}</h2>
      <p class="muted">{t.formatsHelp}</p>
      <label class="field">
        <span>{t.collectionName}</span>
        <input type="text" name="collection-name" value={name} maxLength={120} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span>{t.chooseFiles}</span>
        <input
          type="file"
          name="files"
          multiple
          accept={ACCEPT}
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const files = Array.from(input.files ?? []);
            if (files.length === 0) return;
            const chosen = name.trim() || defaultName(files);
            setName(chosen);
            props.onFiles(files, chosen);
            input.value = '';
          }}
        />
      </label>
      <div class="import__status" role="status" aria-live="polite">
        {state.phase === 'preparing' || state.phase === 'storing' ? (
          <div class="progress">
            <progress max={Math.max(state.total, 1)} value={state.done} />
            <span>
              {state.phase === 'storing'
                ? t.storing(state.done, state.total)
                : state.step === 'reading'
                  ? t.reading(state.done, state.total)
                  : t.scanning(state.done, state.total)}
            </span>{' '}
            <button type="button" name="cancel" onClick={props.onCancel}>
              {t.cancel}
            </button>
          </div>
        ) : state.phase === 'done' ? (
          <>
            <p class="message message--ok">{t.imported(state.count, state.name)}</p>
            {state.suggestions && state.suggestions.length > 0 ? (
              <div class="suggestions">
                <h3>{t.suggestionsHeading}</h3>
                <ul class="suggestion-list">
                  {state.suggestions.map((n) => (
                    <li key={n.text} data-name={n.text}>
                      <span class={`chip chip--${n.type}`}>{n.text}</span>{' '}
                      <span class="muted">{t.suggestionFacts(typeLabel(props.lang, n.type), n.articles)}</span>{' '}
                      <button
                        type="button"
                        name="add-suggestion"
                        aria-label={t.addSuggestion(n.text)}
                        onClick={() => props.onAddEntity({ name: n.text, type: n.type, aliases: [], description: '' })}
                      >
                        {t.add}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : state.phase === 'cancelled' ? (
          <p class="message">{t.cancelled}</p>
        ) : state.phase === 'failed' ? (
          <p class="message message--error">{state.message}</p>
        ) : null}
      </div>
      {state.phase === 'preview' ? <PreviewView {...props} preview={state.preview} name={name.trim() || state.name} /> : null}
    </section>
  );
}

function PreviewView(props: OptionsProps & { preview: Preview; name: string }) {
  const t = optionsStrings(props.lang);
  const { preview } = props;
  const errors = preview.problems.filter((p) => p.severity === 'error').length;
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">{t.previewHeading}</h3>
      <ul class="preview__facts">
        <li class="preview__count">
          {t.articleCount(preview.count)}
          {preview.from && preview.to ? `, ${t.dates(preview.from, preview.to)}` : ''}
        </li>
        <li class="preview__langs">
          {t.languages}:{' '}
          {Object.entries(preview.langs)
            .map(([l, n]) => `${l.toUpperCase()} ${n}`)
            .join(', ') || '—'}
        </li>
        <li class="preview__entities">
          {t.entitiesFound(preview.entities.length)}
          {preview.entities.length ? ': ' : ''}
          {preview.entities.slice(0, ENTITIES_SHOWN).map((e, i) => (
            <span key={e.id} data-entity={e.id}>
              {i ? ', ' : ''}
              {props.nameOf(e.id)} ({e.articles})
            </span>
          ))}
          {preview.entities.length > ENTITIES_SHOWN ? `, ${t.andMore(preview.entities.length - ENTITIES_SHOWN)}` : ''}
        </li>
      </ul>
      <ProblemList lang={props.lang} problems={preview.problems} />
      {!preview.ok && errors > 0 ? <p class="message message--error">{t.blocked}</p> : null}
      <p class="actions">
        <button type="button" name="confirm" class="primary" disabled={!preview.ok || !props.name} onClick={() => props.onConfirm(props.name)}>
          {t.importInto(preview.count, props.name)}
        </button>{' '}
        <button type="button" name="discard" onClick={props.onDiscard}>
          {t.discard}
        </button>
      </p>
    </section>
  );
}

/** Every problem of a preview with its place, errors first, in the reader's language. */
function ProblemList(props: { lang: Lang; problems: readonly Problem[] }) {
  const t = optionsStrings(props.lang);
  const errors = props.problems.filter((p) => p.severity === 'error').length;
  if (props.problems.length === 0) return null;
  return (
    <>
      <h4>{t.problems(errors, props.problems.length - errors)}</h4>
      <ul class="problems">
        {props.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
          <li key={i} class={`problem problem--${p.severity}`}>
            <strong>{p.severity === 'error' ? t.error : t.warning}</strong> {placeText(p, props.lang)}
            {p.field ? ` (${fieldText(p.field, props.lang)})` : ''}
            {props.lang === 'fr' ? ' : ' : ': '}
            {problemText(p, props.lang)}
          </li>
        ))}
        {props.problems.length > PROBLEMS_SHOWN ? <li>{t.andMore(props.problems.length - PROBLEMS_SHOWN)}</li> : null}
      </ul>
    </>
  );
}

function CollectionsSection(props: OptionsProps) {
  const t = optionsStrings(props.lang);
  return (
    <section class="collections" aria-labelledby="collections-heading">
      <h2 id="collections-heading">{t.collectionsHeading}</h2>
      {props.collections.length === 0 ? <p class="muted">{t.noCollections}</p> : null}
      <ManagedList
        lang={props.lang}
        kind="collection"
        items={props.collections.map((c) => ({
          id: c.id,
          name: c.name,
          enabled: c.enabled,
          facts: `${t.articleCount(c.count)}, ${t.dates(c.from, c.to)}, ${c.langs.map((l) => l.toUpperCase()).join(' ')}`,
        }))}
        confirmDelete={t.confirmDelete}
        onEnable={props.onEnable}
        onRename={props.onRename}
        onExport={props.onExport}
        onDelete={props.onDelete}
      />
    </section>
  );
}

/** A stored collection or entity pack: switched on or off, renamed, exported, deleted (after a confirmation). */
function ManagedList(props: {
  lang: Lang;
  kind: 'collection' | 'pack';
  items: { id: string; name: string; enabled: boolean; facts: string }[];
  confirmDelete: (name: string) => string;
  onEnable: (id: string, on: boolean) => void;
  onRename: (id: string, name: string) => void;
  onExport: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  const t = optionsStrings(props.lang);
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  return (
    <ul class={`${props.kind}-list collection-list`}>
      {props.items.map((c) => (
        <li key={c.id} class={props.kind} {...{ [`data-${props.kind}`]: c.id }}>
          {editing?.id === c.id ? (
            <form
              class="collection__rename"
              onSubmit={(e) => {
                e.preventDefault();
                if (editing.name.trim()) props.onRename(c.id, editing.name.trim());
                setEditing(null);
              }}
            >
              <input
                type="text"
                name="rename"
                aria-label={t.collectionName}
                value={editing.name}
                maxLength={120}
                onInput={(e) => setEditing({ id: c.id, name: (e.currentTarget as HTMLInputElement).value })}
              />{' '}
              <button type="submit">{t.save}</button>
            </form>
          ) : (
            <strong class="collection__name">{c.name}</strong>
          )}
          <span class="collection__facts muted"> {c.facts}</span>
          <span class="collection__actions">
            <label>
              <input type="checkbox" name="enabled" checked={c.enabled} onChange={(e) => props.onEnable(c.id, (e.currentTarget as HTMLInputElement).checked)} />{' '}
              {t.used}
            </label>
            <button type="button" name="rename" onClick={() => setEditing({ id: c.id, name: c.name })}>
              {t.rename}
            </button>
            <button type="button" name="export" onClick={() => props.onExport(c.id)}>
              {t.exportJson}
            </button>
            {deleting === c.id ? (
              <span class="confirm">
                {props.confirmDelete(c.name)}{' '}
                <button type="button" name="confirm-delete" class="danger" onClick={() => (setDeleting(null), props.onDelete(c.id))}>
                  {t.delete}
                </button>
                <button type="button" onClick={() => setDeleting(null)}>
                  {t.cancel}
                </button>
              </span>
            ) : (
              <button type="button" name="delete" onClick={() => setDeleting(c.id)}>
                {t.delete}
              </button>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function EntitiesSection(props: OptionsProps) {
  const t = optionsStrings(props.lang);
  // What is being edited, with the list it was chosen from: a saved entity
  // (added or edited) brings a new list, and the form starts afresh.
  const [chosen, setChosen] = useState<{ entity: Entity; list: Entity[] } | null>(null);
  const editing = chosen && chosen.list === props.entities ? chosen.entity : null;
  const setEditing = (entity: Entity | null) => setChosen(entity ? { entity, list: props.entities } : null);
  const listKey = props.entities.map((e) => `${e.id}:${e.name.en}:${e.aliases.length}:${e.type}`).join('|');
  return (
    <section class="own-entities" aria-labelledby="entities-heading">
      <h2 id="entities-heading">{t.entitiesHeading}</h2>
      <p class="muted">{t.entitiesIntro}</p>
      <EntityForm key={`${listKey}/${editing?.id ?? ''}`} {...props} editing={editing} onCancelEdit={() => setEditing(null)} />
      {props.entities.length === 0 ? <p class="muted">{t.noEntities}</p> : null}
      <ul class="entity-list">
        {props.entities.map((e) => (
          <li key={e.id} data-entity={e.id} class={`chip chip--${e.type}`}>
            <strong>{e.name.en}</strong> <span class="muted">{typeLabel(props.lang, e.type)}</span>
            {e.aliases.length > 1 ? (
              <span class="muted">
                {' '}
                ·{' '}
                {e.aliases
                  .slice(1)
                  .map((a) => a.text)
                  .join(', ')}
              </span>
            ) : null}
            {e.description.en ? <span> — {e.description.en}</span> : null}{' '}
            <button type="button" name="edit-entity" onClick={() => setEditing(e)}>
              {t.edit}
            </button>{' '}
            <button type="button" name="delete-entity" aria-label={`${t.delete} ${e.name.en}`} onClick={() => props.onDeleteEntity(e.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EntityForm(props: OptionsProps & { editing: Entity | null; onCancelEdit: () => void }) {
  const t = optionsStrings(props.lang);
  const { editing } = props;
  const [input, setInput] = useState<EntityInput>(
    editing
      ? { name: editing.name.en, type: editing.type, aliases: [], description: editing.description.en }
      : { name: props.prefill?.name ?? '', type: props.prefill?.type ?? 'person', aliases: [], description: '' },
  );
  // The first alias is the name itself.
  const [aliasText, setAliasText] = useState(
    editing
      ? editing.aliases
          .slice(1)
          .map((a) => a.text)
          .join('\n')
      : '',
  );
  const errorFor = (field: string) =>
    props.entityErrors
      .filter((e) => e.field === field)
      .map((e) => t.entityError(e))
      .join(' ');
  return (
    <form
      class="entity-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onAddEntity({ ...input, aliases: aliasText.split('\n') }, editing?.id);
      }}
    >
      <label class="field">
        <span>{t.name}</span>
        <input
          type="text"
          name="entity-name"
          required
          maxLength={MAX_NAME_LENGTH}
          value={input.name}
          onInput={(e) => setInput({ ...input, name: (e.currentTarget as HTMLInputElement).value })}
        />
        {errorFor('name') ? <span class="field__error">{errorFor('name')}</span> : null}
      </label>
      <label class="field">
        <span>{t.type}</span>
        <select
          name="entity-type"
          value={input.type}
          onChange={(e) => setInput({ ...input, type: (e.currentTarget as HTMLSelectElement).value as EntityType })}
        >
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(props.lang, type)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>
          {t.aliases} <span class="muted">{t.aliasesHelp}</span>
        </span>
        <textarea name="entity-aliases" rows={3} value={aliasText} onInput={(e) => setAliasText((e.currentTarget as HTMLTextAreaElement).value)} />
        {errorFor('aliases') ? <span class="field__error">{errorFor('aliases')}</span> : null}
      </label>
      <label class="field">
        <span>{t.description}</span>
        <textarea
          name="entity-description"
          rows={2}
          maxLength={MAX_DESCRIPTION_LENGTH}
          value={input.description}
          onInput={(e) => setInput({ ...input, description: (e.currentTarget as HTMLTextAreaElement).value })}
        />
        {errorFor('description') ? <span class="field__error">{errorFor('description')}</span> : null}
      </label>
      <button type="submit" class="primary">
        {editing ? t.save : t.add}
      </button>
      {editing ? (
        <>
          {' '}
          <button type="button" name="cancel-edit" onClick={props.onCancelEdit}>
            {t.cancel}
          </button>
        </>
      ) : null}
    </form>
  );
}

/** "Only on sites I allow": the content script is registered for the allowed sites alone (ADR 6). */
function SitesSection(props: OptionsProps) {
  const t = optionsStrings(props.lang);
  return (
    <section class="sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t.sitesHeading}</h2>
      <label>
        <input
          type="checkbox"
          name="only-allowed"
          aria-describedby="only-allowed-help"
          checked={props.onlyAllowed}
          onChange={(e) => props.onOnlyAllowed?.((e.currentTarget as HTMLInputElement).checked)}
        />
        {t.onlyAllowed}
      </label>
      <p class="muted" id="only-allowed-help">
        {t.onlyAllowedHelp}
      </p>
    </section>
  );
}

/** A colour per category and the fill, applied live in every tab through the settings. */
function LookSection(props: OptionsProps) {
  const t = optionsStrings(props.lang);
  const { appearance } = props;
  return (
    <section class="look" aria-labelledby="look-heading">
      <h2 id="look-heading">{t.lookHeading}</h2>
      <p class="muted">{t.lookHelp}</p>
      <div class="look__colors">
        {ENTITY_TYPES.map((type) => (
          <label key={type} class={`look__color look__color--${UNDERLINE_STYLE[type]}`}>
            <input
              type="color"
              name={`color-${type}`}
              value={appearance.colors[type]}
              aria-label={t.colorOf[type]}
              onInput={(e) => props.onAppearance({ colors: { ...appearance.colors, [type]: (e.currentTarget as HTMLInputElement).value } })}
            />
            <span style={{ textDecorationColor: appearance.colors[type] }}>{typeLabel(props.lang, type)}</span>
          </label>
        ))}
      </div>
      <label class="look__fill">
        <input
          type="checkbox"
          name="fill"
          checked={appearance.fill}
          onChange={(e) => props.onAppearance({ fill: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t.fill}
      </label>
      <button type="button" onClick={() => props.onAppearance(null)}>
        {t.resetLook}
      </button>
    </section>
  );
}

const LIST_ACCEPT = '.csv,.tsv,.tab,.txt,.json,.jsonl,.ndjson,.srj';
/** Names of a list and conflicts shown in its preview; the rest are counted. */
const LIST_SAMPLE = 12;

/** Lists of names: choose a file, preview it (types, problems, names already known, one choice for them), store it as a pack. */
function ListsSection(props: OptionsProps) {
  const t = optionsStrings(props.lang);
  const state = props.listState;
  const [name, setName] = useState('');
  const [type, setType] = useState<EntityType>('person');
  const [choice, setChoice] = useState<ConflictChoice>('keep');
  return (
    <section class="lists" aria-labelledby="lists-heading">
      <h2 id="lists-heading">{t.listsHeading}</h2>
      <p class="muted">{t.listsIntro}</p>
      <label class="field">
        <span>{t.chooseList}</span>
        <input
          type="file"
          name="list-file"
          accept={LIST_ACCEPT}
          disabled={state.phase === 'storing'}
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (!file) return;
            setName(file.name.replace(/\.[^.]+$/, ''));
            props.onListFile(file);
            (e.currentTarget as HTMLInputElement).value = '';
          }}
        />
      </label>
      {state.phase === 'preview' ? (
        <section class="list-preview" aria-labelledby="list-preview-heading">
          <h3 id="list-preview-heading">{t.previewHeading}</h3>
          <p class="list-preview__counts">{t.listCounts(state.preview.counts)}</p>
          {state.preview.sample.length ? (
            <p class="list-preview__sample muted">
              {state.preview.sample.join(', ')}
              {state.preview.counts.person + state.preview.counts.organization + state.preview.counts.place + state.preview.counts.untyped > LIST_SAMPLE
                ? '…'
                : ''}
            </p>
          ) : null}
          {state.preview.counts.untyped > 0 ? (
            <label class="field">
              <span>{t.defaultType}</span>
              <select name="list-type" value={type} onChange={(e) => setType((e.currentTarget as HTMLSelectElement).value as EntityType)}>
                {ENTITY_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {typeLabel(props.lang, x)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {state.preview.conflicts.length > 0 ? (
            <fieldset class="list-conflicts">
              <legend>
                {t.conflicts(state.preview.conflicts.length)}{' '}
                {state.preview.conflicts
                  .slice(0, LIST_SAMPLE)
                  .map((c) => `${c.text} (${c.owner})`)
                  .join(', ')}
                {state.preview.conflicts.length > LIST_SAMPLE ? '…' : ''}
              </legend>
              {CONFLICT_CHOICES.map((c) => (
                <label key={c} class="list-conflicts__choice">
                  <input type="radio" name="list-choice" value={c} checked={choice === c} onChange={() => setChoice(c)} /> {t.choice[c]}
                </label>
              ))}
            </fieldset>
          ) : null}
          <ProblemList lang={props.lang} problems={state.preview.problems} />
          {!state.preview.ok ? <p class="message message--error">{t.blocked}</p> : null}
          <label class="field">
            <span>{t.listName}</span>
            <input type="text" name="list-name" value={name} maxLength={120} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <p class="actions">
            <button
              type="button"
              name="list-confirm"
              class="primary"
              disabled={!state.preview.ok || !name.trim()}
              onClick={() => props.onListConfirm(name.trim(), type, choice)}
            >
              {t.importList(state.preview.counts.person + state.preview.counts.organization + state.preview.counts.place + state.preview.counts.untyped)}
            </button>{' '}
            <button type="button" name="list-discard" onClick={props.onListDiscard}>
              {t.discard}
            </button>
          </p>
        </section>
      ) : state.phase === 'reading' ? (
        <p class="message" role="status">
          {t.readingList(state.file)}{' '}
          <button type="button" name="list-cancel" onClick={props.onListDiscard}>
            {t.cancel}
          </button>
        </p>
      ) : state.phase === 'done' ? (
        <p class="message" role="status">
          {t.listStored(state.name, state.count)}
        </p>
      ) : state.phase === 'failed' ? (
        <p class="message message--error" role="alert">
          {state.message}
        </p>
      ) : null}
      {props.packs.length === 0 ? <p class="muted">{t.noPacks}</p> : null}
      <ManagedList
        lang={props.lang}
        kind="pack"
        items={props.packs.map((p) => ({ id: p.id, name: p.name, enabled: p.enabled, facts: t.packFacts(p.count, p.file) }))}
        confirmDelete={t.confirmDeletePack}
        onEnable={props.onPackEnable}
        onRename={props.onPackRename}
        onExport={props.onPackExport}
        onDelete={props.onPackDelete}
      />
    </section>
  );
}
