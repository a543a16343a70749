// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '../../components/Popup';
import { DEFAULT_SETTINGS, withCategory } from '../../core/settings';

const mount = document.createElement('div');
document.body.append(mount);
afterEach(() => render(null, mount));

const base: PopupProps = {
  lang: 'en',
  pageEntities: [
    { id: 'isi', name: 'Inter-Services Intelligence', type: 'organization', count: 3 },
    { id: 'kabul', name: 'Kabul', type: 'place', count: 1 },
  ],
  related: [
    {
      id: 'a',
      title: 'ISI meeting',
      date: '2021-09-11',
      lang: 'fr',
      source: 'Revue',
      summary: 's',
      shared: [{ id: 'isi', name: 'ISI', type: 'organization' }],
    },
  ],
  query: '',
  results: [],
  settings: DEFAULT_SETTINGS,
  host: 'example.org',
  onQuery: () => {},
  onToggle: () => {},
  onFirstOnly: () => {},
  onSiteOff: () => {},
  onPause: () => {},
  onOpen: () => {},
  filters: {},
  onFilters: () => {},
  onReveal: () => {},
  hidden: [],
  onUnhide: () => {},
  onManage: () => {},
};

describe('Popup', () => {
  it('leads with related coverage, then the page’s names and search; the switches come last, together', () => {
    render(<Popup {...base} />, mount);
    const sections = [...mount.querySelectorAll('main > section')].map((el) => el.className);
    expect(sections).toEqual(['popup__related', 'popup__page', 'popup__search', 'popup__settings']);
    expect(mount.querySelector('.popup__settings')!.getAttribute('aria-label')).toBe('Highlight settings');
    expect(mount.querySelectorAll('.popup__settings input[type=checkbox]').length).toBeGreaterThanOrEqual(5);
  });

  it('lists the page’s entities with counts and related articles with what they share', () => {
    render(<Popup {...base} />, mount);
    const rows = [...mount.querySelectorAll('#page-entities li')].map((li) => li.textContent);
    expect(rows).toEqual(['Inter-Services Intelligence, Organisation3, 3 mentions', 'Kabul, Place1, 1 mention']);
    expect(mount.querySelector('#related-articles')!.textContent).toContain('ISI meeting');
    expect(mount.querySelector('#related-articles .chip')!.textContent).toBe('ISI');
  });

  it('reports a switch flip with its category', () => {
    const onToggle = vi.fn();
    render(<Popup {...base} onToggle={onToggle} />, mount);
    const places = mount.querySelector('input[name=place]') as HTMLInputElement;
    expect(places.checked).toBe(true);
    places.click();
    expect(onToggle).toHaveBeenCalledWith('place', false);
  });

  it('shows switches as the settings say', () => {
    render(<Popup {...base} settings={withCategory(DEFAULT_SETTINGS, 'person', false)} />, mount);
    expect((mount.querySelector('input[name=person]') as HTMLInputElement).checked).toBe(false);
  });

  it('says so when the tab cannot be read, and when nothing is found', () => {
    render(<Popup {...base} pageEntities={null} related={[]} />, mount);
    expect(mount.textContent).toContain('Repères cannot read this tab');
    expect(mount.textContent).toContain('No related article');
  });

  it('shows search results once the query has two letters', () => {
    const results = [{ id: 'k', title: 'Kabul falls', date: '2021-08-15', lang: 'en' as const, source: 'x', summary: 'sum' }];
    render(<Popup {...base} query="k" results={results} />, mount);
    expect(mount.querySelector('#search-results')).toBeNull();
    render(<Popup {...base} query="kabol" results={results} />, mount);
    expect(mount.querySelector('#search-results')!.textContent).toContain('Kabul falls');
  });
});

describe('Popup reading switches', () => {
  it('reports first-mention-only, off for this site and pause', () => {
    const calls: string[] = [];
    render(
      <Popup
        {...base}
        onFirstOnly={(on) => calls.push(`first:${on}`)}
        onSiteOff={(off) => calls.push(`site:${off}`)}
        onPause={(p) => calls.push(`pause:${p}`)}
      />,
      mount,
    );
    expect(mount.textContent).toContain('Off on example.org');
    for (const name of ['first-only', 'site-off', 'pause']) (mount.querySelector(`input[name=${name}]`) as HTMLInputElement).click();
    expect(calls).toEqual(['first:true', 'site:true', 'pause:true']);
  });

  it('has no site switch when the tab cannot be read', () => {
    render(<Popup {...base} host={null} pageEntities={null} />, mount);
    expect(mount.querySelector('input[name=site-off]')).toBeNull();
  });
});

describe('Popup hidden entities', () => {
  it('lists the entities the reader hid, each with undo', () => {
    const onUnhide = vi.fn();
    render(<Popup {...base} hidden={[{ id: 'kabul', name: 'Kabul', type: 'place' }]} onUnhide={onUnhide} />, mount);
    expect(mount.querySelector('.hidden-entities')!.textContent).toContain('Kabul');
    (mount.querySelector('.hidden-entities .undo') as HTMLButtonElement).click();
    expect(onUnhide).toHaveBeenCalledWith('kabul');
  });
});
