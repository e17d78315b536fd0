import { chargeWindow, type FixedWindow, isOpen, peekWindow } from './fixed-window';

/** Points spent in the current fixed window of one bucket (an API key, an IP address, ...). */
export interface WindowState {
  /** Whether the points asked for were added (false: they would have passed the limit, nothing was added). */
  allowed: boolean;
  /** Points spent in this window, after this call. */
  used: number;
  /** Milliseconds until the window ends and the bucket is empty again. */
  resetMs: number;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * A limit of points per fixed window, counted per bucket; a bucket's window starts with its first points. A budget
 * in memory answers at once, one in Redis by promise: callers await only a promise, so a request charged in memory
 * costs no promise and no microtask.
 */
export interface PointBudget {
  readonly limit: number;
  /** Adds `points` to the bucket unless the total would pass the limit. */
  consume(bucket: string, points: number): MaybePromise<WindowState>;
  /** The bucket's points without adding any. */
  peek(bucket: string): MaybePromise<{ used: number; resetMs: number }>;
}

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}

/**
 * Where budgets are counted: in memory for one process, or in Redis for replicas sharing them. @fastify/rate-limit
 * counts requests, so budgets count cost points: in memory with fixed windows of our own (./fixed-window.ts), in
 * Redis with rate-limiter-flexible.
 */
export interface CostStore {
  /**
   * The budget `name`: `limit` points per bucket per window of `windowSeconds` (whole seconds, as Redis expires keys).
   * Budgets of one name share their buckets (across replicas too, in Redis); give each limit a name of its own.
   */
  budget(name: string, limit: number, windowSeconds: number): PointBudget;
  close(): Promise<void>;
}

/**
 * A budget of one process: the fixed windows of rate-limiter-flexible's memory limiter, counted synchronously (the
 * library answers by promise even in memory). A check and its charge happen in one call, so concurrent requests can
 * never spend past the limit. Ended windows are dropped at most once per window length, in one pass, instead of by a
 * timer per bucket.
 */
export class MemoryBudget implements PointBudget {
  private readonly windows = new Map<string, FixedWindow>();
  private readonly windowMs: number;
  private nextSweep = 0;

  constructor(
    readonly limit: number,
    windowSeconds: number,
  ) {
    this.windowMs = windowSeconds * 1000;
  }

  consume(bucket: string, points: number): WindowState {
    const now = Date.now();
    if (now >= this.nextSweep) this.sweep(now);
    const window = this.windows.get(bucket);
    const charge = chargeWindow(window, points, this.limit, this.windowMs, now);
    if (!charge.allowed) return charge;
    if (isOpen(window, now)) window.used = charge.used;
    else this.windows.set(bucket, { used: charge.used, endsAt: now + this.windowMs });
    return charge;
  }

  peek(bucket: string): { used: number; resetMs: number } {
    return peekWindow(this.windows.get(bucket), Date.now());
  }

  private sweep(now: number): void {
    for (const [bucket, window] of this.windows) if (!isOpen(window, now)) this.windows.delete(bucket);
    this.nextSweep = now + this.windowMs;
  }
}

/** A CostStore for one process. */
export class MemoryCostStore implements CostStore {
  // one budget per name, so that budgets of one name share buckets here as they do in Redis
  private readonly budgets = new Map<string, MemoryBudget>();

  budget(name: string, limit: number, windowSeconds: number): MemoryBudget {
    let budget = this.budgets.get(name);
    if (!budget) {
      budget = new MemoryBudget(limit, windowSeconds);
      this.budgets.set(name, budget);
    }
    return budget;
  }

  async close(): Promise<void> {}
}
