import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { type CostStore, LimiterBudget, type PointBudget } from './cost-store';
import { connectRedis } from './redis-connection';

/** Keys read `ca:cost:<budget>:<bucket>`, as before rate-limiter-flexible, so replicas of both kinds share budgets. */
const KEY_PREFIX = 'ca:cost:';

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
