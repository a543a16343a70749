// The hover card: renders an entity card. Pure: everything arrives as props,
// and every dataset string is rendered as text by Preact, never as HTML.

import type { EntityCard } from '../core/cards';
import { formatDate, formatMonth, formatPopulation, strings, typeLabel } from '../core/i18n';
import type { Lang } from '../core/model';

export interface HoverCardProps {
  card: EntityCard;
  lang: Lang;
  onClose: () => void;
  /** "Don't highlight this": the reader can undo it from the popup. */
  onHide?: () => void;
  /** "Not this one": a wrong match on this page. */
  onReject?: () => void;
  /** Opens a bundled article in the reader page. */
  onOpenArticle?: (id: string) => void;
  /** Shows another entity's card ("Often appears with"). */
  onEntity?: (id: string) => void;
}

/** Mentions per month as a bar sparkline; the numbers are in the bars' titles for screen readers. */
/** The sparkline's widest, in px: the card is about 320 px wide. */
const SPARK_MAX_WIDTH = 240;

function Sparkline({ timeline, label }: { timeline: EntityCard['timeline']; label: string }) {
  const max = Math.max(1, ...timeline.map((t) => t.count));
  // 14 px a month, narrower when imported articles stretch the period: never wider than the card.
  const step = Math.min(14, SPARK_MAX_WIDTH / Math.max(1, timeline.length));
  const w = step > 4 ? step - 2 : step;
  const h = 24;
  return (
    <svg class="card__spark" width={Math.ceil(timeline.length * step)} height={h} role="img" aria-label={label}>
      {timeline.map((t, i) => {
        const bh = t.count === 0 ? 1 : Math.max(3, Math.round((t.count / max) * h));
        return (
          <rect key={t.month} x={i * step} y={h - bh} width={w} height={bh} class={t.count ? 'bar' : 'bar bar--empty'}>
            <title>{`${t.month}: ${t.count}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

export function HoverCard({ card, lang, onClose, onHide, onReject, onOpenArticle, onEntity }: HoverCardProps) {
  const t = strings(lang);
  const titleId = `reperes-card-title-${card.id}`;
  return (
    <section class={`card card--${card.type}`} role="dialog" aria-labelledby={titleId} lang={lang} tabIndex={-1}>
      <div class="card__head">
        <span class="card__type">{typeLabel(lang, card.type)}</span>
        <button type="button" class="card__close" aria-label={t.close} title={t.close} onClick={onClose}>
          ×
        </button>
      </div>
      <h2 class="card__name" id={titleId}>
        {card.name}
      </h2>
      {card.role || card.country ? <p class="card__role">{[card.role, card.country].filter(Boolean).join(' · ')}</p> : null}
      {card.population || card.asOf ? (
        <p class="card__facts">
          {[card.population ? t.inhabitants(formatPopulation(lang, card.population)) : '', card.asOf ? t.asOf(formatMonth(lang, card.asOf.slice(0, 7))) : '']
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : null}
      {card.namesakes ? (
        <div class="card__namesakes">
          <p class="card__namesakes-label">{t.didYouMean}</p>
          <ul class="card__chips">
            {card.namesakes.others.map((o) => (
              <li key={o.id}>
                {onEntity ? (
                  <button type="button" class={`chip chip--${o.type}`} data-entity={o.id} onClick={() => onEntity(o.id)}>
                    {o.hint ? `${o.name} (${o.hint})` : o.name}
                  </button>
                ) : (
                  <span class={`chip chip--${o.type}`}>{o.hint ? `${o.name} (${o.hint})` : o.name}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="card__about">
        <p class="card__desc">{card.description}</p>
        {card.map ? (
          <svg
            class="card__map"
            width={card.map.width}
            height={card.map.height}
            viewBox={`0 0 ${card.map.width} ${card.map.height}`}
            role="img"
            aria-label={t.mapOf(card.name)}
          >
            <path d={card.map.land} class="card__land" />
            <circle cx={card.map.x} cy={card.map.y} r={4} class="card__point" />
          </svg>
        ) : null}
      </div>
      {card.match ? <p class="card__how">{t.matched(card.match)}</p> : null}
      {onHide || onReject ? (
        <p class="card__actions">
          {onReject ? (
            <button type="button" class="card__action card__action--reject" onClick={onReject}>
              {t.notThisOne}
            </button>
          ) : null}{' '}
          {onHide ? (
            <button type="button" class="card__action card__action--hide" onClick={onHide}>
              {t.dontHighlight}
            </button>
          ) : null}
        </p>
      ) : null}
      <div class="card__countline">
        <p class="card__count">{card.articleCount > 0 ? t.articles(card.articleCount) : t.noArticles}</p>
        {card.articleCount > 0 ? (
          <Sparkline
            timeline={card.timeline}
            label={t.timeline(formatMonth(lang, card.timeline[0]?.month ?? ''), formatMonth(lang, card.timeline.at(-1)?.month ?? ''))}
          />
        ) : null}
      </div>
      {card.articles.length > 0 ? (
        <ol class="card__articles">
          {card.articles.map((a) => (
            <li key={a.id} class="card__article" data-article={a.id}>
              <p class="card__article-title" lang={a.lang}>
                {onOpenArticle ? (
                  <button type="button" class="card__link" onClick={() => onOpenArticle(a.id)}>
                    {a.title}
                  </button>
                ) : (
                  a.title
                )}
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
        <div class="card__related">
          <p class="card__related-label">{t.appearsWith}</p>
          <ul class="card__chips">
            {card.related.map((r) => (
              <li key={r.id}>
                {onEntity ? (
                  <button type="button" class={`chip chip--${r.type}`} data-entity={r.id} onClick={() => onEntity(r.id)}>
                    {r.name}
                  </button>
                ) : (
                  <span class={`chip chip--${r.type}`}>{r.name}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
