import type { Redis } from 'ioredis';
import type { CostStore, WindowState } from './cost-store';
import { connectRedis } from './redis-connection';

const KEY_PREFIX = 'ca:cost:';

/**
 * Adds ARGV[1] points to KEYS[1] unless that would pass ARGV[2]; the key expires ARGV[3] ms after its first points.
 * A script runs atomically, so replicas never both spend the last points of a bucket.
 */
const CONSUME = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local points = tonumber(ARGV[1])
if used + points > tonumber(ARGV[2]) then
  return {0, used, redis.call('PTTL', KEYS[1])}
end
used = redis.call('INCRBY', KEYS[1], points)
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  ttl = tonumber(ARGV[3])
end
return {1, used, ttl}`;

const PEEK = `return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}`;

/** A CostStore in Redis, so that every replica draws on the same budget. */
export class RedisCostStore implements CostStore {
  private constructor(private readonly redis: Redis) {}

  /** Connects now, so a wrong REDIS_URL stops the server at start rather than on the first request. */
  static async connect(url: string): Promise<RedisCostStore> {
    return new RedisCostStore(await connectRedis(url));
  }

  async consume(bucket: string, points: number, limit: number, windowMs: number): Promise<WindowState> {
    const [allowed, used, ttl] = (await this.redis.eval(CONSUME, 1, KEY_PREFIX + bucket, points, limit, windowMs)) as [
      number,
      number,
      number,
    ];
    return { allowed: allowed === 1, used, resetMs: ttl > 0 ? ttl : windowMs };
  }

  async peek(bucket: string): Promise<{ used: number; resetMs: number }> {
    const [used, ttl] = (await this.redis.eval(PEEK, 1, KEY_PREFIX + bucket)) as [number, number];
    return { used, resetMs: Math.max(ttl, 0) };
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
