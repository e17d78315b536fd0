import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionContext } from '@mikro-orm/core';
import pino from 'pino';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { initOrm } from '../../src/db/orm';
import { buildServer } from '../../src/http/server';
import { entities } from '../../src/modules';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { ADMIN_SECRET, startListeningApp, type ListeningApp } from '../http/listening-app';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { copyTemplateDatabase, type DatabaseCopy } from '../support/database-copy';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';

/**
 * A request's reads know their request without an async-local store (src/common/request-scope.ts): the three read
 * paths (planned statements sent on the pool, knex builders on `ctx.reads`, MikroORM's finds on the request's fork)
 * each stick to the request's server and stop when the request is given up.
 */

const { wien } = NAMED_MEMBERS;
/** A member by id (a planned statement), the countries (a knex builder), the factor sets (MikroORM's `find`). */
const THREE_PATHS = `
  query ($id: ID!) {
    member(id: $id) { name }
    countries { code name }
    emissionFactorSets { name }
  }
`;

async function onDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a request's reads stick to one replica", () => {
  let replicaA: DatabaseCopy;
  let replicaB: DatabaseCopy;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    [replicaA, replicaB] = await Promise.all([copyTemplateDatabase('scope_a'), copyTemplateDatabase('scope_b')]);
    // the same rows on both, but for the three read here: which server answered shows in every field
    await onDatabase(replicaB.url, async (client) => {
      await client.query("update member set name = name || ' (B)' where id = $1", [wien.id]);
      await client.query("update country set name = name || ' (B)' where code = 'AT'");
      await client.query("update emission_factor_set set name = name || ' (B)'");
    });
    const logger = pino({ level: 'silent' });
    const config = loadConfig({ LOG_LEVEL: 'silent', ADMIN_API_KEY: TEST_ADMIN_SECRET, RESPONSE_CACHE: 'off' });
    const orm = await initOrm({ clientUrl: replicaA.url, replicaUrls: [replicaA.url, replicaB.url], entities, logger });
    app = await buildServer({ config, orm, schema: await buildFederatedSchema(), logger });
    await app.ready();
    close = async () => {
      await app.close();
      await orm.close();
    };
  });
  afterAll(async () => {
    await close?.();
    await Promise.all([replicaA?.drop(), replicaB?.drop()]);
  });

  it('reads every statement of a request on the same replica, by all three read paths, each request on one of them', async () => {
    const servers = new Set<string>();
    for (let round = 0; round < 24; round++) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
        payload: JSON.stringify({ query: THREE_PATHS, variables: { id: wien.id } }),
      });
      const { data, errors } = response.json();
      expect(errors).toBeUndefined();
      const fromB = [
        data.member.name.endsWith(' (B)'),
        data.countries.find((country: { code: string }) => country.code === 'AT').name.endsWith(' (B)'),
        data.emissionFactorSets.every((set: { name: string }) => set.name.endsWith(' (B)')),
      ];
      expect(new Set(fromB).size, JSON.stringify(data)).toBe(1);
      servers.add(fromB[0] ? 'B' : 'A');
    }
    // 24 requests on one replica only: one chance in 8 million
    expect([...servers].sort()).toEqual(['A', 'B']);
  });
});

describe("a given-up request's reads stop", () => {
  const TIMEOUT_MS = 500;
  let api: ListeningApp;
  beforeAll(async () => {
    // statements may run far longer than the request: only the request's own signal can stop them in time
    api = await startListeningApp({ REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) }, { statementTimeoutMs: 10_000 });
  });
  afterAll(() => api?.close());

  const cases = [
    { path: 'a planned statement', table: 'member', query: `{ member(id: "${wien.id}") { name } }` },
    { path: 'a knex builder on ctx.reads', table: 'partnership', query: '{ partnerships(first: 5) { totalCount } }' },
    {
      path: "MikroORM's find on the request's fork",
      table: 'emission_factor_set',
      query: '{ emissionFactorSets { name } }',
    },
  ];
  for (const { path, table, query } of cases) {
    it(`cancels ${path} in PostgreSQL at the deadline, while its table is still locked`, async () => {
      const lock = new Client({ connectionString: api.databaseUrl });
      await lock.connect();
      const waiting = async () =>
        (
          await lock.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          )
        ).rows[0].n;
      try {
        await lock.query('begin');
        await lock.query(`lock table ${table} in access exclusive mode`);
        const answer = api.graphql(query, { key: ADMIN_SECRET });
        await until(async () => (await waiting()) > 0, 'the read to wait on the lock');
        const given = await answer;
        expect(given.status, given.body).toBe(503);
        expect(given.json!.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        // stopped by the request's signal: the lock is still held, nothing waits on it any more
        await until(async () => (await waiting()) === 0, 'the read to be cancelled');
      } finally {
        await lock.query('rollback').catch(() => undefined);
        await lock.end();
      }
      const after = await api.graphql(query, { key: ADMIN_SECRET });
      expect(after.status, after.body).toBe(200);
      expect(after.json!.errors).toBeUndefined();
    });
  }
});

describe('async-local stores', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  /** The stores run or entered during `work`. */
  async function storesEntered(work: () => Promise<void>): Promise<Set<AsyncLocalStorage<unknown>>> {
    const entered = new Set<AsyncLocalStorage<unknown>>();
    const prototype = AsyncLocalStorage.prototype as AsyncLocalStorage<unknown>;
    const { run, enterWith } = prototype;
    prototype.run = function (this: AsyncLocalStorage<unknown>, ...args: Parameters<typeof run>) {
      entered.add(this);
      return run.apply(this, args);
    } as typeof run;
    prototype.enterWith = function (this: AsyncLocalStorage<unknown>, store: unknown) {
      entered.add(this);
      enterWith.call(this, store);
    };
    try {
      await work();
    } finally {
      prototype.run = run;
      prototype.enterWith = enterWith;
    }
    return entered;
  }

  async function read() {
    const response = await api.graphql(THREE_PATHS, { id: wien.id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.member.name).toBe('Wien');
  }

  it('enters none for a read, and leaves none enabled after a mutation, whose transaction runs in one', async () => {
    expect(await storesEntered(read)).toEqual(new Set());

    const mutationStores = await storesEntered(async () => {
      const created = await api.graphql(
        'mutation { createMember(input: { name: "Scoped", category: CITY, countryCode: "AT" }) { id name } }',
        undefined,
        { key: TEST_ADMIN_SECRET },
      );
      expect(created.errors).toBeUndefined();
      expect(created.data!.createMember.name).toBe('Scoped');
    });
    const transactionContext = (TransactionContext as unknown as { storage: AsyncLocalStorage<unknown> }).storage;
    expect(mutationStores.has(transactionContext)).toBe(true);
    expect([...mutationStores].map((store) => (store as unknown as { enabled: boolean }).enabled)).toEqual(
      [...mutationStores].map(() => false),
    );

    expect(await storesEntered(read)).toEqual(new Set());
  });
});
