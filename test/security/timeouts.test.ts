import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { errorCode, limitsWith, send } from './support';

const MEMBERS = '{ members(first: 5) { nodes { name } } }';

/** Holds an exclusive lock on the member table from another connection, so reading members waits. */
async function lockMembers(api: TestApp): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: api.orm.config.get('clientUrl') });
  await client.connect();
  await client.query('begin');
  await client.query('lock table member in access exclusive mode');
  return async () => {
    await client.query('rollback');
    await client.end();
  };
}

function connectionsInUse(api: TestApp): number {
  return (api.orm.em.getKnex().client as { pool: { numUsed(): number } }).pool.numUsed();
}

describe('PostgreSQL statement_timeout', () => {
  let api: TestApp;
  beforeAll(async () => {
    // one connection: if a cancelled statement kept it, the next request could not run
    api = await startTestApp({}, { orm: { statementTimeoutMs: 300, poolMax: 1 } });
  });
  afterAll(() => api?.close());

  it('cancels a slow statement with a clean error and returns the connection to the pool', async () => {
    const unlock = await lockMembers(api);
    let answer;
    try {
      answer = await send(api, { query: MEMBERS });
    } finally {
      await unlock();
    }
    expect(errorCode(answer)).toBe('INTERNAL_SERVER_ERROR');
    expect(answer.json!.errors[0].message).toBe(
      'The database took too long to answer and the query was cancelled; ask for less',
    );
    expect(answer.json!.data).toBeNull();
    expect(answer.body).not.toMatch(/select|canceling statement|statement timeout|\bat /i);
    expect(connectionsInUse(api)).toBe(0);

    const after = await send(api, { query: MEMBERS });
    expect(after.json!.data.members.nodes).toHaveLength(5);
  });
});

describe('request timeout', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ limits: limitsWith({ requestTimeoutMs: 300 }) }, { orm: { statementTimeoutMs: 3_000 } });
  });
  afterAll(() => api?.close());

  it('answers a request that takes too long with a clean 503, and serves the next one', async () => {
    const unlock = await lockMembers(api);
    let answer;
    const started = Date.now();
    try {
      answer = await send(api, { query: MEMBERS });
    } finally {
      await unlock();
    }
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({
      errors: [
        {
          message: 'The request took longer than 300 ms and was stopped; ask for less',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    const after = await send(api, { query: MEMBERS });
    expect(after.json!.data.members.nodes).toHaveLength(5);
  });
});
