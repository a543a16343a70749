import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldChar, joinable, normalizeText, tokenize } from '../../core/normalize';

describe('tokenize', () => {
  it('folds case and accents and keeps offsets into the original text', () => {
    const text = "L'Ouzbékistan et ÉTATS-UNIS";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['l', 'ouzbekistan', 'et', 'etats', 'unis']);
    for (const t of tokens) expect(normalizeText(text.slice(t.start, t.end))).toBe(t.norm);
    expect(text.slice(tokens[1]!.start, tokens[1]!.end)).toBe('Ouzbékistan');
  });

  it('treats decomposed accents like precomposed ones', () => {
    const decomposed = 'Turkme\u0301nistan';
    expect(tokenize(decomposed)).toEqual([{ norm: 'turkmenistan', cased: 'Turkmenistan', start: 0, end: decomposed.length }]);
    expect(normalizeText('Turkménistan')).toBe(normalizeText(decomposed));
  });

  it('does not break a word at a soft hyphen or zero-width space', () => {
    expect(tokenize('Kabu\u00ADlov').map((t) => t.norm)).toEqual(['kabulov']);
    expect(tokenize('Kabu\u200Blov').map((t) => t.norm)).toEqual(['kabulov']);
  });

  it('expands ligatures', () => {
    expect(normalizeText('Œuvre')).toBe('oeuvre');
  });

  it('splits on apostrophes of every kind, so elisions and possessives fall away', () => {
    expect(normalizeText("l'ISI d’Islamabad Kabulov's qu\u02BCil")).toBe('l isi d islamabad kabulov s qu il');
  });

  it('keeps astral letters whole', () => {
    const t = tokenize('a 𝐀b c');
    expect(t).toHaveLength(3);
    expect(t[1]!.end - t[1]!.start).toBe(3);
  });

  it('maps every token back to a slice that folds to it (any text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        let last = 0;
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          last = t.end;
          const slice = text.slice(t.start, t.end);
          const refolded = [...slice]
            .map((c) => foldChar(c) ?? '')
            .join('')
            .toLowerCase();
          expect(refolded).toBe(t.norm);
        }
      }),
    );
  });
});

describe('joinable', () => {
  it('joins words across spaces, non-breaking spaces, hyphens and a line break', () => {
    for (const gap of [' ', '\u00A0', '-', ' – ', '\n', '\n      ', "'", '.']) expect(joinable(gap)).toBe(true);
  });
  it('does not join across punctuation, paragraphs or sentence ends', () => {
    for (const gap of [', ', '. ', ' / ', '\n\n', ': ', '']) expect(joinable(gap)).toBe(false);
  });
});
