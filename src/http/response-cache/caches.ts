import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { RedisKeyValueCache } from '../redis-key-value-cache';
import { connectRedis } from '../redis-connection';
import { type AnswerStore, MemoryAnswerStore } from './answer-store';
import { RedisAnswerStore } from './redis-answer-store';

/** What the GraphQL route keeps between requests. */
export interface Caches {
  /** Answers for the next caller asking the same; null when RESPONSE_CACHE=off. */
  answers: AnswerStore | null;
  /** The persisted-query registry shared by the replicas (Redis); absent: Apollo keeps it in this process. */
  persistedQueries?: RedisKeyValueCache;
  close(): Promise<void>;
}

/** The Redis keys of one database: servers of another database sharing the Redis never see them. */
export function cacheNamespace(clientUrl: string): string {
  const url = new URL(clientUrl);
  const database = createHash('sha256').update(`${url.hostname}:${url.port}${url.pathname}`).digest('hex');
  return `ca:${database.slice(0, 16)}:`;
}

/** The caches RESPONSE_CACHE and REDIS_URL ask for; with Redis, one connection serves both. */
export async function openCaches({ responseCache, redisUrl }: Config, orm: MikroORM): Promise<Caches> {
  if (!redisUrl) {
    const answers = responseCache.store === 'off' ? null : new MemoryAnswerStore(responseCache.maxEntries);
    return { answers, close: async () => answers?.close() };
  }
  const redis = await connectRedis(redisUrl);
  const namespace = cacheNamespace(orm.config.get('clientUrl')!);
  const answers =
    responseCache.store === 'off'
      ? null
      : responseCache.store === 'memory'
        ? new MemoryAnswerStore(responseCache.maxEntries)
        : new RedisAnswerStore(redis, `${namespace}answers:`, responseCache.ttlSeconds);
  return {
    answers,
    persistedQueries: new RedisKeyValueCache(redis, `${namespace}apq:`),
    close: async () => {
      await answers?.close();
      redis.disconnect();
    },
  };
}
