// The project's own bench pages, generated from the dataset's articles (the
// project's own text) into news-site layouts: navigation, article, lists,
// comments, footers. Deterministic: the same pages on every run.
import type { Article } from '../../core/model';

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Splits a paragraph into inline runs so names cross element boundaries now and then. */
function inlineRuns(text: string, seed: number): string {
  const words = text.split(' ');
  let out = '';
  for (let i = 0; i < words.length; i++) {
    const w = escape(words[i]!);
    const k = (i * 7 + seed) % 23;
    out += k === 0 ? `<b>${w}</b>` : k === 5 ? `<a href="#w${i}">${w}</a>` : k === 11 ? `<em>${w}</em>` : w;
    out += ' ';
  }
  return out.trim();
}

function shell(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:16px/1.5 Georgia,serif;margin:0}nav,footer{font:13px system-ui;background:#eee;padding:8px}article{max-width:720px;margin:20px auto}
.comment{border-top:1px solid #ddd;padding:6px 0}.sidebar li{font-size:13px}</style>
<script>window.analytics = { track() {} }; /* Kabul in a script must not count */</script></head>
<body><nav>${['World', 'Asia', 'Politics', 'Opinion', 'Video'].map((x) => `<a href="#">${x}</a>`).join(' · ')}</nav>${body}<footer>© Bench</footer></body></html>`;
}

function articleBlock(a: Article, seed: number): string {
  const paragraphs = a.body.split(/\n\s*\n/).map((p, i) => `<p>${inlineRuns(p.replace(/\s+/g, ' '), seed + i)}</p>`);
  return `<article><h1>${escape(a.title)}</h1><p class="standfirst">${escape(a.summary)}</p>${paragraphs.join('\n')}</article>`;
}

/** A single news article with a sidebar: the common case. */
export function articlePage(articles: Article[]): string {
  const [main, ...rest] = articles;
  const sidebar = `<aside class="sidebar"><h2>Most read</h2><ul>${rest
    .slice(0, 12)
    .map((a) => `<li><a href="#">${escape(a.title)}</a></li>`)
    .join('')}</ul></aside>`;
  return shell(main!.title, articleBlock(main!, 1) + sidebar);
}

/** A long live page: every article, then comments, until at least `minBytes` of HTML and `minTextNodes` text nodes. */
export function longPage(articles: Article[], minBytes = 1_100_000, minTextNodes = 20_000): { html: string; textNodes: number } {
  const blocks: string[] = [];
  let bytes = 0;
  let textNodes = 0;
  for (let round = 0; bytes < minBytes || textNodes < minTextNodes; round++) {
    for (const [i, a] of articles.entries()) {
      const block = articleBlock(a, round * 31 + i);
      const comments = a.summary
        .split(/(?<=[.;])\s+/)
        .map((c, j) => `<div class="comment"><span class="user">reader${round}${i}${j}</span> <span>${escape(c)}</span></div>`)
        .join('');
      const html = `<section>${block}${comments}</section>\n`;
      blocks.push(html);
      bytes += html.length;
      textNodes += (html.match(/>[^<]+</g) ?? []).length;
      if (bytes >= minBytes && textNodes >= minTextNodes) break;
    }
  }
  return { html: shell('Live: Afghanistan, all day', blocks.join('')), textNodes };
}

/** Deterministic synthetic person-like aliases, for the scale case. */
export function syntheticAliases(n: number): string[] {
  const syllables = ['ka', 'ro', 'mi', 'ta', 'len', 'dor', 'shi', 'va', 'nu', 'bek', 'zar', 'ol', 'im', 'qu', 'pet', 'sa', 'gul', 'han', 'ri', 'mo'];
  let state = 12345;
  // A 32-bit linear congruential generator (Math.imul keeps it exact).
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16) % syllables.length;
  const word = (k: number) => {
    let w = '';
    for (let i = 0; i < k; i++) w += syllables[next()];
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const out = new Set<string>();
  while (out.size < n) out.add(`${word(2)} ${word(3)}`);
  return [...out];
}
