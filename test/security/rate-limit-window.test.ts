import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { redisAnswers, TEST_REDIS_URL } from '../http/redis-available';
import { startStallingProxy, type StallingProxy } from '../http/stalling-proxy';
import { startTestApp, type TestApp } from '../support/test-app';
import { budgetOf, errorCode, freshIp, limitsWith, send } from './support';

// costs 1 + 5 × 1 = 6 points
const SIX_POINTS = '{ members(first: 5) { nodes { name } } }';
const LIMITS = limitsWith({ anonymousRateLimitPoints: 30, rateLimitPoints: 40, rateLimitWindowSeconds: 2 });

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp({ limits: LIMITS });
});
afterAll(() => api.close());

function wait(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('the rate-limit window in memory', () => {
  it('is fixed from the first point: it counts down, then the budget is whole again', async () => {
    const ip = freshIp();
    // the first through Apollo Server, the later ones answered directly: both charge alike
    const first = await send(api, { query: SIX_POINTS }, { ip });
    expect(first.json!.errors).toBeUndefined();
    expect(budgetOf(first)).toEqual({ limit: 30, remaining: 24, reset: 2 });
    await wait(1_100);
    const later = await send(api, { query: SIX_POINTS }, { ip });
    expect(later.json!.errors).toBeUndefined();
    expect(budgetOf(later)).toEqual({ limit: 30, remaining: 18, reset: 1 });
    expect(later.json!.extensions.cost).toMatchObject({ currentlyAvailable: 18, resetInSeconds: 1 });
    await wait(1_000);
    const next = await send(api, { query: SIX_POINTS }, { ip });
    expect(next.json!.errors).toBeUndefined();
    expect(budgetOf(next)).toEqual({ limit: 30, remaining: 24, reset: 2 });
  });
});

describe('the two charges in memory', () => {
  let steady: TestApp;
  beforeAll(async () => {
    steady = await startTestApp({ limits: { ...LIMITS, rateLimitWindowSeconds: 60 } });
  });
  afterAll(() => steady.close());

  it('refuse by the cost of the operation, then on arrival, whichever path would answer', async () => {
    const ip = freshIp();
    // 4 points each: the first through Apollo Server, the later ones answered directly
    const query = '{ members(first: 3) { nodes { id } } }';
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await send(steady, { query }, { ip }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 429, 429, 429]);
    expect(answers.map((answer) => budgetOf(answer).remaining)).toEqual([26, 22, 18, 14, 10, 6, 2, 1, 0, 0]);
    for (const refused of answers.slice(7)) {
      expect(errorCode(refused)).toBe('RATE_LIMITED');
      expect(refused.json!.data).toBeUndefined();
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    }
    // the arrival point is kept, the operation's other 3 are not charged
    expect(answers[7].json!.errors[0].message).toMatch(/this operation costs 4 points and 1 of 30 points remain/);
    expect(answers[8].json!.errors[0].message).toMatch(/this operation costs 4 points and 0 of 30 points remain/);
    // refused on arrival, before GraphQL reads it
    expect(answers[9].json!.errors[0].message).toMatch(/^Rate limit exceeded: 0 of 30 points remain in this window/);
  });
});

describe('the rate limit in Redis while Redis is gone (skipped when no Redis answers on 127.0.0.1:6379)', () => {
  let redisUp = false;
  let proxy: StallingProxy;
  let replica: FastifyInstance;
  beforeAll(async () => {
    redisUp = await redisAnswers();
    if (!redisUp) return;
    proxy = await startStallingProxy(TEST_REDIS_URL);
    const config = { ...api.config, redisUrl: proxy.url };
    replica = await buildServer({
      config,
      orm: api.orm,
      schema: await buildFederatedSchema(),
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await replica?.close();
    await proxy?.stop();
  });

  it('keeps charging and refusing in this process', async ({ skip }) => {
    if (!redisUp) skip('no Redis answers on 127.0.0.1:6379');
    const ip = freshIp();
    const ask = () =>
      replica.inject({
        method: 'POST',
        url: '/graphql',
        remoteAddress: ip,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ query: SIX_POINTS }),
      });
    expect(Number((await ask()).headers['ratelimit-remaining'])).toBe(24);
    await proxy.stop();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await ask());
    expect(answers.slice(0, 5).map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.slice(0, 5).map((answer) => Number(answer.headers['ratelimit-remaining']))).toEqual([
      24, 18, 12, 6, 0,
    ]);
    expect(answers[5].statusCode).toBe(429);
    expect(answers[5].json().errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
