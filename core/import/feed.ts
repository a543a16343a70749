// RSS 2.0 (and RSS 1.0/RDF) and Atom feeds, read with fast-xml-parser. Every
// problem about an entry starts with "item N: " and carries the line where
// the <item> or <entry> element starts.

import { decodeHTML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Drafts, lineFinder, type Place, type RawRecord } from './drafts';
import { cleanLine, cleanText, deriveSummary, looksLikeHtml, plainText } from './fields';
import type { Parsed } from './types';
import { describeError, said } from './messages';

/** Elements read raw (their markup kept as written), so HTML content and CDATA are handled here rather than by the XML parser. */
const RAW_ELEMENTS = ['title', 'description', 'content:encoded', 'content', 'summary', 'subtitle'];

type XmlNode = Record<string, unknown>;

function newParser() {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: true,
    captureMetaData: true,
    isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
    stopNodes: RAW_ELEMENTS.map((name) => `*.${name}`),
  });
}

const isNode = (v: unknown): v is XmlNode => typeof v === 'object' && v !== null && !Array.isArray(v);

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** The text of an element (already entity-decoded by the parser), or ''. */
function textOf(v: unknown): string {
  const node = first(v);
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (isNode(node)) return textOf(node['#text']);
  return '';
}

function attr(v: unknown, name: string): string {
  const node = first(v);
  return isNode(node) && typeof node[`@_${name}`] === 'string' ? (node[`@_${name}`] as string) : '';
}

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/** The character data of raw XML content: CDATA sections as written, entities decoded elsewhere, comments dropped. */
function xmlText(raw: string): string {
  let out = '';
  let last = 0;
  const outside = (s: string) => decodeHTML(s.replace(/<!--[\s\S]*?-->/g, ''));
  CDATA.lastIndex = 0;
  for (let m = CDATA.exec(raw); m; m = CDATA.exec(raw)) {
    out += outside(raw.slice(last, m.index)) + m[1];
    last = m.index + m[0].length;
  }
  return out + outside(raw.slice(last));
}

/** Raw element content holds child elements (outside CDATA): XHTML or unescaped HTML. */
const hasMarkup = (raw: string) => /<[a-zA-Z]/.test(raw.replace(CDATA, ''));

/**
 * A raw text element as plain text. `kind` is Atom's type attribute ("text",
 * "html", "xhtml"), or "auto" for RSS, where a description may be HTML or not.
 */
function feedText(v: unknown, kind: string): string {
  const raw = textOf(v);
  if (!raw) return '';
  const type = kind.toLowerCase();
  if (type === 'xhtml' || type.endsWith('xml') || hasMarkup(raw)) return plainText(raw);
  const decoded = xmlText(raw);
  if (type === 'html' || type === 'text/html') return plainText(decoded);
  if (type === 'auto') return looksLikeHtml(decoded) ? plainText(decoded) : cleanText(decoded);
  return cleanText(decoded);
}

const atomText = (v: unknown) => feedText(v, attr(v, 'type') || 'text');

export function parseFeed(text: string, file: string): Parsed {
  const drafts = new Drafts(file);
  let format: 'rss' | 'atom' | null = null;
  try {
    const xml = text.replace(/^\uFEFF/, '');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      drafts.error({ line: valid.err.line }, said('detail', { what: 'not well-formed XML', detail: valid.err.msg }));
      return drafts.result(null);
    }
    const doc: unknown = newParser().parse(xml);
    if (!isNode(doc)) throw new Error('the XML parser returned nothing');
    // Typed as the `Symbol` wrapper object by the library; it is a plain symbol.
    const meta = XMLParser.getMetaDataSymbol() as unknown as symbol;
    const lineAt = lineFinder(xml);
    const placeOf = (node: unknown, index: number): Place => {
      // The parser hangs its metadata (the element's start offset) on each node under a symbol.
      const start = isNode(node) ? (node as Record<symbol, { startIndex?: number } | undefined>)[meta]?.startIndex : undefined;
      return { origin: start === undefined ? {} : { line: lineAt(start) }, unit: 'item', index, prefix: true };
    };
    /** An RSS item's or an Atom entry's draft, each with its line; an empty one is an error. */
    const readItems = (items: unknown[], unit: 'item' | 'entry', toRecord: (item: XmlNode) => RawRecord) => {
      items.forEach((item, i) => {
        if (drafts.full) return;
        const place = placeOf(item, i + 1);
        if (!isNode(item)) {
          if (drafts.admit(place)) drafts.error(place.origin, said('feedEmptyItem', { unit, atUnit: 'item', atIndex: i + 1 }));
          return;
        }
        drafts.record(toRecord(item), place);
      });
      if (items.length === 0) drafts.error({}, said('feedEmpty', { unit }));
    };

    const rss = doc['rss'] ?? doc['rdf:RDF'];
    if (isNode(rss)) {
      format = 'rss';
      const channel = isNode(first(rss['channel'])) ? (first(rss['channel']) as XmlNode) : {};
      // RSS 2.0 items are in the channel; RSS 1.0 items are siblings of it.
      const items = [channel['item'], rss['item']].flatMap((v) => (Array.isArray(v) ? v : []));
      const source = feedText(channel['title'], 'auto');
      const channelLang = textOf(channel['language']) || textOf(channel['dc:language']);
      readItems(items, 'item', (item) => rssRecord(item, source, channelLang));
    } else if (isNode(doc['feed'])) {
      format = 'atom';
      const feed = doc['feed'];
      const source = atomText(feed['title']);
      const feedLang = attr(feed, 'xml:lang');
      const entries = Array.isArray(feed['entry']) ? feed['entry'] : [];
      readItems(entries, 'entry', (entry) => atomRecord(entry, source, feedLang));
    } else {
      const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#')) ?? 'none';
      drafts.error({ line: 1 }, said('notAFeed', { root: root.slice(0, 40) }));
    }
  } catch (e) {
    drafts.error({}, said('detail', { what: 'could not read this feed', detail: describeError(e) }));
  }
  return drafts.result(format);
}

function rssRecord(item: XmlNode, source: string, channelLang: string): RawRecord {
  const guid = textOf(item['guid']);
  const link = textOf(item['link']) || (/^https?:\/\//i.test(guid) ? guid : '');
  const encoded = feedText(item['content:encoded'], 'auto');
  const description = feedText(item['description'], 'auto');
  return {
    title: feedText(item['title'], 'auto'),
    date: textOf(item['pubDate']) || textOf(item['dc:date']) || textOf(item['published']),
    lang: textOf(item['dc:language']) || channelLang,
    source,
    url: link.trim(),
    text: encoded || description,
    summary: encoded && description ? deriveSummary(description) : '',
  };
}

/** Atom link relations that never point to the entry's own page. */
const NOT_THE_PAGE = new Set(['self', 'edit', 'edit-media', 'enclosure', 'related', 'replies', 'license', 'via', 'previous', 'next']);

function atomRecord(entry: XmlNode, source: string, feedLang: string): RawRecord {
  const links = (Array.isArray(entry['link']) ? entry['link'] : []).filter(isNode);
  // The alternate link (rel defaults to it), else the first that is not about something else.
  const link = links.find((l) => (attr(l, 'rel') || 'alternate') === 'alternate') ?? links.find((l) => !NOT_THE_PAGE.has(attr(l, 'rel').toLowerCase()));
  const content = attr(entry['content'], 'src') ? '' : atomText(entry['content']);
  const summary = atomText(entry['summary']);
  return {
    title: cleanLine(atomText(entry['title'])),
    date: textOf(entry['published']) || textOf(entry['updated']),
    lang: attr(entry, 'xml:lang') || attr(entry['content'], 'xml:lang') || feedLang,
    source,
    url: link ? attr(link, 'href').trim() : '',
    text: content || summary,
    summary: content && summary ? deriveSummary(summary) : '',
  };
}
