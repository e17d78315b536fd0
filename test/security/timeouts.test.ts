import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_TIMEOUT_MARGIN_MS } from '../../src/db/orm';
import { ADMIN_SECRET, startListeningApp, type ListeningApp, type TimedAnswer } from '../http/listening-app';
import { lockMembers } from '../http/side-connection';
import { multiplyEmissionRecords } from '../support/database-copy';

/** Over a real socket with a real HTTP client: the limits must hold for what a client sees, not for fastify.inject. */
const MEMBERS = '{ members(first: 5) { nodes { name } } }';

function expectServiceUnavailable(answer: TimedAnswer, message: string) {
  expect(answer.status, answer.body).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('5');
  expect(answer.json!.errors).toEqual([
    expect.objectContaining({ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }),
  ]);
  expect(answer.body).not.toMatch(/select|canceling statement|statement timeout|read timeout|127\.0\.0\.1|\bat /i);
}

function connectionsInUse(api: ListeningApp): number {
  return (api.orm.em.getKnex().client as { pool: { numUsed(): number } }).pool.numUsed();
}

describe('request timeout', () => {
  const TIMEOUT_MS = 500;
  let api: ListeningApp;
  beforeAll(async () => {
    // statements may run far longer than the request: only the request's own limit can answer in time
    api = await startListeningApp({ REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) }, { statementTimeoutMs: 10_000 });
  });
  afterAll(() => api?.close());

  for (const method of ['POST', 'GET'] as const) {
    it(`answers a ${method} that takes too long at the limit with SERVICE_UNAVAILABLE, stops its statement, and serves the next one`, async () => {
      const lock = await lockMembers(api.databaseUrl);
      let answer: TimedAnswer;
      try {
        answer = await api.graphql(MEMBERS, { method });
        // the statement does not wait for its own (10 s) limit: the request gave it up
        await lock.untilWaiting(0);
      } finally {
        await lock.release();
      }
      expectServiceUnavailable(
        answer,
        `The request took longer than ${TIMEOUT_MS} ms and was stopped; retry shortly, or ask for less`,
      );
      expect(answer.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(answer.ms).toBeLessThan(TIMEOUT_MS + 700);
      expect(api.logs.some((line) => line.msg === 'request timed out' && line.level === 40)).toBe(true);

      const after = await api.graphql(MEMBERS, { method });
      expect(after.json!.data.members.nodes).toHaveLength(5);
    });
  }

  it('writes nothing for a mutation it stopped, even once its statement could go on', async () => {
    const name = 'Stopped at the deadline';
    const lock = await lockMembers(api.databaseUrl);
    try {
      const answer = await api.graphql(
        `mutation { createMember(input: { name: "${name}", category: CITY, countryCode: "AT" }) { id } }`,
        { key: ADMIN_SECRET },
      );
      expect(answer.status, answer.body).toBe(503);
      await lock.unlock();
      await lock.untilOthersIdle();
      expect(await lock.membersNamed(name)).toBe(0);
    } finally {
      await lock.release();
    }
  });
});

describe('statement timeout', () => {
  const STATEMENT_MS = 300;
  let api: ListeningApp;
  beforeAll(async () => {
    // one connection: if a cancelled statement kept it, the next request could not run
    api = await startListeningApp({}, { statementTimeoutMs: STATEMENT_MS, poolMax: 1 });
  });
  afterAll(() => api?.close());

  it('cancels a slow statement in PostgreSQL with SERVICE_UNAVAILABLE and returns the connection to the pool', async () => {
    const lock = await lockMembers(api.databaseUrl);
    let answer: TimedAnswer;
    try {
      answer = await api.graphql(MEMBERS);
    } finally {
      await lock.release();
    }
    expectServiceUnavailable(
      answer,
      'The database took too long to answer and the statement was cancelled; retry shortly, or ask for less',
    );
    expect(answer.ms).toBeLessThan(STATEMENT_MS + 700);
    expect(connectionsInUse(api)).toBe(0);

    const after = await api.graphql(MEMBERS);
    expect(after.json!.data.members.nodes).toHaveLength(5);
  });

  it('gives up on a frozen database by the client-side query timeout, and recovers when it answers again', async () => {
    expect((await api.graphql(MEMBERS)).json!.data.members.nodes).toHaveLength(5);
    api.proxy.stall();
    let answer: TimedAnswer;
    try {
      // the server cannot cancel anything: only the client's own timer ends the wait
      answer = await api.graphql(MEMBERS);
    } finally {
      api.proxy.resume();
    }
    expectServiceUnavailable(
      answer,
      'The database took too long to answer and the statement was cancelled; retry shortly, or ask for less',
    );
    const bound = STATEMENT_MS + QUERY_TIMEOUT_MARGIN_MS;
    expect(answer.ms).toBeGreaterThanOrEqual(bound - 50);
    expect(answer.ms).toBeLessThan(bound + 700);

    const after = await api.graphql(MEMBERS);
    expect(after.json!.data.members.nodes).toHaveLength(5);
  });

  it('lets an export stream for longer than the statement limits while its client reads slowly', async () => {
    await multiplyEmissionRecords(api.databaseUrl, 100);
    const [{ rows }] = await api.orm.em
      .getConnection()
      .execute<{ rows: number }[]>('select count(*)::int as rows from emission_record');
    const response = await fetch(`${api.baseUrl}/export/emissions.ndjson`, {
      headers: { authorization: `Bearer ${ADMIN_SECRET}` },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, { stream: true });
    // the client pauses for longer than the client-side statement limit, then reads on
    await new Promise((resolve) => setTimeout(resolve, STATEMENT_MS + QUERY_TIMEOUT_MARGIN_MS + 500));
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(text.split('\n').filter(Boolean)).toHaveLength(rows);
  });
});
