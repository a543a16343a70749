// The one rule for which marks a reader sees, table by table.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { categoryShown, SHOW_ALL, shownMarks, visibilityOf, type Visibility } from '../../core/visibility';

const marks = [
  { entity: 'kabul', type: 'place' as const },
  { entity: 'zamir-kabulov', type: 'person' as const },
  { entity: 'kabul', type: 'place' as const },
  { entity: 'isi', type: 'organization' as const },
  { entity: 'zamir-kabulov', type: 'person' as const },
];
const shown = (v: Visibility, byCategory = true) => {
  const visible = shownMarks(marks, v, byCategory);
  return marks.map((m, i) => (visible(m) ? i : -1)).filter((i) => i >= 0);
};
const settings = (s: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...s });

describe('shownMarks', () => {
  it.each<[string, Visibility, number[]]>([
    ['everything', SHOW_ALL, [0, 1, 2, 3, 4]],
    ['people switched off', visibilityOf(settings({ categories: { person: false, organization: true, place: true } }), 'news.example', []), [0, 2, 3]],
    ['an entity hidden everywhere', visibilityOf(settings({ hiddenEntities: ['kabul'] }), 'news.example', []), [1, 3, 4]],
    ['"Not this one" on this page', visibilityOf(settings({}), 'news.example', ['isi']), [0, 1, 2, 4]],
    ['first mention only', visibilityOf(settings({ mentions: 'first' }), 'news.example', []), [0, 1, 3]],
    // The first mention shown is the first of those not hidden.
    ['first mention only, one entity rejected', visibilityOf(settings({ mentions: 'first' }), 'news.example', ['kabul']), [1, 3]],
    ['off for this site', visibilityOf(settings({ offSites: ['news.example'] }), 'news.example', []), []],
    ['off for another site', visibilityOf(settings({ offSites: ['other.example'] }), 'news.example', []), [0, 1, 2, 3, 4]],
    ['paused', visibilityOf(settings({ paused: true }), 'news.example', []), []],
  ])('%s', (_, v, expected) => {
    expect(shown(v)).toEqual(expected);
  });

  it('leaves categories to the painter when asked, and says which categories it draws', () => {
    const v = visibilityOf(settings({ categories: { person: false, organization: true, place: true }, mentions: 'first' }), 'news.example', []);
    expect(shown(v, false)).toEqual([0, 1, 3]);
    expect(categoryShown(v, 'person')).toBe(false);
    expect(categoryShown(v, 'place')).toBe(true);
    expect(categoryShown(visibilityOf(settings({ paused: true }), 'news.example', []), 'place')).toBe(false);
  });
});
