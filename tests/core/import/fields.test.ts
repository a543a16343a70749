import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, deriveSummary, guessLang, normalizeDate, normalizeLang, parseDate, plainText } from '../../../core/import/fields';
import { dateArb, textArb } from './arbitraries';

describe('normalizeDate', () => {
  it.each([
    ['2021-08-15', '2021-08-15'],
    ['  2021-08-15 ', '2021-08-15'],
    ['2021-8-5', '2021-08-05'],
    ['2021/08/15', '2021-08-15'],
    ['2021-08-15T23:30:00+04:30', '2021-08-15'],
    ['2021-08-15T23:30:00-11:00', '2021-08-15'],
    ['2021-08-15T00:10:00.000Z', '2021-08-15'],
    ['2021-08-15 23:30', '2021-08-15'],
    ['Sun, 15 Aug 2021 23:30:00 +0430', '2021-08-15'],
    ['Sun, 15 Aug 2021 23:30:00 GMT', '2021-08-15'],
    ['15 Aug 2021 01:00:00 -0800', '2021-08-15'],
    ['15 August 2021', '2021-08-15'],
    ['Sunday 15 August 2021', '2021-08-15'],
    ['August 15, 2021', '2021-08-15'],
    ['August 15th, 2021', '2021-08-15'],
    ['Aug. 1, 2021', '2021-08-01'],
    ['Mar 5, 2021', '2021-03-05'],
    ['15 août 2021', '2021-08-15'],
    ['15 aout 2021', '2021-08-15'],
    ['1er septembre 2021', '2021-09-01'],
    ['dimanche 15 août 2021 à 14h05', '2021-08-15'],
    ['3 févr. 2021', '2021-02-03'],
    ['29 février 2020', '2020-02-29'],
    ['31 décembre 2021', '2021-12-31'],
  ])('reads %j as %s', (raw, date) => {
    expect(normalizeDate(raw)).toBe(date);
  });

  it.each(['2021-02-30', '2021-02-29', '2021-13-01', '2021-00-10', '31 April 2021', '30 février 2021', '0000-01-01'])(
    'refuses the impossible day %j',
    (raw) => {
      expect(normalizeDate(raw)).toBeNull();
      const r = parseDate(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/no such day/);
    },
  );

  it.each(['03/04/2021', '15/08/2021', '08/15/2021', '3.4.2021', '03-04-2021', '03/04/21'])(
    'refuses the numeric day/month form %j, suggesting YYYY-MM-DD',
    (raw) => {
      expect(normalizeDate(raw)).toBeNull();
      const r = parseDate(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/ambiguous.*YYYY-MM-DD/);
    },
  );

  it.each(['', 'yesterday', 'August 2021', '2021', '15 Smarch 2021', '2021-08-15 and more words', '15/08'])('returns null for %j', (raw) => {
    expect(normalizeDate(raw)).toBeNull();
  });

  it('reads every real YYYY-MM-DD back as written', () => {
    fc.assert(fc.property(dateArb, (d) => normalizeDate(d) === d));
  });

  it('keeps the written date of an ISO date-time in any zone (no UTC shift)', () => {
    const zone = fc
      .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45))
      .map(([s, h, m]) => `${s}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`);
    fc.assert(fc.property(dateArb, time, zone, (d, t, z) => normalizeDate(`${d}T${t}${z}`) === d));
  });
});

describe('normalizeLang', () => {
  it.each([
    ['fr', 'fr'],
    ['FR', 'fr'],
    ['fr-FR', 'fr'],
    ['fr_CA', 'fr'],
    ['French', 'fr'],
    ['français', 'fr'],
    ['Francais', 'fr'],
    ['fra', 'fr'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['English', 'en'],
    ['anglais', 'en'],
    [' en ', 'en'],
  ])('%j → %s', (raw, lang) => {
    expect(normalizeLang(raw)).toBe(lang);
  });

  it.each(['de', 'de-DE', 'German', 'es', '', 'f', 'engl'])('%j → null', (raw) => {
    expect(normalizeLang(raw)).toBeNull();
  });
});

describe('guessLang', () => {
  it('recognises French and English prose', () => {
    expect(guessLang('Les talibans sont entrés dans Kaboul le 15 août, et le président Ashraf Ghani a fui le pays.')).toBe('fr');
    expect(guessLang('The Taliban entered Kabul on 15 August and the president fled the country, officials said.')).toBe('en');
  });

  it('returns null when the text is too short or mixed', () => {
    expect(guessLang('Kaboul')).toBeNull();
    expect(guessLang('Zabihullah Mujahid 2021')).toBeNull();
    expect(guessLang('the le and et of de to la')).toBeNull();
  });
});

describe('deriveSummary', () => {
  it('takes the first one or two sentences of the first paragraph', () => {
    expect(deriveSummary('First sentence. Second one! Third one.\n\nNext paragraph.')).toBe('First sentence. Second one!');
    expect(deriveSummary('Only a line without a full stop')).toBe('Only a line without a full stop');
  });

  it('keeps one sentence when two would be too long', () => {
    const second = `${'word '.repeat(50)}end.`;
    expect(deriveSummary(`A short first sentence. ${second}`)).toBe('A short first sentence.');
  });

  it('cuts a long sentence at a word, with an ellipsis, within 240 characters', () => {
    const s = deriveSummary(`${'mot '.repeat(100)}fin.`);
    expect(s.length).toBeLessThanOrEqual(240);
    expect(s.endsWith('mot…')).toBe(true);
  });

  it('is never longer than 240 characters nor empty for any text', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        const s = deriveSummary(t);
        return s.length > 0 && s.length <= 240 && !s.includes('\n');
      }),
    );
  });
});

describe('plainText', () => {
  it('strips tags, decodes entities and keeps paragraphs and line breaks', () => {
    expect(plainText('<p>Hello &amp; <b>world</b>&nbsp;!</p><p>Line one<br>line two &lt;3 &eacute;t&#233; &#x1F600;</p>')).toBe(
      'Hello & world\u00a0!\n\nLine one\nline two <3 été 😀',
    );
  });

  it('drops scripts, styles, comments and the head', () => {
    expect(plainText('<head><title>T</title></head><style>p{}</style><script>if (a < b) alert("</p>")</script><!-- <p>hidden</p> --><p>Seen</p>')).toBe('Seen');
  });

  it('turns block elements into paragraphs and collapses HTML whitespace', () => {
    expect(plainText('<div>\n  one\n  two\n</div><ul><li>a</li><li>b</li></ul><h2>Title</h2>text')).toBe('one two\n\na\n\nb\n\nTitle\n\ntext');
  });

  it('keeps a "<" that does not start a tag, and drops an unfinished tag at the end, as a browser does', () => {
    expect(plainText('3 < 4 and 5 <= 6')).toBe('3 < 4 and 5 <= 6');
    expect(plainText('a <b')).toBe('a');
    expect(plainText('<p>x</p>a<')).toBe('x\n\na<');
  });

  it('ignores ">" inside quoted attribute values', () => {
    expect(plainText('<a href="x>y" title=\'>\'>link</a> after')).toBe('link after');
  });

  it('reads CDATA sections as text', () => {
    expect(plainText('<p><![CDATA[a < b & c]]></p>')).toBe('a < b & c');
  });

  it('gives back any text escaped into HTML paragraphs', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        const escaped = t
          .split('\n\n')
          .map(
            (p) =>
              `<p>${p
                .split('\n')
                .map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
                .join('<br>')}</p>`,
          )
          .join('');
        return plainText(escaped) === cleanText(t);
      }),
    );
  });
});

describe('cleanText and cleanLine', () => {
  it('normalises line ends, trims lines and collapses blank lines', () => {
    expect(cleanText('  a  \r\nb\r\r\r\n\n\nc\u0007  ')).toBe('a\nb\n\nc');
    expect(cleanLine(' a \n b\t c ')).toBe('a b c');
  });
});
