import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryBudget, MemoryCostStore } from '../../src/http/cost-store';
import { chargeWindow, type FixedWindow, isOpen, peekWindow } from '../../src/http/fixed-window';

const LIMIT = 50;
const WINDOW_MS = 60_000;
const NOW = 1_000_000;

describe('chargeWindow', () => {
  // [case, the bucket's window, points, expected state]
  const cases: [string, FixedWindow | undefined, number, ReturnType<typeof chargeWindow>][] = [
    ['no window: one opens with the points', undefined, 30, { allowed: true, used: 30, resetMs: 60_000 }],
    ['no window, the whole limit', undefined, 50, { allowed: true, used: 50, resetMs: 60_000 }],
    ['no window, over the limit alone: none opens', undefined, 51, { allowed: false, used: 0, resetMs: 0 }],
    ['open window: added', { used: 30, endsAt: NOW + 41_000 }, 20, { allowed: true, used: 50, resetMs: 41_000 }],
    ['open window, one too many', { used: 50, endsAt: NOW + 41_000 }, 1, { allowed: false, used: 50, resetMs: 41_000 }],
    ['open window, more than left', { used: 47, endsAt: NOW + 1 }, 6, { allowed: false, used: 47, resetMs: 1 }],
    [
      'open window, over the limit alone',
      { used: 3, endsAt: NOW + 9_000 },
      51,
      { allowed: false, used: 3, resetMs: 9_000 },
    ],
    ['window ended now: a new one opens', { used: 50, endsAt: NOW }, 1, { allowed: true, used: 1, resetMs: 60_000 }],
    [
      'window ended before: a new one opens',
      { used: 50, endsAt: NOW - 5 },
      50,
      { allowed: true, used: 50, resetMs: 60_000 },
    ],
  ];
  it.each(cases)('%s', (_case, window, points, expected) => {
    expect(chargeWindow(window, points, LIMIT, WINDOW_MS, NOW)).toEqual(expected);
  });

  it('leaves the window as it was (the store writes the charge)', () => {
    const window = { used: 30, endsAt: NOW + 41_000 };
    chargeWindow(window, 20, LIMIT, WINDOW_MS, NOW);
    expect(window).toEqual({ used: 30, endsAt: NOW + 41_000 });
  });
});

describe('peekWindow and isOpen', () => {
  it('reads an open window, and nothing once it ended', () => {
    const window = { used: 12, endsAt: NOW + 2_500 };
    expect(peekWindow(window, NOW)).toEqual({ used: 12, resetMs: 2_500 });
    expect(peekWindow(window, NOW + 2_499)).toEqual({ used: 12, resetMs: 1 });
    expect(peekWindow(window, NOW + 2_500)).toEqual({ used: 0, resetMs: 0 });
    expect(peekWindow(undefined, NOW)).toEqual({ used: 0, resetMs: 0 });
    expect(isOpen(window, NOW + 2_499)).toBe(true);
    expect(isOpen(window, NOW + 2_500)).toBe(false);
  });
});

describe('MemoryBudget', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers at once, without a promise', () => {
    const budget = new MemoryBudget(LIMIT, 60);
    expect(budget.consume('a', 1)).toEqual({ allowed: true, used: 1, resetMs: 60_000 });
    expect(budget.peek('a')).toMatchObject({ used: 1 });
  });

  it('keeps a fixed window from the first points, counting down to its end, then starts afresh', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const budget = new MemoryBudget(5, 2);
    expect(budget.consume('a', 3)).toEqual({ allowed: true, used: 3, resetMs: 2_000 });
    vi.setSystemTime(NOW + 1_200);
    expect(budget.consume('a', 2)).toEqual({ allowed: true, used: 5, resetMs: 800 });
    expect(budget.consume('a', 1)).toEqual({ allowed: false, used: 5, resetMs: 800 });
    // a refusal adds nothing: the bucket still holds 5
    expect(budget.peek('a')).toEqual({ used: 5, resetMs: 800 });
    vi.setSystemTime(NOW + 2_000);
    expect(budget.peek('a')).toEqual({ used: 0, resetMs: 0 });
    expect(budget.consume('a', 1)).toEqual({ allowed: true, used: 1, resetMs: 2_000 });
  });

  it('keeps one window per bucket', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const budget = new MemoryBudget(5, 2);
    budget.consume('a', 5);
    vi.setSystemTime(NOW + 500);
    expect(budget.consume('b', 2)).toEqual({ allowed: true, used: 2, resetMs: 2_000 });
    expect(budget.consume('a', 1)).toEqual({ allowed: false, used: 5, resetMs: 1_500 });
  });

  it('sweeps ended windows without touching open ones', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const budget = new MemoryBudget(5, 2);
    budget.consume('early', 4);
    vi.setSystemTime(NOW + 1_500);
    budget.consume('late', 2);
    // the next charge after a window's length sweeps: `early` ended, `late` is still open
    vi.setSystemTime(NOW + 2_100);
    expect(budget.consume('other', 1).allowed).toBe(true);
    expect(budget.peek('early')).toEqual({ used: 0, resetMs: 0 });
    expect(budget.peek('late')).toEqual({ used: 2, resetMs: 1_400 });
    expect(budget.consume('late', 3)).toEqual({ allowed: true, used: 5, resetMs: 1_400 });
  });

  it('is shared by the budgets of one name in a store, as in Redis', () => {
    const store = new MemoryCostStore();
    store.budget('key', 5, 60).consume('a', 4);
    expect(store.budget('key', 5, 60).consume('a', 2).allowed).toBe(false);
    expect(store.budget('ip', 5, 60).consume('a', 2).allowed).toBe(true);
  });
});
