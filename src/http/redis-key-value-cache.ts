import type { Redis } from 'ioredis';

/**
 * Apollo Server's key-value cache interface over Redis, for the persisted-query (APQ) registry: a query registered
 * on one replica is found by its hash on every other. A Redis failure reads as "not registered", so the client sends
 * the query in full again rather than failing.
 */
export class RedisKeyValueCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    try {
      if (options?.ttl) await this.redis.set(this.prefix + key, value, 'EX', options.ttl);
      else await this.redis.set(this.prefix + key, value);
    } catch {
      // unregistered: the next request by hash asks the client for the full query
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.redis.del(this.prefix + key);
    } catch {
      // an entry left behind only answers its own hash
    }
  }
}
