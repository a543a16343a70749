// Large hostile pages, generated at test time (multi-megabyte files are not
// committed): a 5 MB news page, a page of 100,000 text nodes, and a React
// page that hydrates server-rendered HTML.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './harness';

/** Known names the pages mention, spread throughout. */
export const NAMES = ['Zamir Kabulov', 'Kabul', 'Taliban', 'Sergey Lavrov', 'Mazar-i-Sharif'] as const;

/** A small deterministic generator, so every run builds the same page. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FILLER = [
  'officials said on Tuesday that talks would resume after a short pause',
  'the delegation arrived late in the evening and left without a statement',
  'analysts expect the meeting to focus on trade, security and humanitarian aid',
  'a spokesman declined to comment on the reports published earlier this week',
  'the road north was closed for several hours while the convoy passed',
  'diplomats from several countries attended, some of them for the first time',
  'prices at the market rose again, according to traders interviewed by reporters',
  'the statement was read aloud at a press conference and later posted online',
];

/** The page's own timer: `window.ticks` grows every 20 ms while the main thread is free. */
export const TICKER = '<script>window.ticks = 0; setInterval(() => window.ticks++, 20);</script>';

function shell(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title>${TICKER}</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/**
 * A news page of about `bytes` bytes: paragraphs of filler with a known name
 * in most of them, some inside inline markup, and a last paragraph naming
 * Mazar-i-Sharif (the test checks names near the end are found).
 */
export function bigNewsPage(bytes: number): string {
  const next = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    n++;
    const name = pick(NAMES);
    const mention = n % 3 === 0 ? `<b>${name}</b>` : n % 3 === 1 ? `<a href="#p${n}">${name}</a>` : name;
    const sentences = [pick(FILLER), `${mention} was mentioned again`, pick(FILLER), pick(FILLER)];
    const p = `<p id="p${n}">${sentences.map((s) => s[0]!.toUpperCase() + s.slice(1)).join('. ')}.</p>\n`;
    parts.push(n % 40 === 0 ? `<h2>Section ${n / 40}</h2>\n${p}` : p);
    size += p.length;
  }
  parts.push('<p id="last">At the very end, the consulate in Mazar-i-Sharif reopened.</p>');
  return shell('A 5 MB page', `<article>\n${parts.join('')}</article>`);
}

/** A page of at least `count` text nodes: short words in inline elements, a known name every 50 paragraphs. */
export function manyTextNodesPage(count: number): string {
  const parts: string[] = [];
  // Each paragraph holds 10 text nodes (5 in <span>, 5 between them).
  for (let i = 0; i < Math.ceil(count / 10); i++) {
    const words: string[] = [];
    for (let j = 0; j < 5; j++) words.push(`<span>w${i}.${j}</span> and `);
    if (i % 50 === 0) words[2] = `<span>${NAMES[(i / 50) % NAMES.length]}</span> and `;
    parts.push(`<p>${words.join('')}</p>`);
  }
  parts.push('<p id="last">Finally Sergey Lavrov spoke.</p>');
  return shell('100,000 text nodes', `<div id="root">${parts.join('\n')}</div>`);
}

/**
 * Writes a React page into `dir`: server-rendered HTML (renderToString, in
 * Node) and a client bundle (esbuild, React's development build: it checks
 * more) that hydrates it at once, after `when` ms, or once Repères has drawn
 * highlights. See fixtures/react/client.ts for what it records.
 */
export async function writeReactPage(dir: string, name: string, when: number | 'highlights'): Promise<void> {
  const { renderToString } = await import('react-dom/server');
  const { createElement } = await import('react');
  const { App } = await import('./fixtures/react/app');
  const html = renderToString(createElement(App));
  await build({
    entryPoints: [join(ROOT, 'tests/e2e/fixtures/react/client.ts')],
    bundle: true,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"development"', HYDRATE_WHEN: JSON.stringify(when) },
    outfile: join(dir, `${name}.js`),
    logLevel: 'silent',
  });
  writeFileSync(
    join(dir, `${name}.html`),
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>React</title>${TICKER}</head>\n` +
      `<body><div id="root">${html}</div><script src="/${name}.js"></script></body>\n</html>\n`,
  );
}
