/** Points spent in the current fixed window of one bucket (an API key, an IP address, ...). */
export interface WindowState {
  /** Whether the points asked for were added (false: they would have passed the limit, nothing was added). */
  allowed: boolean;
  /** Points spent in this window, after this call. */
  used: number;
  /** Milliseconds until the window ends and the bucket is empty again. */
  resetMs: number;
}

/**
 * Counts points per bucket in fixed windows. @fastify/rate-limit counts requests (its stores add one per call), so
 * this small store counts cost points instead: in memory for one process, or in Redis for replicas sharing a budget.
 */
export interface CostStore {
  /** Adds `points` to the bucket unless the total would pass `limit`; a bucket's window starts with its first points. */
  consume(bucket: string, points: number, limit: number, windowMs: number): Promise<WindowState>;
  /** The bucket's points without adding any. */
  peek(bucket: string): Promise<{ used: number; resetMs: number }>;
  close(): Promise<void>;
}

interface Window {
  used: number;
  endsAt: number;
}

/** A CostStore for one process. Expired windows are dropped as the clock passes them. */
export class MemoryCostStore implements CostStore {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepEveryMs = 60_000) {
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs).unref();
  }

  private current(bucket: string, now: number): Window | undefined {
    const window = this.windows.get(bucket);
    if (window && window.endsAt <= now) {
      this.windows.delete(bucket);
      return undefined;
    }
    return window;
  }

  async consume(bucket: string, points: number, limit: number, windowMs: number): Promise<WindowState> {
    const now = Date.now();
    const window = this.current(bucket, now) ?? { used: 0, endsAt: now + windowMs };
    const allowed = window.used + points <= limit;
    if (allowed) {
      window.used += points;
      this.windows.set(bucket, window);
    }
    return { allowed, used: window.used, resetMs: window.endsAt - now };
  }

  async peek(bucket: string): Promise<{ used: number; resetMs: number }> {
    const now = Date.now();
    const window = this.current(bucket, now);
    return { used: window?.used ?? 0, resetMs: window ? window.endsAt - now : 0 };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [bucket, window] of this.windows) if (window.endsAt <= now) this.windows.delete(bucket);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}
