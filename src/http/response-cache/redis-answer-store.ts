import type { Redis } from 'ioredis';
import type { AnswerStore, Lookup, StoredAnswer } from './answer-store';

/** The generation and the answer stored under it, in one round trip. */
const LOOKUP = `
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}`;

/**
 * An AnswerStore in Redis, shared by every replica: a write on any replica moves the one generation on, and every
 * lookup reads the generation with the answer, so the very next request on any replica misses. Answers of retired
 * generations are left to expire after `ttlSeconds`.
 */
export class RedisAnswerStore implements AnswerStore {
  private readonly generationKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {
    this.generationKey = `${prefix}generation`;
  }

  async lookup(key: string): Promise<Lookup> {
    const [generation, stored] = (await this.redis.eval(LOOKUP, 1, this.generationKey, this.prefix, key)) as [
      string,
      string | null,
    ];
    return { generation, answer: stored === null ? undefined : (JSON.parse(stored) as StoredAnswer) };
  }

  async store(generation: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.redis.set(`${this.prefix}${generation}:${key}`, JSON.stringify(answer), 'EX', this.ttlSeconds);
  }

  async invalidate(): Promise<void> {
    await this.redis.incr(this.generationKey);
  }

  /** The connection is the caller's (it serves other caches too). */
  async close(): Promise<void> {}
}
