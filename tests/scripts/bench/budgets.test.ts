import { describe, expect, it } from 'vitest';
import { BUDGETS, missedBudgets } from '../../../scripts/bench/budgets';

describe('bench budgets', () => {
  const within = Object.fromEntries(BUDGETS.map((b) => [b.figure, b.max]));

  it('passes figures at their budgets, and names each figure over one', () => {
    expect(missedBudgets(within)).toEqual([]);
    const over = { ...within, initMs: 15.1, 'page:options': 130 * 1024 };
    expect(missedBudgets(over).map((m) => [m.budget.figure, m.value])).toEqual([
      ['initMs', 15.1],
      ['page:options', 130 * 1024],
    ]);
  });

  it('counts a figure the bench did not measure as missed', () => {
    const { importSearchMs: _, ...rest } = within;
    expect(missedBudgets(rest).map((m) => m.budget.figure)).toEqual(['importSearchMs']);
    expect(missedBudgets({ ...within, initMs: NaN }).map((m) => m.budget.figure)).toEqual(['initMs']);
  });
});
