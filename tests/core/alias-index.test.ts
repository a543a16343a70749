import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spotterEntries } from '../../core/compile';
import { aliasesFor, packAliases } from '../../core/alias-index';
import type { SpotterEntry } from '../../core/model';
import { PageMemory } from '../../core/resolve';
import { addEntries, addWordHashes, buildIndex, spot, wordHash } from '../../core/spotter';
import { tokenize } from '../../core/normalize';
import { withoutKnown } from '../../core/discover/known';
import { projectDataset, projectSources } from '../helpers';

const { entities, stopPhrases } = projectSources();
const entries = spotterEntries(entities, stopPhrases);
const packed = packAliases(entries);
const full = buildIndex(entries);
const articles = projectDataset().dataset.articles;

function hashesOf(...texts: string[]): number[] {
  const set = new Set<number>();
  for (const t of texts) addWordHashes(t, set);
  return [...set];
}

/** What a page resolves its matches to: the same with every alias or with only those sent for its words. */
function resolved(index: ReturnType<typeof buildIndex>, text: string) {
  return new PageMemory().resolve(spot(index, text)).map((m) => m && { start: m.start, end: m.end, entity: m.entity });
}

describe('the packed alias index', () => {
  it('hashes a text’s words as the tokenizer folds them', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'É', 'é', 'ß', ' ', '-', 'ﬁ', 'I', 'İ', '\u0301', 'Σ', '’', '.', 'k', '\u00AD', '\n', '😀') }),
        (text) => {
          expect(new Set(hashesOf(text))).toEqual(new Set(tokenize(text).map((t) => wordHash(t.norm))));
        },
      ),
    );
  });

  it('gives back every entry exactly, once, when every word is on the page', () => {
    const words = hashesOf(...entries.map((e) => `${e.alias.text} ${e.alias.text}s`));
    const back = aliasesFor(packed, words).map((e) => JSON.stringify(e));
    expect(new Set(back)).toEqual(new Set(entries.map((e) => JSON.stringify(e))));
    expect(back.length).toBe(new Set(back).size);
  });

  it('sends a page only aliases whose every word is on it', () => {
    const text = articles[0]!.body;
    const words = new Set(hashesOf(text));
    const sent = aliasesFor(packed, [...words]);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(entries.length / 10);
    for (const e of sent) expect(tokenize(e.alias.text).every((t) => words.has(wordHash(t.norm))) || e.plural).toBe(true);
  });

  it('finds on every article what the whole list finds', () => {
    for (const a of articles) {
      const text = `${a.title}\n${a.summary}\n${a.body}`;
      const page = buildIndex(aliasesFor(packed, hashesOf(text)));
      expect(resolved(page, text)).toEqual(resolved(full, text));
    }
  });

  it('leaves out of the names Repères does not know the same ones as the whole list (the popup asks with the page’s words)', async () => {
    const { findNames, pageLanguage } = await import('../../core/discover');
    for (const a of articles) {
      const text = `${a.title}\n${a.summary}\n${a.body}`;
      const found = findNames(text, pageLanguage(a.lang, text));
      const page = buildIndex(aliasesFor(packed, hashesOf(text)));
      expect(withoutKnown(found, text, page)).toEqual(withoutKnown(found, text, full));
    }
  });

  it('finds the same when the text came in parts, each asking only for its new words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: articles.length - 1 }), fc.integer({ min: 1, max: 6 }), (k, parts) => {
        const a = articles[k]!;
        const paragraphs = a.body.split(/\n\s*\n/);
        const size = Math.ceil(paragraphs.length / parts);
        const index = buildIndex([]);
        const asked: number[] = [];
        const known = new Set<number>();
        for (let p = 0; p < paragraphs.length; p += size) {
          const fresh = hashesOf(...paragraphs.slice(p, p + size)).filter((h) => !known.has(h));
          for (const h of fresh) known.add(h);
          asked.push(...fresh);
          addEntries(index, aliasesFor(packed, asked, fresh.length));
        }
        expect(resolved(index, a.body)).toEqual(resolved(full, a.body));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps every field of an entry', () => {
    const odd: SpotterEntry[] = [
      {
        entity: 'x',
        type: 'person',
        alias: { text: 'Ab Cd', short: true, exact: true, common: true },
        plural: true,
        stop: true,
        cc: 'FR',
        within: 'y',
        pop: 3,
        near: ['DE'],
      },
      { entity: 'z', type: 'place', alias: { text: 'Ab' } },
    ];
    const back = aliasesFor(packAliases(odd), hashesOf('Ab Cd Abs'));
    expect(back).toEqual(odd);
  });

  it('answers nothing when no word is new', () => {
    expect(aliasesFor(packed, hashesOf(articles[0]!.body), 0)).toEqual([]);
  });
});
