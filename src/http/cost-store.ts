import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Points spent in the current fixed window of one bucket (an API key, an IP address, ...). */
export interface WindowState {
  /** Whether the points asked for were added (false: they would have passed the limit, nothing was added). */
  allowed: boolean;
  /** Points spent in this window, after this call. */
  used: number;
  /** Milliseconds until the window ends and the bucket is empty again. */
  resetMs: number;
}

/** A limit of points per fixed window, counted per bucket; a bucket's window starts with its first points. */
export interface PointBudget {
  readonly limit: number;
  /** Adds `points` to the bucket unless the total would pass the limit. */
  consume(bucket: string, points: number): Promise<WindowState>;
  /** The bucket's points without adding any. */
  peek(bucket: string): Promise<{ used: number; resetMs: number }>;
}

/**
 * Where budgets are counted: in memory for one process, or in Redis for replicas sharing them. @fastify/rate-limit
 * counts requests, so budgets count cost points with rate-limiter-flexible instead.
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
 * A PointBudget over a rate-limiter-flexible limiter of `limit` points. The library adds the points and then refuses
 * when the total passed the limit, leaving them added; a refused request must cost nothing, so its points are given
 * back (`reward`) at once. Both steps are atomic in the store, so replicas never spend past the limit together; in the
 * instant between them another request of the same bucket may be refused although it would fit, never the reverse.
 * The alternative, reading first (`get`) and adding after, would let two replicas both spend the last points.
 */
export class LimiterBudget implements PointBudget {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    readonly limit: number,
  ) {}

  async consume(bucket: string, points: number): Promise<WindowState> {
    // more than the whole limit can never fit: refused without opening a window
    if (points > this.limit) return { allowed: false, ...(await this.peek(bucket)) };
    try {
      const added = await this.limiter.consume(bucket, points);
      return { allowed: true, used: added.consumedPoints, resetMs: added.msBeforeNext };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      await this.limiter.reward(bucket, points);
      return { allowed: false, used: refusal.consumedPoints - points, resetMs: refusal.msBeforeNext };
    }
  }

  async peek(bucket: string): Promise<{ used: number; resetMs: number }> {
    const state = await this.limiter.get(bucket);
    return { used: state?.consumedPoints ?? 0, resetMs: state ? Math.max(state.msBeforeNext, 0) : 0 };
  }
}

/** A CostStore for one process; rate-limiter-flexible drops each window as it ends. */
export class MemoryCostStore implements CostStore {
  // one limiter per name, so that budgets of one name share buckets here as they do in Redis
  private readonly budgets = new Map<string, PointBudget>();

  budget(name: string, limit: number, windowSeconds: number): PointBudget {
    let budget = this.budgets.get(name);
    if (!budget) {
      const limiter = new RateLimiterMemory({ keyPrefix: name, points: limit, duration: windowSeconds });
      budget = new LimiterBudget(limiter, limit);
      this.budgets.set(name, budget);
    }
    return budget;
  }

  async close(): Promise<void> {}
}
