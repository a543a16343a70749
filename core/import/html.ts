// A saved web page: the article text found by Readability, the rest from the
// page's metadata (Open Graph, schema.org, JSON-LD, <time>). The Document is
// built by the caller (DOMParser in the extension, happy-dom in tests).

import { Readability } from '@mozilla/readability';
import { Drafts } from './drafts';
import { cleanLine, plainText } from './fields';
import type { Parser } from './formats';
import type { Parsed } from './types';
import { describeError, said } from './messages';

function meta(doc: Document, ...selectors: string[]): string {
  for (const selector of selectors) {
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      const value = (el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.getAttribute('href') ?? el.textContent ?? '').trim();
      if (value) return value;
    }
  }
  return '';
}

/** The first datePublished in the page's JSON-LD blocks (searching @graph and nested objects). */
function jsonLdDate(doc: Document): string {
  const find = (v: unknown, depth: number): string => {
    if (depth > 6 || typeof v !== 'object' || v === null) return '';
    if (Array.isArray(v)) {
      for (const x of v) {
        const found = find(x, depth + 1);
        if (found) return found;
      }
      return '';
    }
    const record = v as Record<string, unknown>;
    if (typeof record['datePublished'] === 'string') return record['datePublished'];
    for (const x of Object.values(record)) {
      const found = find(x, depth + 1);
      if (found) return found;
    }
    return '';
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const found = find(JSON.parse(script.textContent ?? ''), 0);
      if (found) return found;
    } catch {
      // A broken JSON-LD block: look at the next one.
    }
  }
  return '';
}

export function parseHtmlPage(doc: Document, file: string): Parsed {
  const drafts = new Drafts(file);
  try {
    const url = meta(doc, 'link[rel~="canonical"]', 'meta[property="og:url"]');
    const page = { origin: { line: 1 }, unit: 'page', index: 1 };
    const headDate = meta(doc, 'meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', '[itemprop="datePublished"]') || jsonLdDate(doc);
    const timeDate = meta(doc, 'time[datetime]');
    const lang = doc.documentElement?.getAttribute('lang')?.trim() || meta(doc, 'meta[property="og:locale"]');
    const ogTitle = meta(doc, 'meta[property="og:title"]');
    const description = meta(doc, 'meta[property="og:description"]', 'meta[name="description"]');
    const siteName = meta(doc, 'meta[property="og:site_name"]');

    let article: ReturnType<Readability['parse']> = null;
    try {
      article = new Readability(doc.cloneNode(true) as Document).parse();
    } catch (e) {
      drafts.warn({}, said('detail', { what: 'the article text could not be extracted', detail: describeError(e) }));
    }
    const title = ogTitle || cleanLine(article?.title ?? '') || cleanLine(doc.title ?? '');
    // The page's headline often opens the extracted text: it is the title, not the article's first paragraph.
    const headlines = new Set([title, ...Array.from(doc.querySelectorAll('h1'), (h) => cleanLine(h.textContent ?? ''))].map((h) => h.toLowerCase()));
    const paragraphs = plainText(article?.content ?? '').split('\n\n');
    while (paragraphs.length > 1 && headlines.has(cleanLine(paragraphs[0]!).toLowerCase())) paragraphs.shift();
    const text = paragraphs.join('\n\n');
    if (!text) {
      drafts.error({}, said('noArticleText'), 'text');
      return drafts.result('html');
    }
    drafts.record(
      {
        title,
        date: headDate || article?.publishedTime || timeDate,
        lang,
        source: siteName || article?.siteName || '',
        url,
        summary: description,
        text,
      },
      page,
    );
  } catch (e) {
    drafts.error({}, said('detail', { what: 'could not read this page', detail: describeError(e) }));
  }
  return drafts.result('html');
}

/** The parser as the import runs it: the page builds the Document, which a worker cannot. */
export const parseHtmlText: Parser = (text, file, opts) => parseHtmlPage(opts.parseHtml(text), file);
