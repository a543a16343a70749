// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoverCard } from '../../components/HoverCard';
import type { EntityCard } from '../../core/cards';

const card: EntityCard = {
  id: 'zamir-kabulov',
  type: 'person',
  name: 'Zamir Kabulov',
  description: 'Russian diplomat.',
  role: 'Envoy',
  country: 'Russia',
  timeline: [
    { month: '2021-07', count: 2 },
    { month: '2021-08', count: 0 },
  ],
  articleCount: 2,
  articles: [
    {
      id: 'a2',
      title: 'Newer article',
      date: '2021-07-14',
      lang: 'fr',
      source: 'Revue',
      snippet: { before: 'Le diplomate ', mention: 'Zamir Kabulov', after: ' a parlé.' },
    },
  ],
  related: [{ id: 'moscow', name: 'Moscow', type: 'place' }],
};

const mount = document.createElement('div');
document.body.append(mount);
afterEach(() => render(null, mount));

describe('HoverCard', () => {
  it('shows name, category, role, description, articles with date and snippet, and who appears with it', () => {
    render(<HoverCard card={card} lang="en" onClose={() => {}} />, mount);
    const text = mount.textContent!;
    for (const part of [
      'Person',
      'Zamir Kabulov',
      'Envoy',
      'Russian diplomat.',
      '2 articles in the dataset',
      'Newer article',
      '14 July 2021',
      'Revue',
      'Often appears with',
      'Moscow',
    ])
      expect(text).toContain(part);
    expect(mount.querySelector('mark')!.textContent).toBe('Zamir Kabulov');
    expect(mount.querySelector('[role=dialog]')!.getAttribute('aria-labelledby')).toBe(mount.querySelector('h2')!.id);
  });

  it('speaks French', () => {
    render(<HoverCard card={card} lang="fr" onClose={() => {}} />, mount);
    expect(mount.textContent).toContain('Personne');
    expect(mount.textContent).toContain('14 juillet 2021');
  });

  it('renders dataset strings as text, never as HTML', () => {
    const hostile = { ...card, name: '<img src=x onerror=alert(1)>', description: '<b>bold</b>' };
    render(<HoverCard card={hostile} lang="en" onClose={() => {}} />, mount);
    expect(mount.querySelector('img')).toBeNull();
    expect(mount.querySelector('.card__desc b')).toBeNull();
    expect(mount.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('calls onClose from its close button', () => {
    const onClose = vi.fn();
    render(<HoverCard card={card} lang="en" onClose={onClose} />, mount);
    (mount.querySelector('.card__close') as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('HoverCard actions', () => {
  it('offers "Don\'t highlight this" when the container handles it', () => {
    const onHide = vi.fn();
    render(<HoverCard card={card} lang="en" onClose={() => {}} onHide={onHide} />, mount);
    (mount.querySelector('.card__action--hide') as HTMLButtonElement).click();
    expect(onHide).toHaveBeenCalledOnce();
    render(<HoverCard card={card} lang="en" onClose={() => {}} />, mount);
    expect(mount.querySelector('.card__action')).toBeNull();
  });
});

describe('HoverCard content blocks', () => {
  it('keeps a timeline stretched by imported articles within the card, and says its period', () => {
    const months = Array.from({ length: 120 }, (_, i) => ({ month: `${2012 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, count: i % 3 }));
    render(<HoverCard card={{ ...card, timeline: months }} lang="fr" onClose={() => {}} />, mount);
    const spark = mount.querySelector('.card__spark')!;
    expect(Number(spark.getAttribute('width'))).toBeLessThanOrEqual(240);
    expect(spark.querySelectorAll('rect')).toHaveLength(120);
    expect(spark.getAttribute('aria-label')).toBe('Mentions par mois, janvier 2012 – décembre 2021');
  });

  it('shows the country, a sparkline with one bar per month, and a map for places', () => {
    const place = { ...card, type: 'place' as const, country: undefined, map: { width: 160, height: 96, land: 'M0,0L10,10Z', x: 80, y: 48 } };
    render(<HoverCard card={place} lang="en" onClose={() => {}} />, mount);
    expect(mount.querySelectorAll('.card__spark rect')).toHaveLength(2);
    expect(mount.querySelector('.card__spark')!.getAttribute('aria-label')).toBe('Mentions by month, July 2021 – August 2021');
    expect(mount.querySelector('.card__map path')!.getAttribute('d')).toBe('M0,0L10,10Z');
    expect(mount.querySelector('.card__map circle')!.getAttribute('cx')).toBe('80');
    render(<HoverCard card={card} lang="en" onClose={() => {}} />, mount);
    expect(mount.querySelector('.card__role')!.textContent).toBe('Envoy · Russia');
    expect(mount.querySelector('.card__map')).toBeNull();
  });

  it('opens an article and another entity’s card from its buttons', () => {
    const onOpenArticle = vi.fn();
    const onEntity = vi.fn();
    render(<HoverCard card={card} lang="en" onClose={() => {}} onOpenArticle={onOpenArticle} onEntity={onEntity} />, mount);
    (mount.querySelector('.card__link') as HTMLButtonElement).click();
    (mount.querySelector('.card__related button.chip') as HTMLButtonElement).click();
    expect(onOpenArticle).toHaveBeenCalledWith('a2');
    expect(onEntity).toHaveBeenCalledWith('moscow');
  });

  it('shows inhabitants, an "as of" date and the namesakes passed over, all as text', () => {
    const onEntity = vi.fn();
    const place: EntityCard = {
      ...card,
      id: 'georgia',
      type: 'place',
      name: 'Georgia',
      population: 3_700_000,
      asOf: '2025-06-01',
      namesakes: { why: 'context', others: [{ id: 'georgia-us-state', name: 'Georgia', type: 'place', hint: '<b>State</b> of the United States' }] },
      match: { form: 'Georgia', rule: 'context', name: 'Tbilisi' },
    };
    render(<HoverCard card={place} lang="en" onClose={() => {}} onEntity={onEntity} />, mount);
    const text = mount.textContent!;
    expect(text).toContain('3.7 million inhabitants (GeoNames) · as of June 2025');
    expect(text).toContain('“Georgia”: chosen because Tbilisi is on this page.');
    expect(text).toContain('Did you mean:');
    expect(text).toContain('Georgia (<b>State</b> of the United States)');
    expect(mount.querySelector('.card__namesakes b')).toBeNull();
    (mount.querySelector('.card__namesakes button') as HTMLButtonElement).click();
    expect(onEntity).toHaveBeenCalledWith('georgia-us-state');
    render(<HoverCard card={{ ...place, match: { form: 'Géorgie', rule: 'prominence' } }} lang="fr" onClose={() => {}} />, mount);
    expect(mount.textContent).toContain('3,7 millions habitants (GeoNames) · situation en juin 2025');
    expect(mount.textContent).toContain('« Géorgie » : le plus connu des lieux de ce nom.');
  });

  it('says in one line how the mention was matched, beside "Not this one", as text', () => {
    const line = (match: EntityCard['match'], lang: 'en' | 'fr' = 'en') => {
      render(<HoverCard card={{ ...card, match }} lang={lang} onClose={() => {}} onReject={() => {}} />, mount);
      return mount.querySelector('.card__how')?.textContent;
    };
    expect(line({ form: 'Hibatullah', rule: 'short', name: 'Hibatullah Akhundzada' })).toBe(
      '“Hibatullah” alone, after “Hibatullah Akhundzada” earlier on this page.',
    );
    expect(line({ form: 'UN', rule: 'exact' })).toBe('“UN”, matched only as written, in capitals (an acronym).');
    expect(line({ form: 'Kaboul', rule: 'name' }, 'fr')).toBe('Trouvé sous la forme « Kaboul », l’un de ses noms.');
    expect(line({ form: '<i>Nice</i>', rule: 'context', name: 'France' })).toBe('“<i>Nice</i>”: chosen because France is on this page.');
    expect(mount.querySelector('.card__how i')).toBeNull();
    expect(mount.querySelector('.card__how + .card__actions .card__action--reject')).not.toBeNull();
    expect(line(undefined)).toBeUndefined();
  });
});
