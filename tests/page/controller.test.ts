// @vitest-environment happy-dom
// The page controller's reports to the background: one when the page's
// counts change, none when a rescan finds what was there already.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spotterEntries } from '../../core/compile';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { PageController, type Ports } from '../../page/controller';
import { projectSources } from '../helpers';
import { installHighlightStandIn } from './live';

installHighlightStandIn();
const { entities, stopPhrases } = projectSources();
const entries = spotterEntries(entities, stopPhrases);
let controller: AbortController | null = null;

afterEach(() => {
  controller?.abort();
  document.body.innerHTML = '';
});

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('PageController reports', () => {
  it('reports the counts once per change, not once per rescan', async () => {
    document.body.innerHTML = '<p>Zamir Kabulov spoke in Kabul.</p><p id="ticker">12:00</p>';
    const report = vi.fn<Ports['report']>();
    const ports: Ports = {
      entries: async () => entries,
      watchDataset: () => () => undefined,
      card: async () => null,
      report,
      settings: async () => DEFAULT_SETTINGS,
      watchSettings: () => () => undefined,
      hide: () => undefined,
      openArticle: () => undefined,
      reject: () => undefined,
      rejected: async () => [],
      watchRejected: () => () => undefined,
    };
    controller = new AbortController();
    await new PageController(document, ports, 'en', controller.signal).start();
    await settle();
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
