// The reader page's article: a bundled article has no web page of its own, so
// Repères shows it here, with its names marked by category. Pure: the
// article and its marks arrive as props; text is rendered as text.

import { formatDate, strings, typeLabel } from '../core/i18n';
import type { Article, EntityType, Lang } from '../core/model';

export interface ReaderMark {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
  name: string;
}

export interface ReaderProps {
  lang: Lang;
  article: Article | null;
  marks: ReaderMark[];
}

/** Splits a paragraph into text and marked runs. */
function runs(text: string, offset: number, marks: ReaderMark[]) {
  const out: (string | ReaderMark & { text: string })[] = [];
  let at = 0;
  for (const m of marks) {
    const s = m.start - offset;
    const e = m.end - offset;
    if (e <= 0 || s >= text.length) continue;
    if (s > at) out.push(text.slice(at, s));
    out.push({ ...m, text: text.slice(Math.max(s, 0), Math.min(e, text.length)) });
    at = Math.min(e, text.length);
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function Reader({ lang, article, marks }: ReaderProps) {
  const t = strings(lang);
  if (!article) return <main class="reader"><p class="muted">{t.noResults}</p></main>;
  let offset = 0;
  const paragraphs = article.body.split('\n').map((p) => {
    const start = offset;
    offset += p.length + 1;
    return { text: p, start };
  });
  return (
    <main class="reader" lang={article.lang}>
      <p class="reader__meta" lang={lang}>
        <time dateTime={article.date}>{formatDate(lang, article.date)}</time> · {article.lang.toUpperCase()} · {article.source}
      </p>
      <h1 class="reader__title">{article.title}</h1>
      <p class="reader__summary">{article.summary}</p>
      {paragraphs
        .filter((p) => p.text.trim())
        .map((p) => (
          <p key={p.start} class="reader__para">
            {runs(p.text, p.start, marks).map((r, i) =>
              typeof r === 'string' ? (
                r
              ) : (
                <mark key={i} class={`reader__mark reader__mark--${r.type}`} data-entity={r.entity} title={`${r.name} · ${typeLabel(lang, r.type)}`}>
                  {r.text}
                </mark>
              ),
            )}
          </p>
        ))}
    </main>
  );
}
