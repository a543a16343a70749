// @vitest-environment happy-dom
// The page controller's wiring: reports to the background (one when the
// page's counts change, none when a rescan finds what was there already),
// stepping through mentions into cards, settings that hide a mention, and
// teardown when the extension goes. The parts are tested on their own in
// their files; here they are tested joined.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityCard } from '../../core/cards';
import { spotterEntries } from '../../core/compile';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { UI_HOST_TAG } from '../../page/collect';
import { PageController, type Ports } from '../../page/controller';
import { LiveScanner } from '../../page/live-scanner';
import { askFrom, projectSources } from '../helpers';
import { installHighlightStandIn } from './live';

installHighlightStandIn();
const { entities, stopPhrases } = projectSources();
const entries = spotterEntries(entities, stopPhrases);
let controller: AbortController | null = null;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  controller?.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** Lets the scanner's slices, frames and mutation batches run. */
const settle = () => vi.advanceTimersByTimeAsync(150);

function ports(extra: Partial<Ports> = {}): Ports {
  return {
    aliases: askFrom(entries),
    watchDataset: () => () => undefined,
    card: async () => null,
    report: () => undefined,
    settings: async () => DEFAULT_SETTINGS,
    watchSettings: () => () => undefined,
    hide: () => undefined,
    openArticle: () => undefined,
    reject: () => undefined,
    rejected: async () => [],
    watchRejected: () => () => undefined,
    ...extra,
  };
}

/** A controller started on `html`, its scan done. */
async function started(html: string, extra: Partial<Ports> = {}): Promise<PageController> {
  document.body.innerHTML = html;
  controller = new AbortController();
  const page = new PageController(document, ports(extra), 'en', controller.signal);
  const start = page.start();
  await settle();
  await start;
  return page;
}

/** A card request the test answers when it chooses. */
function deferredCard() {
  let answer!: (card: EntityCard | null) => void;
  const card = vi.fn<Ports['card']>(() => new Promise((resolve) => (answer = resolve)));
  return { card, answer: (c: EntityCard | null) => answer(c) };
}

const cardFor = (id: string): EntityCard => ({ id, type: 'person', name: id, description: '', timeline: [], articleCount: 0, articles: [], related: [] });
/** A card is on screen (the UI host may be there for its live region alone). */
const cardShown = () => !!document.querySelector(UI_HOST_TAG)?.shadowRoot?.querySelector('.card');
/** The mouse moves over the page, away from any mention (happy-dom finds no text under a point). */
const move = () => document.dispatchEvent(new PointerEvent('pointermove', { clientX: 1, clientY: 1, pointerType: 'mouse' }));
const escape = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
const PAGE = '<p>Zamir Kabulov spoke in Kabul.</p>';

describe('PageController reports', () => {
  it('reports the counts once per change, not once per rescan', async () => {
    const report = vi.fn<Ports['report']>();
    await started('<p>Zamir Kabulov spoke in Kabul.</p><p id="ticker">12:00</p>', { report });
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.lastCall?.[0]).toEqual({ 'zamir-kabulov': 1, kabul: 1 });
    // A ticker that names no one, rewritten three times: rescans, no new report.
    const ticker = document.getElementById('ticker')!.firstChild as Text;
    for (const time of ['12:01', '12:02', '12:03']) {
      ticker.data = time;
      await settle();
    }
    expect(report).toHaveBeenCalledTimes(1);
    ticker.data = '12:04 Kabul';
    await settle();
    expect(report).toHaveBeenCalledTimes(2);
    expect(report.mock.lastCall?.[0]).toEqual({ 'zamir-kabulov': 1, kabul: 2 });
  });
});

describe('PageController navigation', () => {
  it('steps through the shown mentions, wrapping, and Escape starts again from the first', async () => {
    const requests = vi.fn<Ports['card']>(async () => null);
    const page = await started(PAGE, { card: requests });
    const said: (string | null | undefined)[] = [];
    const stepped = [1, 1, 1].map(() => {
      const moved = page.step(1);
      said.push(document.querySelector(UI_HOST_TAG)?.shadowRoot?.querySelector('[role=status]')?.textContent);
      return moved;
    });
    expect(stepped).toEqual([true, true, true]);
    expect(requests.mock.calls.map(([entity]) => entity)).toEqual(['zamir-kabulov', 'kabul', 'zamir-kabulov']);
    // Screen readers hear where the keyboard went: highlights are not exposed to them.
    expect(said).toEqual(['mention 1 of 2, Zamir Kabulov', 'mention 2 of 2, Kabul', 'mention 1 of 2, Zamir Kabulov']);
    // The card hears how the mention was matched, and its text.
    expect(requests.mock.calls[0]![2]).toEqual({ form: 'Zamir Kabulov' });
    escape();
    page.step(1);
    expect(requests.mock.lastCall?.[0]).toBe('zamir-kabulov');
  });

  it("reveals an entity's mentions in turn, and says when it has none", async () => {
    const requests = vi.fn<Ports['card']>(async () => null);
    const page = await started('<p>Kabul, Zamir Kabulov, Kabul.</p>', { card: requests });
    expect(page.reveal('kabul')).toBe(true);
    expect(page.reveal('kabul')).toBe(true);
    expect(page.reveal('herat')).toBe(false);
    expect(requests.mock.calls.map(([entity]) => entity)).toEqual(['kabul', 'kabul']);
  });

  it('opens the card of a mention stepped to once it arrives, with focus in it for the keyboard', async () => {
    const { card, answer } = deferredCard();
    const page = await started(PAGE, { card });
    page.step(1);
    expect(cardShown()).toBe(false);
    answer(cardFor('zamir-kabulov'));
    await settle();
    expect(cardShown()).toBe(true);
    const focused = document.querySelector(UI_HOST_TAG)!.shadowRoot!.activeElement;
    expect(focused?.classList.contains('card')).toBe(true);
  });
});

describe('PageController settings', () => {
  it('stops showing, counting and stepping to an entity hidden in the settings, and closes its card', async () => {
    let changed: ((s: Settings) => void) | undefined;
    const report = vi.fn<Ports['report']>();
    const { card, answer } = deferredCard();
    const page = await started(PAGE, { card, report, watchSettings: (cb) => ((changed = cb), () => undefined) });
    page.step(1);
    changed!({ ...DEFAULT_SETTINGS, hiddenEntities: ['zamir-kabulov'] });
    answer(cardFor('zamir-kabulov'));
    await settle();
    expect(cardShown()).toBe(false);
    expect(page.counts()).toEqual({ kabul: 1 });
    expect(report.mock.lastCall?.[0]).toEqual({ kabul: 1 });
    page.step(1);
    expect(card.mock.lastCall?.[0]).toBe('kabul');
  });

  it('is inactive on a site the reader switched it off for', async () => {
    const page = await started(PAGE, { settings: async () => ({ ...DEFAULT_SETTINGS, offSites: [location.hostname] }) });
    expect(page.active).toBe(false);
    expect(page.counts()).toEqual({});
  });

  it('logs an error in a settings change once, and never throws it into the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let changed: ((s: Settings) => void) | undefined;
    await started(PAGE, { watchSettings: (cb) => ((changed = cb), () => undefined) });
    const broken = {} as Settings;
    expect(() => changed!(broken)).not.toThrow();
    expect(() => changed!(broken)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('PageController dataset', () => {
  it('rescans when the alias list changed, and not for the same list fetched again', async () => {
    let current = entries;
    let changed: (() => void) | undefined;
    const rescan = vi.spyOn(LiveScanner.prototype, 'setSpotter');
    const page = await started(PAGE, { aliases: askFrom(() => current), watchDataset: (cb) => ((changed = cb), () => undefined) });
    await page.reloadDataset();
    expect(rescan).not.toHaveBeenCalled();
    current = entries.filter((e) => e.entity !== 'kabul');
    changed!();
    await settle();
    expect(rescan).toHaveBeenCalledTimes(1);
    expect(page.counts()).toEqual({ 'zamir-kabulov': 1 });
  });
});

describe('PageController teardown', () => {
  it('stops watching and listening once its signal aborts', async () => {
    const unwatch = [vi.fn(), vi.fn(), vi.fn()] as const;
    await started(PAGE, { watchSettings: () => unwatch[0], watchRejected: () => unwatch[1], watchDataset: () => unwatch[2] });
    controller!.abort();
    for (const stop of unwatch) expect(stop).toHaveBeenCalledTimes(1);
    move();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears the timer of a closing card when its signal aborts', async () => {
    const page = await started(PAGE);
    page.step(1);
    // The mouse moves off the mention the keyboard opened: the card's grace period starts.
    move();
    vi.advanceTimersToNextFrame();
    expect(vi.getTimerCount()).toBe(1);
    controller!.abort();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows no card answered after its signal aborted', async () => {
    const { card, answer } = deferredCard();
    const page = await started(PAGE, { card });
    page.step(1);
    controller!.abort();
    answer(cardFor('zamir-kabulov'));
    await settle();
    expect(cardShown()).toBe(false);
  });
});
