import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtmlPage } from '../../../core/import/html';
import { parseFile } from '../../../core/import/index';
import { articleArb, expectSound, mutatedArb, parseHtml, textHtml, utf8, uncoded } from './arbitraries';

const PARAGRAPHS = [
  'Taliban fighters entered Kabul on Sunday 15 August 2021, hours after President Ashraf Ghani left the country, according to officials who spoke on condition of anonymity.',
  'Thousands of people rushed to the airport as the last Western diplomats were evacuated by helicopter from the embassy compound in the Wazir Akbar Khan district.',
  'A spokesman for the group, Zabihullah Mujahid, said the fighters had been ordered to enter the city to prevent looting, and that no one would be harmed.',
];

function page(head: string, body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n'), htmlAttrs = 'lang="en"') {
  return `<!doctype html>
<html ${htmlAttrs}>
<head>
  <meta charset="utf-8">
  <title>Kabul falls | Example News</title>
  ${head}
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
  <main>
    <article>
      <h1>Kabul falls to the Taliban</h1>
      ${body}
    </article>
  </main>
  <aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li></ul></aside>
  <footer>© Example News</footer>
  <script>window.analytics = {};</script>
</body>
</html>`;
}

const META = `
  <meta property="og:title" content="Kabul falls to the Taliban as president flees">
  <meta property="og:site_name" content="Example News">
  <meta property="og:url" content="https://news.example.com/og-url">
  <meta property="og:description" content="The Taliban took the Afghan capital on Sunday.">
  <meta property="article:published_time" content="2021-08-15T22:30:00+04:30">
  <link rel="canonical" href="https://news.example.com/world/kabul-falls">`;

describe('parseHtmlPage', () => {
  it('reads the article text with Readability and the rest from meta tags', () => {
    const parsed = parseHtmlPage(parseHtml(page(META)), 'kabul.html');
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('html');
    expect(parsed.articles).toHaveLength(1);
    const a = parsed.articles[0]!;
    expect(a).toMatchObject({
      title: 'Kabul falls to the Taliban as president flees',
      date: '2021-08-15',
      lang: 'en',
      source: 'Example News',
      url: 'https://news.example.com/world/kabul-falls',
      summary: 'The Taliban took the Afghan capital on Sunday.',
      origin: { file: 'kabul.html', line: 1 },
    });
    for (const p of PARAGRAPHS) expect(a.body).toContain(p);
    expect(a.body).not.toMatch(/Most read|analytics|Home/);
    expect(a.body.split('\n\n')).toEqual(PARAGRAPHS); // the <h1> headline is not part of the text
  });

  it('falls back: JSON-LD date, og:locale, og:url, host as source, derived summary', () => {
    const head = `
      <meta property="og:locale" content="fr_FR">
      <meta property="og:url" content="https://www.exemple.fr/monde/kaboul">
      <script type="application/ld+json">{ broken json </script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","headline":"x","datePublished":"2021-08-16T01:00:00+02:00"}]}</script>`;
    const parsed = parseHtmlPage(parseHtml(page(head, undefined, '')), 'p.html');
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles[0]).toMatchObject({ date: '2021-08-16', lang: 'fr', url: 'https://www.exemple.fr/monde/kaboul', source: 'exemple.fr' });
    expect(parsed.articles[0]!.summary).toBe(PARAGRAPHS[0]);
  });

  it('takes the first <time datetime> when the head has no date, and guesses the language', () => {
    const body = `<p>Publié le <time datetime="2021-08-17">17 août</time>.</p>
      <p>Les talibans ont tenu leur première conférence de presse à Kaboul, et leur porte-parole a promis une amnistie pour les anciens soldats.</p>
      <p>Selon des témoins, des combattants sont déployés dans la ville, où la plupart des commerces sont restés fermés pour la troisième journée.</p>`;
    const parsed = parseHtmlPage(parseHtml(page('', body, '')), 'saved page.html');
    expect(parsed.articles[0]).toMatchObject({ date: '2021-08-17', lang: 'fr', source: 'saved page.html' });
    expect(parsed.articles[0]!.url).toBeUndefined();
    expect(uncoded(parsed.problems)).toEqual([
      { severity: 'warning', file: 'saved page.html', line: 1, field: 'lang', message: 'language not given; guessed fr' },
    ]);
  });

  it('says when there is no article text, and when the date is missing', () => {
    const empty = parseHtmlPage(parseHtml('<html><head><title>Nothing</title></head><body></body></html>'), 'e.html');
    expect(empty.articles).toEqual([]);
    expect(uncoded(empty.problems)).toEqual([{ severity: 'error', file: 'e.html', field: 'text', message: 'no article text found in this page' }]);
    const undated = parseHtmlPage(parseHtml(page('')), 'u.html');
    expect(undated.articles).toEqual([]);
    expect(uncoded(undated.problems)).toEqual([{ severity: 'error', file: 'u.html', line: 1, field: 'date', message: 'the date is missing' }]);
  });

  it('never throws on damaged pages, and returns only valid articles', async () => {
    await fc.assert(
      fc.asyncProperty(
        articleArb().chain((a) =>
          mutatedArb(
            page(
              `<meta property="og:title" content="${a.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"><meta property="article:published_time" content="${a.date}">`,
              textHtml(a.body),
              `lang="${a.lang}"`,
            ),
          ),
        ),
        async (text) => expectSound(await parseFile('m.html', utf8(text), { parseHtml }), 'm.html'),
      ),
      { numRuns: 60 },
    );
  });
});
