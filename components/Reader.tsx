// The reader page's article: a bundled or imported article may have no web
// page of its own, so Repères shows it here. Pure: the article arrives as props and is
// rendered as text; the page controller then highlights its names and opens
// the same hover cards as on any news page.

import { formatDate, strings } from '../core/i18n';
import type { Article, Lang } from '../core/model';

export interface ReaderProps {
  lang: Lang;
  article: Article | null;
  /** The imported collection it comes from. */
  collectionName?: string;
}

export function Reader({ lang, article, collectionName }: ReaderProps) {
  const t = strings(lang);
  if (!article) {
    return (
      <main class="reader">
        <p class="muted">{t.noResults}</p>
      </main>
    );
  }
  return (
    <main class="reader" lang={article.lang}>
      <p class="reader__meta" lang={lang}>
        <time dateTime={article.date}>{formatDate(lang, article.date)}</time> · {article.lang.toUpperCase()} · {article.source}
        {collectionName ? <span class="reader__collection"> · {collectionName}</span> : null}
      </p>
      <h1 class="reader__title">{article.title}</h1>
      <p class="reader__summary">{article.summary}</p>
      {article.url ? (
        <p class="reader__source" lang={lang}>
          <a href={article.url} rel="noopener noreferrer">
            {t.original}
          </a>
        </p>
      ) : null}
      {article.body
        .split('\n')
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i} class="reader__para">
            {p}
          </p>
        ))}
    </main>
  );
}
