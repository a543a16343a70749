// Errors in Repères: kept from the page, and logged once however often they recur.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorGuard } from '../../page/error-guard';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('errorGuard', () => {
  it('keeps an error from the caller and logs only the first', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const guard = errorGuard();
    const first = new Error('first');
    expect(() =>
      guard.safely(() => {
        throw first;
      }),
    ).not.toThrow();
    guard.safely(() => {
      throw new Error('second');
    });
    guard.logOnce(new Error('third'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('[Repères]', first);
  });

  it('runs the function it is given', () => {
    const fn = vi.fn();
    errorGuard().safely(fn);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('gives each guard its own first error', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    errorGuard().logOnce('a');
    errorGuard().logOnce('b');
    expect(warn.mock.calls).toEqual([
      ['[Repères]', 'a'],
      ['[Repères]', 'b'],
    ]);
  });
});
