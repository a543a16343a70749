// The hover card: renders an entity card. Pure: everything arrives as props,
// and every dataset string is rendered as text by Preact, never as HTML.

import type { EntityCard } from '../core/cards';
import { formatDate, strings, typeLabel } from '../core/i18n';
import type { Lang } from '../core/model';

export interface HoverCardProps {
  card: EntityCard;
  lang: Lang;
  onClose: () => void;
  /** "Don't highlight this": the reader can undo it from the popup. */
  onHide?: () => void;
}

export function HoverCard({ card, lang, onClose, onHide }: HoverCardProps) {
  const t = strings(lang);
  const titleId = `reperes-card-title-${card.id}`;
  return (
    <section class={`card card--${card.type}`} role="dialog" aria-labelledby={titleId} lang={lang}>
      <header class="card__head">
        <span class="card__type">{typeLabel(lang, card.type)}</span>
        <button type="button" class="card__close" aria-label={t.close} title={t.close} onClick={onClose}>
          ×
        </button>
      </header>
      <h2 class="card__name" id={titleId}>
        {card.name}
      </h2>
      {card.role ? <p class="card__role">{card.role}</p> : null}
      <p class="card__desc">{card.description}</p>
      {onHide ? (
        <p class="card__actions">
          <button type="button" class="card__action" onClick={onHide}>
            {t.dontHighlight}
          </button>
        </p>
      ) : null}
      <p class="card__count">{card.articleCount > 0 ? t.articles(card.articleCount) : t.noArticles}</p>
      {card.articles.length > 0 ? (
        <ol class="card__articles">
          {card.articles.map((a) => (
            <li key={a.id} class="card__article" data-article={a.id}>
              <p class="card__article-title" lang={a.lang}>
                {a.title}
              </p>
              <p class="card__article-meta">
                <time dateTime={a.date}>{formatDate(lang, a.date)}</time> · {a.source}
              </p>
              <p class="card__snippet" lang={a.lang}>
                {a.snippet.before}
                <mark>{a.snippet.mention}</mark>
                {a.snippet.after}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {card.related.length > 0 ? (
        <footer class="card__related">
          <p class="card__related-label">{t.appearsWith}</p>
          <ul class="card__chips">
            {card.related.map((r) => (
              <li key={r.id} class={`chip chip--${r.type}`}>
                {r.name}
              </li>
            ))}
          </ul>
        </footer>
      ) : null}
    </section>
  );
}
