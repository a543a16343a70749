// The toolbar popup: the page's entities, related coverage, search and the
// category switches. Pure: state arrives as props, changes leave as callbacks.

import { formatDate, strings, typeLabel } from '../core/i18n';
import { popupStrings } from '../core/i18n-popup';
import type { UnknownName } from '../core/messages';
import type { EntityType, Lang } from '../core/model';
import { searching, type ArticleItem, type EntityChip, type PageEntityItem, type SearchFilters } from '../core/popup-view';
import type { Settings } from '../core/settings';

export type { ArticleItem, EntityChip, PageEntityItem, SearchFilters } from '../core/popup-view';

export interface PopupProps {
  lang: Lang;
  /** null: the tab cannot be read (browser page, or no content script). */
  pageEntities: PageEntityItem[] | null;
  related: ArticleItem[];
  query: string;
  results: ArticleItem[];
  settings: Settings;
  /** The tab's host name, when its content script answered. */
  host: string | null;
  /** Whether Repères works on the tab (not paused, not off for the site). */
  active?: boolean;
  onQuery: (q: string) => void;
  /** The search box has the focus: the reader is about to search. */
  onSearchFocus?: () => void;
  onToggle: (type: EntityType, on: boolean) => void;
  onFirstOnly: (on: boolean) => void;
  onSiteOff: (off: boolean) => void;
  onPause: (paused: boolean) => void;
  /** Opens an article in the reader page. */
  onOpen: (articleId: string) => void;
  filters: SearchFilters;
  onFilters: (f: SearchFilters) => void;
  /** Shows the next mention of an entity on the page, with its card. */
  onReveal: (entityId: string) => void;
  /** Entities the reader chose not to highlight, with their names. */
  hidden: EntityChip[];
  onUnhide: (entityId: string) => void;
  /** Opens the options page: imported collections and the reader's entities. */
  onManage: () => void;
  /** Proper names on the page no entity answers to (undefined while they are looked for). */
  unknownNames?: UnknownName[];
  /** Adds one as the reader's entity (the options page opens with the form filled in). */
  onAddName?: (name: UnknownName) => void;
  /** "Only on sites I allow" is on and the tab is a web page: its site, and whether it is allowed (ADR 6). */
  siteAccess?: { host: string; allowed: boolean } | null;
  /** Allows the tab's site, or stops allowing it. */
  onSiteAccess?: (allow: boolean) => void;
}

const TYPES: EntityType[] = ['person', 'organization', 'place'];

export function Popup(props: PopupProps) {
  const { lang, pageEntities, related, query, results, settings } = props;
  const t = { ...strings(lang), ...popupStrings(lang) };
  const plural: Record<EntityType, string> = { person: t.people, organization: t.organizations, place: t.places };
  return (
    <main class="popup" lang={lang}>
      <header class="popup__head">
        <h1>Repères</h1>
      </header>

      <section class="popup__related" aria-labelledby="related">
        <h2 id="related">{t.related}</h2>
        <ArticleList
          id="related-articles"
          items={related}
          lang={lang}
          empty={t.noRelated}
          sharedLabel={t.shares}
          onOpen={props.onOpen}
          onChip={(c) => props.onFilters({ ...props.filters, entity: c })}
        />
      </section>
      <section class="popup__page" aria-labelledby="on-page">
        <h2 id="on-page">{t.onThisPage}</h2>
        {props.siteAccess ? (
          <p class="site-access">
            {props.siteAccess.allowed ? null : <span class="muted">{t.notAllowed(props.siteAccess.host)} </span>}
            <button type="button" id="site-access" onClick={() => props.onSiteAccess?.(!props.siteAccess?.allowed)}>
              {props.siteAccess.allowed ? t.stopAllowing(props.siteAccess.host) : t.allowHere}
            </button>
          </p>
        ) : null}
        {props.siteAccess?.allowed === false ? null : pageEntities === null ? (
          <p class="muted">{t.unavailable}</p>
        ) : props.active === false ? (
          <p class="muted">{t.inactive}</p>
        ) : pageEntities.length === 0 ? (
          <p class="muted">{t.nothingOnPage}</p>
        ) : (
          <ul class="entities" id="page-entities">
            {pageEntities.map((e) => (
              <li key={e.id} class={`entity entity--${e.type}`} data-entity={e.id}>
                <button type="button" class="entity__reveal" onClick={() => props.onReveal(e.id)}>
                  <span class="entity__name">{e.name}</span>
                  <span class="visually-hidden">, {typeLabel(lang, e.type)}</span>
                  {/* Heard as "Kabul, Place, 3 mentions"; seen as the name and a number. */}
                  <span class="entity__count" aria-hidden="true">
                    {e.count}
                  </span>
                  <span class="visually-hidden">, {t.mentions(e.count)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {props.unknownNames && props.unknownNames.length > 0 ? (
        <section class="popup__unknown" aria-labelledby="unknown-names">
          <h2 id="unknown-names">{t.unknownNames}</h2>
          <ul class="unknown-names" id="unknown-names-list">
            {props.unknownNames.map((n) => (
              <li key={`${n.text}|${n.type}`} class="unknown-name" data-name={n.text}>
                <span class={`chip chip--${n.type}`}>{n.text}</span> <span class="muted">{t.guessed(typeLabel(lang, n.type), n.count)}</span>{' '}
                <button type="button" name="add-name" onClick={() => props.onAddName?.(n)} aria-label={t.addName(n.text)}>
                  {t.add}
                </button>{' '}
                <button type="button" name="search-name" onClick={() => props.onQuery(n.text)} aria-label={t.searchName(n.text)}>
                  {t.find}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section class="popup__search">
        <label class="visually-hidden" for="reperes-search">
          {t.search}
        </label>
        <input
          id="reperes-search"
          type="search"
          placeholder={t.searchPlaceholder}
          value={query}
          onInput={(e) => props.onQuery((e.currentTarget as HTMLInputElement).value)}
          onFocus={props.onSearchFocus}
        />
        <div class="filters">
          {props.filters.entity ? (
            <span class={`chip chip--${props.filters.entity.type} filter-entity`}>
              {t.about(props.filters.entity.name)}{' '}
              <button type="button" class="chip__clear" aria-label={t.clearFilter} onClick={() => props.onFilters({ ...props.filters, entity: undefined })}>
                ×
              </button>
            </span>
          ) : null}
          <select
            name="lang"
            aria-label={t.allLanguages}
            value={props.filters.lang ?? ''}
            onChange={(e) => props.onFilters({ ...props.filters, lang: ((e.currentTarget as HTMLSelectElement).value || undefined) as Lang | undefined })}
          >
            <option value="">{t.allLanguages}</option>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
          <DateFilter label={t.from} bound="from" filters={props.filters} onFilters={props.onFilters} />
          <DateFilter label={t.to} bound="to" filters={props.filters} onFilters={props.onFilters} />
        </div>
        {searching(query, props.filters) ? (
          <ArticleList
            id="search-results"
            items={results}
            lang={lang}
            empty={t.noResults}
            onOpen={props.onOpen}
            onChip={(c) => props.onFilters({ ...props.filters, entity: c })}
          />
        ) : null}
      </section>

      <section class="popup__settings" aria-label={t.settings}>
        <fieldset class="switches">
          <legend>{t.highlight}</legend>
          {TYPES.map((type) => (
            <Switch key={type} kind={type} name={type} label={plural[type]} checked={settings.categories[type]} onChange={(on) => props.onToggle(type, on)} />
          ))}
        </fieldset>
        <fieldset class="switches switches--reading">
          <legend>{t.reading}</legend>
          <Switch name="first-only" label={t.firstOnly} checked={settings.mentions === 'first'} onChange={props.onFirstOnly} />
          {props.host ? (
            <Switch name="site-off" label={t.offOn(props.host)} checked={settings.offSites.includes(props.host)} onChange={props.onSiteOff} />
          ) : null}
          <Switch name="pause" label={t.pause} checked={settings.paused} onChange={props.onPause} />
        </fieldset>
      </section>

      {props.hidden.length > 0 ? (
        <section class="popup__hidden" aria-labelledby="hidden-list">
          <h2 id="hidden-list">{t.hiddenList}</h2>
          <ul class="hidden-entities">
            {props.hidden.map((e) => (
              <li key={e.id} data-entity={e.id}>
                <span class={`chip chip--${e.type}`}>{e.name}</span>{' '}
                <button type="button" class="undo" onClick={() => props.onUnhide(e.id)}>
                  {t.undo}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <footer class="popup__foot">
        <button type="button" class="link" id="manage" onClick={props.onManage}>
          {t.manage}
        </button>
      </footer>
    </main>
  );
}

function ArticleList(props: {
  id: string;
  items: ArticleItem[];
  lang: Lang;
  empty: string;
  sharedLabel?: string;
  onOpen: (id: string) => void;
  onChip?: (chip: EntityChip) => void;
}) {
  if (props.items.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ol class="articles" id={props.id}>
      {props.items.map((a) => (
        <li key={a.id} class="article" data-article={a.id}>
          <p class="article__title" lang={a.lang}>
            <button type="button" class="article__open" onClick={() => props.onOpen(a.id)}>
              {a.title}
            </button>
          </p>
          {a.reason ? <p class="article__reason">{a.reason}</p> : null}
          <p class="article__meta">
            <time dateTime={a.date}>{formatDate(props.lang, a.date)}</time> · {a.lang.toUpperCase()} · {a.source}
            {a.collectionName ? <span class="article__collection"> · {a.collectionName}</span> : null}
          </p>
          {a.shared && a.shared.length > 0 ? (
            <p class="article__shared">
              <span class="muted">{props.sharedLabel}: </span>
              {a.shared.map((s) => (
                <button type="button" key={s.id} class={`chip chip--${s.type}`} data-entity={s.id} onClick={() => props.onChip?.(s)}>
                  {s.name}
                </button>
              ))}
            </p>
          ) : (
            <p class="article__summary" lang={a.lang}>
              {a.summary}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** One end of the date range: empty means no bound. */
function DateFilter(props: { label: string; bound: 'from' | 'to'; filters: SearchFilters; onFilters: (f: SearchFilters) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="date"
        name={props.bound}
        value={props.filters[props.bound] ?? ''}
        onChange={(e) => props.onFilters({ ...props.filters, [props.bound]: (e.currentTarget as HTMLInputElement).value || undefined })}
      />
    </label>
  );
}

/** One of the popup's switches: a labelled checkbox, coloured by category when it is one. */
function Switch(props: { name: string; label: string; checked: boolean; onChange: (on: boolean) => void; kind?: EntityType }) {
  return (
    <label class={props.kind ? `switch switch--${props.kind}` : 'switch'}>
      <input type="checkbox" name={props.name} checked={props.checked} onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span>{props.label}</span>
    </label>
  );
}
