import { Redis } from 'ioredis';

/**
 * A Redis connection for state the replicas share (rate-limit budgets, stored answers), connected now, so a wrong
 * REDIS_URL stops the server at start rather than on the first request. Commands fail fast instead of queueing while
 * Redis is away: every caller treats a failure as "not known" and serves without it.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Cannot connect to Redis at REDIS_URL: ${(error as Error).message}`, { cause: error });
  }
  return redis;
}
