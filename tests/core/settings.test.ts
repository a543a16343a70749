import { describe, expect, it } from 'vitest';
import { activeOn, DEFAULT_SETTINGS, withSite } from '../../core/settings';

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
