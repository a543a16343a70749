import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, langOf } from '../../core/i18n';
import { normalizeDate } from '../../core/import/fields';
import { isOne, strings } from '../../core/i18n';
import { optionsStrings } from '../../core/i18n-options';

describe('formatDate', () => {
  it('writes dates out in English and French', () => {
    expect(formatDate('en', '2021-09-11')).toBe('11 September 2021');
    expect(formatDate('fr', '2021-08-15')).toBe('15 août 2021');
    expect(formatDate('fr', '2021-09-01')).toBe('1er septembre 2021');
    expect(formatDate('en', '2021-09-01')).toBe('1 September 2021');
  });

  it('agrees with Intl on the day, month and year, and reads back to the same date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const en = formatDate('en', iso);
        expect(en).toBe(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d));
        expect(normalizeDate(formatDate('fr', iso))).toBe(iso);
      }),
      { numRuns: 200 },
    );
  });

  it('takes the interface language from the browser’s', () => {
    expect(langOf('fr-CA')).toBe('fr');
    expect(langOf('de')).toBe('en');
  });
});

describe('plurals', () => {
  it('take the singular for 0 and 1 in French, for 1 only in English', () => {
    expect([0, 1, 2].map((n) => isOne('fr', n))).toEqual([true, true, false]);
    expect([0, 1, 2].map((n) => isOne('en', n))).toEqual([false, true, false]);
    expect(optionsStrings('fr').entitiesFound(0)).toBe('0 nom connu trouvé');
    expect(optionsStrings('fr').articleCount(1)).toBe('1 article');
    expect(optionsStrings('fr').articleCount(1200)).toBe('1\u202f200 articles');
    expect(optionsStrings('en').entitiesFound(0)).toBe('0 known names found');
    expect(optionsStrings('en').problems(1, 0)).toBe('1 error, 0 warnings');
    expect(optionsStrings('fr').problems(0, 1)).toBe('0 erreur, 1 avertissement');
    expect(strings('fr').articles(1)).toBe('1 article dans le corpus');
    expect(strings('en').articles(3)).toBe('3 articles in the dataset');
  });
});
