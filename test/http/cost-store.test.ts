import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { type CostStore, MemoryCostStore } from '../../src/http/cost-store';
import { RedisCostStore } from '../../src/http/redis-cost-store';
import { redisAnswers, TEST_REDIS_URL } from './redis-available';
import { startStallingProxy } from './stalling-proxy';

let redisUp = false;
beforeAll(async () => {
  redisUp = await redisAnswers();
});

const stores: CostStore[] = [];
afterAll(() => Promise.all(stores.map((store) => store.close())));

/** [name, open a store, whether it needs Redis, whether two instances share buckets (as replicas do)] */
const kinds: [string, () => Promise<CostStore>, boolean, boolean][] = [
  ['memory', async () => new MemoryCostStore(), false, false],
  ['Redis', () => RedisCostStore.connect(TEST_REDIS_URL), true, true],
];

describe.each(kinds)('%s cost store', (_kind, open, needsRedis, shared) => {
  async function store({ skip }: TestContext): Promise<CostStore> {
    if (needsRedis && !redisUp) skip('no Redis answers on 127.0.0.1:6379');
    const opened = await open();
    stores.push(opened);
    return opened;
  }

  it('adds points up to the limit and refuses, adding nothing, beyond it', async (context) => {
    const costs = await store(context);
    const bucket = `test:${randomUUID()}`;
    const budget = costs.budget('test', 50, 10);
    expect(await budget.consume(bucket, 30)).toMatchObject({ allowed: true, used: 30 });
    expect(await budget.consume(bucket, 20)).toMatchObject({ allowed: true, used: 50 });
    const refused = await budget.consume(bucket, 1);
    expect(refused).toMatchObject({ allowed: false, used: 50 });
    expect(refused.resetMs).toBeGreaterThan(9_000);
    expect(refused.resetMs).toBeLessThanOrEqual(10_000);
    expect(await budget.peek(bucket)).toMatchObject({ used: 50 });
  });

  it('refuses one request larger than the whole limit without opening a window', async (context) => {
    const costs = await store(context);
    const bucket = `test:${randomUUID()}`;
    const budget = costs.budget('test', 50, 10);
    expect(await budget.consume(bucket, 60)).toMatchObject({ allowed: false, used: 0 });
    expect(await budget.peek(bucket)).toEqual({ used: 0, resetMs: 0 });
  });

  it('starts a new window when the old one ends', async (context) => {
    const costs = await store(context);
    const bucket = `test:${randomUUID()}`;
    // windows are whole seconds (Redis expires keys by the second)
    const budget = costs.budget('test', 5, 1);
    await budget.consume(bucket, 5);
    const refused = await budget.consume(bucket, 1);
    expect(refused.allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, refused.resetMs + 50));
    expect(await budget.consume(bucket, 1)).toMatchObject({ allowed: true, used: 1 });
  });

  it('never lets concurrent callers (of two instances when shared) spend past the limit', async (context) => {
    const first = await store(context);
    const second = shared ? await store(context) : first;
    const bucket = `test:${randomUUID()}`;
    const budgets = [first.budget('test', 50, 10), second.budget('test', 50, 10)];
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => budgets[i % 2].consume(bucket, 1)));
    expect(results.filter((result) => result.allowed)).toHaveLength(50);
    expect((await budgets[0].peek(bucket)).used).toBe(50);
  });
});

describe('Redis cost store during an outage', () => {
  it('counts and refuses in memory while Redis is gone (the insurance limiter)', async ({ skip }) => {
    if (!redisUp) skip('no Redis answers on 127.0.0.1:6379');
    const proxy = await startStallingProxy(TEST_REDIS_URL);
    const costs = await RedisCostStore.connect(proxy.url);
    stores.push(costs);
    const budget = costs.budget('test', 5, 10);
    const bucket = `test:${randomUUID()}`;
    expect(await budget.consume(bucket, 3)).toMatchObject({ allowed: true, used: 3 });
    await proxy.stop();
    expect(await budget.consume(bucket, 5)).toMatchObject({ allowed: true, used: 5 });
    expect(await budget.consume(bucket, 1)).toMatchObject({ allowed: false, used: 5 });
    expect(await budget.peek(bucket)).toMatchObject({ used: 5 });
  });
});
