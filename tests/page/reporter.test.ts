// Reports to the background: one per change of counts or of address, none for a rescan that found the same.
import { describe, expect, it, vi } from 'vitest';
import { CountsReporter, type Counts } from '../../page/reporter';

function watched() {
  const send = vi.fn<(counts: Counts) => void>();
  return { send, reporter: new CountsReporter(send) };
}

describe('CountsReporter', () => {
  it('sends the first counts, even none', () => {
    const { send, reporter } = watched();
    reporter.report({}, 'https://example.org/a');
    expect(send.mock.calls).toEqual([[{}]]);
  });

  it('sends nothing again for equal counts at the same address, built afresh by a rescan', () => {
    const { send, reporter } = watched();
    reporter.report({ kabul: 1, 'zamir-kabulov': 2 }, 'https://example.org/a');
    reporter.report({ 'zamir-kabulov': 2, kabul: 1 }, 'https://example.org/a');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends when a count changes, an entity comes or goes', () => {
    const { send, reporter } = watched();
    const href = 'https://example.org/a';
    reporter.report({ kabul: 1 }, href);
    reporter.report({ kabul: 2 }, href);
    reporter.report({ kabul: 2, herat: 1 }, href);
    reporter.report({ herat: 1 }, href);
    reporter.report({ kabul: 1 }, href);
    expect(send.mock.calls.map(([c]) => c)).toEqual([{ kabul: 1 }, { kabul: 2 }, { kabul: 2, herat: 1 }, { herat: 1 }, { kabul: 1 }]);
  });

  it('sends the same counts again for a new address: the background forgot them when the tab navigated', () => {
    const { send, reporter } = watched();
    reporter.report({ kabul: 1 }, 'https://example.org/a');
    reporter.report({ kabul: 1 }, 'https://example.org/b');
    reporter.report({ kabul: 1 }, 'https://example.org/b');
    expect(send).toHaveBeenCalledTimes(2);
  });
});
