import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../core/import/feed';
import { parseFile } from '../../../core/import/index';
import { articlesArb, comparable, expectSound, expected, mutatedArb, parseHtml, titleArb, toAtom, toRss, utf8, uncoded } from './arbitraries';

const opts = { parseHtml };

describe('parseFeed: round trips', () => {
  it('gives back generated articles from RSS 2.0 (escaped HTML descriptions, dates in an eastern zone late at night)', () => {
    fc.assert(
      fc.property(articlesArb(), titleArb, fc.boolean(), (articles, channel, cdata) => {
        const text = toRss(articles, channel, cdata);
        const parsed = parseFeed(text, 'a.rss');
        expect(parsed.problems).toEqual([]);
        expect(parsed.format).toBe('rss');
        expect(parsed.articles.map(comparable)).toEqual(articles.map((a) => expected(a, channel)));
        // Each item's line is where its <item> starts.
        const lines = text.split('\n');
        for (const a of parsed.articles) expect(lines[a.origin.line! - 1]!.trim()).toBe('<item>');
      }),
      { numRuns: 80 },
    );
  });

  it('gives back generated articles from Atom (html content, xml:lang per entry)', () => {
    fc.assert(
      fc.property(articlesArb(), titleArb, (articles, feedTitle) => {
        const text = toAtom(articles, feedTitle);
        const parsed = parseFeed(text, 'a.atom');
        expect(parsed.problems).toEqual([]);
        expect(parsed.format).toBe('atom');
        expect(parsed.articles.map(comparable)).toEqual(articles.map((a) => expected(a, feedTitle)));
        const lines = text.split('\n');
        for (const a of parsed.articles) expect(lines[a.origin.line! - 1]!).toMatch(/^ {2}<entry /);
      }),
      { numRuns: 80 },
    );
  });
});

describe('parseFeed: damaged files', () => {
  it('never throws on damaged RSS, and returns only valid articles', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(articlesArb(3), titleArb).chain(([articles, title]) => mutatedArb(toRss(articles, title))),
        async (text) => expectSound(await parseFile('m.xml', utf8(text), opts), 'm.xml'),
      ),
      { numRuns: 250 },
    );
  });

  it('never throws on damaged Atom, and returns only valid articles', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(articlesArb(3), titleArb).chain(([articles, title]) => mutatedArb(toAtom(articles, title))),
        async (text) => expectSound(await parseFile('m.atom', utf8(text), opts), 'm.atom'),
      ),
      { numRuns: 250 },
    );
  });
});

const RSS_SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Le Monde.fr - International</title>
  <link>https://www.lemonde.fr/international/</link>
  <description>Toute l'actualité internationale</description>
  <language>fr</language>
  <atom:link href="https://www.lemonde.fr/international/rss_full.xml" rel="self" type="application/rss+xml"/>
  <!-- an item with content:encoded and a short description -->
  <item>
    <title><![CDATA[Afghanistan : les talibans entrent dans Kaboul]]></title>
    <link>https://www.lemonde.fr/international/article/2021/08/15/kaboul.html?utm_source=rss&amp;utm_medium=feed</link>
    <guid isPermaLink="false">lemonde-123</guid>
    <pubDate>Sun, 15 Aug 2021 21:45:12 +0200</pubDate>
    <description><![CDATA[<p>Le président Ashraf Ghani a quitté le pays.</p>]]></description>
    <content:encoded><![CDATA[<figure><img src="x.jpg" alt=""><figcaption>Kaboul, le 15 août.</figcaption></figure>
<p>Les talibans sont entrés dans Kaboul dimanche&nbsp;15&nbsp;août.</p><p>Le président <a href="https://fr.wikipedia.org/wiki/Ashraf_Ghani">Ashraf Ghani</a> a quitté le pays, selon l'AFP.</p>
<script>trackRead();</script>]]></content:encoded>
  </item>
  <item>
    <title>Kaboul : l&#8217;aéroport pris d&#x2019;assaut</title>
    <link>https://www.lemonde.fr/international/article/2021/08/16/aeroport.html</link>
    <dc:date>2021-08-16T08:00:00+04:30</dc:date>
    <description>&lt;p&gt;Des milliers d&amp;#8217;Afghans ont envahi le tarmac &amp;amp; les pistes.&lt;/p&gt;&lt;p&gt;Deuxième paragraphe.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Sans date</title>
    <link>https://www.lemonde.fr/x.html</link>
    <description>Un texte simple.</description>
  </item>
  <item>
    <title>Date ambiguë</title>
    <pubDate>03/04/2021</pubDate>
    <description>Un autre texte.</description>
  </item>
</channel>
</rss>`;

const ATOM_SAMPLE = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="html">Reuters &amp;amp; Friends: World News</title>
  <link href="https://example.com/world" rel="alternate"/>
  <id>tag:example.com,2021:world</id>
  <updated>2021-08-31T23:59:00Z</updated>
  <entry>
    <title type="html">Last US troops leave &lt;em&gt;Afghanistan&lt;/em&gt;</title>
    <link rel="self" href="https://example.com/api/entries/1"/>
    <link rel="alternate" type="text/html" href="https://example.com/world/last-troops"/>
    <id>tag:example.com,2021:1</id>
    <updated>2021-09-01T02:00:00Z</updated>
    <published>2021-08-30T23:59:00-04:00</published>
    <summary>The last flight left Kabul a minute before midnight.</summary>
    <content type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p>The last US military flight left Kabul airport on Monday, ending a 20-year war.</p>
        <p>General Kenneth McKenzie announced the end of the evacuation &amp; the withdrawal.<br/>A second line.</p>
      </div>
    </content>
  </entry>
  <entry xml:lang="fr">
    <title>Retrait américain</title>
    <link href="https://example.com/monde/retrait"/>
    <id>tag:example.com,2021:2</id>
    <updated>2021-08-31T10:00:00+02:00</updated>
    <summary type="html">&lt;p&gt;Les derniers soldats sont partis.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Wrong language</title>
    <link href="https://example.com/de"/>
    <updated>2021-08-31T10:00:00Z</updated>
    <content type="text" xml:lang="de">Die letzten Soldaten sind weg.</content>
  </entry>
</feed>`;

describe('parseFeed: real-looking feeds', () => {
  it('reads an RSS 2.0 feed with HTML in descriptions, CDATA and content:encoded', () => {
    const parsed = parseFeed(RSS_SAMPLE, 'lemonde.xml');
    expect(parsed.format).toBe('rss');
    expect(parsed.articles).toHaveLength(2);
    const [a, b] = parsed.articles;
    expect(a).toMatchObject({
      title: 'Afghanistan : les talibans entrent dans Kaboul',
      date: '2021-08-15',
      lang: 'fr',
      source: 'Le Monde.fr - International',
      url: 'https://www.lemonde.fr/international/article/2021/08/15/kaboul.html?utm_source=rss&utm_medium=feed',
      summary: 'Le président Ashraf Ghani a quitté le pays.',
      body: "Kaboul, le 15 août.\n\nLes talibans sont entrés dans Kaboul dimanche\u00a015\u00a0août.\n\nLe président Ashraf Ghani a quitté le pays, selon l'AFP.",
      origin: { file: 'lemonde.xml', line: 10 },
    });
    expect(b).toMatchObject({
      title: 'Kaboul : l’aéroport pris d’assaut',
      date: '2021-08-16',
      body: 'Des milliers d’Afghans ont envahi le tarmac & les pistes.\n\nDeuxième paragraphe.',
      summary: 'Des milliers d’Afghans ont envahi le tarmac & les pistes.',
    });
    expect(parsed.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [26, 'date', 'item 3: the date is missing'],
      [31, 'date', "item 4: the date '03/04/2021' is ambiguous (day/month or month/day?): write it YYYY-MM-DD"],
    ]);
  });

  it('reads an Atom feed: alternate link, published before updated, xhtml and html content, xml:lang', () => {
    const parsed = parseFeed(ATOM_SAMPLE, 'world.atom');
    expect(parsed.format).toBe('atom');
    expect(parsed.articles.map((a) => ({ ...a, origin: a.origin.line }))).toEqual([
      {
        title: 'Last US troops leave Afghanistan',
        date: '2021-08-30',
        lang: 'en',
        source: 'Reuters & Friends: World News',
        url: 'https://example.com/world/last-troops',
        summary: 'The last flight left Kabul a minute before midnight.',
        body: 'The last US military flight left Kabul airport on Monday, ending a 20-year war.\n\nGeneral Kenneth McKenzie announced the end of the evacuation & the withdrawal.\nA second line.',
        origin: 7,
      },
      {
        title: 'Retrait américain',
        date: '2021-08-31',
        lang: 'fr',
        source: 'Reuters & Friends: World News',
        url: 'https://example.com/monde/retrait',
        summary: 'Les derniers soldats sont partis.',
        body: 'Les derniers soldats sont partis.',
        origin: 22,
      },
    ]);
    expect(uncoded(parsed.problems)).toEqual([
      { severity: 'error', file: 'world.atom', line: 29, field: 'lang', message: "item 3: language 'de' is not supported (en, fr)" },
    ]);
  });

  it('names the line of malformed XML', () => {
    const broken = RSS_SAMPLE.replace('<title>Sans date</title>', '<title>Sans date</titel>');
    const parsed = parseFeed(broken, 'b.xml');
    expect(parsed.articles).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ severity: 'error', line: 27 });
    expect(parsed.problems[0]!.message).toMatch(/^not well-formed XML: .*title/);
  });

  it('refuses XML that is not a feed, and a feed without items', () => {
    expect(parseFeed('<?xml version="1.0"?>\n<html><body/></html>', 'x.xml').problems.map((p) => p.message)).toEqual([
      'this XML is neither an RSS nor an Atom feed (its root element is <html>)',
    ]);
    expect(parseFeed('<rss version="2.0"><channel><title>T</title></channel></rss>', 'x.xml').problems.map((p) => p.message)).toEqual([
      'the feed has no items',
    ]);
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.org/"><title>Example</title><dc:language>en</dc:language></channel>
  <item rdf:about="https://example.org/1"><title>One</title><link>https://example.org/1</link><dc:date>2021-08-15T12:00:00Z</dc:date><description>The first item text.</description></item>
</rdf:RDF>`;
    const parsed = parseFeed(rdf, 'x.rdf');
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles.map(comparable)).toEqual([
      { title: 'One', date: '2021-08-15', lang: 'en', source: 'Example', url: 'https://example.org/1', body: 'The first item text.' },
    ]);
  });
});
