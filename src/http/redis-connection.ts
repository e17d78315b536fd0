import type { Redis } from 'ioredis';

/**
 * Connects now, so a wrong REDIS_URL stops the server at start rather than on the first request. No offline queue and
 * one retry: while Redis is away a command fails at once (and the caller falls back) instead of waiting in a queue.
 */
export async function connectRedis(url: string): Promise<Redis> {
  // loaded with the first connection: a server without REDIS_URL never holds the client
  const { Redis } = await import('ioredis');
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
