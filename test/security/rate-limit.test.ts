import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { buildServer } from '../../src/http/server';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { redisAnswers, TEST_REDIS_URL } from '../http/redis-available';
import { startTestApp, type TestApp } from '../support/test-app';
import { budgetOf, errorCode, freshIp, limitsWith, send } from './support';

// costs 1 + 5 × 1 = 6 points
const SIX_POINTS = '{ members(first: 5) { nodes { name } } }';
const ONE_POINT = '{ viewer { role } }';
const LIMITS = limitsWith({ anonymousRateLimitPoints: 30, rateLimitPoints: 40, rateLimitWindowSeconds: 2 });

let api: TestApp;
let redisUp = false;
beforeAll(async () => {
  api = await startTestApp({ limits: LIMITS });
  redisUp = await redisAnswers();
});
afterAll(() => api.close());

function waitSeconds(seconds: number) {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));
}

describe('rate limits in cost points', () => {
  it('charges each operation its cost and says what is left on every answer', async () => {
    const ip = freshIp();
    const first = await send(api, { query: SIX_POINTS }, { ip });
    expect(budgetOf(first)).toEqual({ limit: 30, remaining: 24, reset: 2 });
    expect(first.json!.extensions.cost).toMatchObject({ requestedQueryCost: 6, currentlyAvailable: 24 });
    const second = await send(api, { query: ONE_POINT }, { ip });
    expect(budgetOf(second).remaining).toBe(23);
    const invalid = await send(api, { query: '{ nope }' }, { ip });
    expect(errorCode(invalid)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(budgetOf(invalid).remaining).toBe(22);
  });

  it('refuses with 429 RATE_LIMITED and Retry-After when the budget is spent, before any SQL, until the window ends', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await send(api, { query: SIX_POINTS }, { ip })).status).toBe(200);
    api.resetStatementCount();
    const refused = await send(api, { query: SIX_POINTS }, { ip });
    expect(refused.status).toBe(429);
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.json!.data).toBeUndefined();
    expect(refused.body).not.toContain('Wien');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(budgetOf(refused)).toMatchObject({ limit: 30, remaining: 0 });
    expect(api.statementCount()).toBe(0);

    await waitSeconds(Number(refused.headers['retry-after']));
    const again = await send(api, { query: SIX_POINTS }, { ip });
    expect(again.status).toBe(200);
    expect(again.json!.data.members.nodes).toHaveLength(5);
    expect(budgetOf(again).remaining).toBe(24);
  });

  it('refuses an operation that costs more than what is left, without running it', async () => {
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await send(api, { query: SIX_POINTS }, { ip });
    await send(api, { query: ONE_POINT }, { ip });
    await send(api, { query: ONE_POINT }, { ip });
    api.resetStatementCount();
    const refused = await send(api, { query: SIX_POINTS }, { ip });
    expect(refused.status).toBe(429);
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.json!.errors[0].message).toMatch(/this operation costs 6 points and 3 of 30 points remain/);
    expect(refused.json!.data).toBeUndefined();
    expect(api.statementCount()).toBe(0);
    const cheap = await send(api, { query: ONE_POINT }, { ip });
    expect(cheap.json!.data).toEqual({ viewer: { role: 'ANONYMOUS' } });
  });

  it('keeps one budget per API key and one per anonymous address', async () => {
    const ip = freshIp();
    const [spender, other] = [await api.createKey(Role.PARTNER), await api.createKey(Role.PARTNER)];
    for (let i = 0; i < 6; i++) await send(api, { query: SIX_POINTS }, { ip, key: spender });
    const spent = await send(api, { query: SIX_POINTS }, { ip, key: spender });
    expect(spent.status).toBe(429);
    expect(budgetOf(spent).limit).toBe(40);

    const otherKey = await send(api, { query: SIX_POINTS }, { ip, key: other });
    expect(otherKey.status).toBe(200);
    expect(budgetOf(otherKey)).toMatchObject({ limit: 40, remaining: 34 });
    const anonymous = await send(api, { query: SIX_POINTS }, { ip });
    expect(budgetOf(anonymous)).toMatchObject({ limit: 30, remaining: 24 });
    const elsewhere = await send(api, { query: SIX_POINTS }, { ip: freshIp() });
    expect(budgetOf(elsewhere)).toMatchObject({ limit: 30, remaining: 24 });
  });
});

describe('rate limits shared through Redis (skipped when no Redis answers on 127.0.0.1:6379)', () => {
  let replicas: FastifyInstance[] = [];
  beforeAll(async () => {
    if (!redisUp) return;
    const config = { ...api.config, redisUrl: TEST_REDIS_URL };
    const schema = await buildFederatedSchema();
    replicas = await Promise.all(
      [1, 2].map(() => buildServer({ config, orm: api.orm, schema, logger: pino({ level: 'silent' }) })),
    );
  });
  afterAll(() => Promise.all(replicas.map((replica) => replica.close())));

  it('draws two replicas on one budget', async ({ skip }) => {
    if (!redisUp) skip('no Redis answers on 127.0.0.1:6379');
    const ip = freshIp();
    const ask = (replica: FastifyInstance) =>
      replica.inject({
        method: 'POST',
        url: '/graphql',
        remoteAddress: ip,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ query: SIX_POINTS }),
      });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await ask(replicas[i % 2]));
    expect(answers.map((answer) => Number(answer.headers['ratelimit-remaining']))).toEqual([24, 18, 12, 6, 0]);
    const refused = await ask(replicas[1]);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
