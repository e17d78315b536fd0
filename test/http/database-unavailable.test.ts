import { afterEach, describe, expect, it } from 'vitest';
import { READINESS_TIMEOUT_MS } from '../../src/http/health';
import { ADMIN_SECRET, startListeningApp, type ListeningApp, type TimedAnswer } from './listening-app';
import { lockMembers } from './side-connection';

const COUNTRIES = '{ countries { code } }';
const UNAVAILABLE = 'The database cannot be reached or no connection is free right now; retry shortly';

let api: ListeningApp | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A stored PARTNER key: authenticating it needs the database (the bootstrap ADMIN_API_KEY does not). */
async function partnerKey(app: ListeningApp): Promise<string> {
  const created = await app.graphql('mutation { createApiKey(input: { name: "dashboard", role: PARTNER }) { key } }', {
    key: ADMIN_SECRET,
  });
  const key = created.json?.data?.createApiKey?.key as string | undefined;
  expect(key, created.body).toBeTruthy();
  return key!;
}

function expectUnavailable(app: ListeningApp, answer: TimedAnswer) {
  expect(answer.status, answer.body).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('5');
  expect(answer.json!.errors).toEqual([
    expect.objectContaining({ message: UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }),
  ]);
  // nothing about the database server: no host, port, driver message or SQL
  const { port } = new URL(app.proxy.url);
  expect(answer.body).not.toMatch(
    new RegExp(`127\\.0\\.0\\.1|${port}|ECONN|Knex|timeout acquiring|select|\\bat `, 'i'),
  );
  // the server log has it, under the id the client got
  const requestId = answer.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  expect(
    app.logs.some((line) => line.reqId === requestId && line.level === 40 && /database trouble/.test(line.msg)),
  ).toBe(true);
}

describe('SERVICE_UNAVAILABLE', () => {
  it('answers 503 with Retry-After, anonymous or keyed, when the database cannot be reached', async () => {
    api = await startListeningApp();
    const key = await partnerKey(api);
    expect((await api.graphql(COUNTRIES, { key })).json!.data.countries.length).toBeGreaterThan(0);

    await api.proxy.stop();
    expectUnavailable(api, await api.graphql(COUNTRIES));
    // the key lookup fails before any resolver runs
    expectUnavailable(api, await api.graphql(COUNTRIES, { key }));
  });

  it('answers 503 within the acquire timeout, anonymous or keyed, when every pooled connection is busy', async () => {
    const ACQUIRE_MS = 500;
    api = await startListeningApp({}, { poolMax: 1, acquireTimeoutMs: ACQUIRE_MS, statementTimeoutMs: 10_000 });
    const key = await partnerKey(api);
    const lock = await lockMembers(api.databaseUrl);
    try {
      // holds the pool's only connection while it waits on the lock
      const holder = api.graphql('{ members(first: 1) { nodes { name } } }');
      await lock.untilWaiting(1);
      for (const options of [{}, { key }]) {
        const answer = await api.graphql(COUNTRIES, options);
        expectUnavailable(api, answer);
        expect(answer.ms).toBeGreaterThanOrEqual(ACQUIRE_MS - 50);
        expect(answer.ms).toBeLessThan(ACQUIRE_MS + 700);
      }
      await lock.release();
      expect((await holder).json!.data.members.nodes).toHaveLength(1);
    } finally {
      await lock.release();
    }
    expect((await api.graphql(COUNTRIES, { key })).status).toBe(200);
  });
});

describe('health', () => {
  async function get(app: ListeningApp, path: string) {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}${path}`);
    return { status: response.status, json: await response.json(), ms: performance.now() - started };
  }

  it('stays ready while the pool is saturated, and says 503 once the database stalls or is gone', async () => {
    api = await startListeningApp({}, { poolMax: 1, statementTimeoutMs: 10_000 });
    const lock = await lockMembers(api.databaseUrl);
    try {
      const holder = api.graphql('{ members(first: 1) { nodes { name } } }');
      await lock.untilWaiting(1);
      const ready = await get(api, '/health/ready');
      expect(ready).toMatchObject({ status: 200, json: { status: 'ok', database: 'up' } });
      expect(ready.ms).toBeLessThan(500);
      await lock.release();
      expect((await holder).status).toBe(200);
    } finally {
      await lock.release();
    }

    api.proxy.stall();
    const stalled = await get(api, '/health/ready');
    expect(stalled).toMatchObject({ status: 503, json: { status: 'unavailable', database: 'down' } });
    expect(stalled.ms).toBeLessThan(READINESS_TIMEOUT_MS + 700);
    // liveness never asks the database
    const live = await get(api, '/health/live');
    expect(live).toMatchObject({ status: 200, json: { status: 'ok' } });
    expect(live.ms).toBeLessThan(200);

    api.proxy.resume();
    expect((await get(api, '/health/ready')).status).toBe(200);
    await api.proxy.stop();
    expect((await get(api, '/health/ready')).status).toBe(503);
  });
});
