// What the reader sees on a page, from the settings and the page's rejections as each changes.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { SHOW_ALL, type Visibility } from '../../core/visibility';
import { PageVisibility } from '../../page/page-visibility';

function pageVisibility(hostname: () => string = () => 'example.org') {
  const onChange = vi.fn<(v: Visibility) => void>();
  return { onChange, choices: new PageVisibility(hostname, onChange) };
}

describe('PageVisibility', () => {
  it('shows everything, and tells nothing, until the settings are read', () => {
    const { onChange, choices } = pageVisibility();
    choices.setRejected(['kabul']);
    expect(choices.current).toBe(SHOW_ALL);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('counts rejections read before the settings once they come', () => {
    const { onChange, choices } = pageVisibility();
    choices.setRejected(['kabul']);
    choices.setSettings(DEFAULT_SETTINGS);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(choices.current.hidden.has('kabul')).toBe(true);
    expect(onChange.mock.lastCall?.[0]).toBe(choices.current);
  });

  it('follows new settings and new rejections, keeping the other', () => {
    const { onChange, choices } = pageVisibility();
    const hiding: Settings = { ...DEFAULT_SETTINGS, hiddenEntities: ['herat'] };
    choices.setSettings(hiding);
    choices.setRejected(['kabul']);
    expect([...choices.current.hidden].sort()).toEqual(['herat', 'kabul']);
    choices.setSettings({ ...hiding, mentions: 'first' });
    expect(choices.current.firstOnly).toBe(true);
    expect(choices.current.hidden.has('kabul')).toBe(true);
    choices.setRejected([]);
    expect([...choices.current.hidden]).toEqual(['herat']);
    expect(onChange).toHaveBeenCalledTimes(4);
  });

  it('reads the page\'s host for "off on this site" each time', () => {
    let host = 'example.org';
    const { choices } = pageVisibility(() => host);
    const off: Settings = { ...DEFAULT_SETTINGS, offSites: ['example.org'] };
    choices.setSettings(DEFAULT_SETTINGS);
    expect(choices.current.active).toBe(true);
    choices.setSettings(off);
    expect(choices.current.active).toBe(false);
    host = 'example.com';
    choices.setRejected([]);
    expect(choices.current.active).toBe(true);
  });
});
