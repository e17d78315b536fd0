import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { CostStore, PointBudget, WindowState } from './cost-store';
import { connectRedis } from './redis-connection';

/** Keys read `ca:cost:<budget>:<bucket>`, as before rate-limiter-flexible, so replicas of both kinds share budgets. */
const KEY_PREFIX = 'ca:cost:';

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

/**
 * A CostStore in Redis, so that every replica draws on the same budgets. While Redis does not answer, each budget is
 * counted in this process's memory (rate-limiter-flexible's insurance limiter): a replica keeps limiting on its own
 * rather than serving uncharged, and goes back to Redis once it answers again.
 */
export class RedisCostStore implements CostStore {
  private constructor(private readonly redis: Redis) {}

  static async connect(url: string): Promise<RedisCostStore> {
    return new RedisCostStore(await connectRedis(url));
  }

  budget(name: string, limit: number, windowSeconds: number): PointBudget {
    const options = { keyPrefix: KEY_PREFIX + name, points: limit, duration: windowSeconds };
    const limiter = new RateLimiterRedis({
      ...options,
      storeClient: this.redis,
      // while the connection is down, go to the insurance at once instead of trying a command
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
    return new LimiterBudget(limiter, limit);
  }

  async close(): Promise<void> {
    // during an outage QUIT cannot be sent: drop the connection instead
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
