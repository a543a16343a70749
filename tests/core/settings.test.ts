import { describe, expect, it } from 'vitest';
import { activeOn, DEFAULT_SETTINGS, MAX_REJECTED_PAGES, pageKey, withRejection, withSite } from '../../core/settings';

describe('settings rules', () => {
  it('turns a site off and on again, and pauses everywhere', () => {
    const off = withSite(DEFAULT_SETTINGS, 'example.org', true);
    expect(activeOn(off, 'example.org')).toBe(false);
    expect(activeOn(off, 'other.org')).toBe(true);
    expect(activeOn(withSite(off, 'example.org', false), 'example.org')).toBe(true);
    expect(activeOn({ ...DEFAULT_SETTINGS, paused: true }, 'other.org')).toBe(false);
    expect(withSite(off, 'example.org', true).offSites).toEqual(['example.org']);
  });
});

describe('"Not this one", remembered per page', () => {
  it('keys pages without their fragment, keeps each entity once, and forgets the oldest pages', () => {
    let all = withRejection({}, 'https://a.example/x#top', 'kabul');
    all = withRejection(all, 'https://a.example/x', 'kabul');
    expect(all).toEqual({ 'https://a.example/x': ['kabul'] });
    for (let i = 0; i < MAX_REJECTED_PAGES + 5; i++) all = withRejection(all, `https://b.example/${i}`, 'isi');
    expect(Object.keys(all)).toHaveLength(MAX_REJECTED_PAGES);
    expect(all['https://a.example/x']).toBeUndefined();
    expect(pageKey('https://c.example/y#z')).toBe('https://c.example/y');
  });
});
