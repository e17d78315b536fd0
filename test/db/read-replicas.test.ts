import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres';
import { initOrm, migrate } from '../../src/db/orm';
import { entities } from '../../src/modules';
import { ORG } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { TestScenarioSeeder } from '../scenarios/test-scenario.seeder';
import { listeningUrl, MAIN, spawnServer, type ServerProcess } from '../support/server-process';

/**
 * Two real PostgreSQL servers: a primary, and a replica subscribing to all its tables with PostgreSQL's logical
 * replication. The API runs as its own process with DATABASE_URL=primary and DATABASE_REPLICA_URLS=replica. Rows changed
 * on one server only (or a subscription paused) show which server answered.
 */

const ADMIN_KEY = 'replica-test-admin-secret-0123456789';
const DATABASE = 'climate_alliance';
const { wien } = NAMED_MEMBERS;

let folder: string;
let primary: EmbeddedDatabase;
let replica: EmbeddedDatabase | undefined;
let onPrimary: Client;
let onReplica: Client | undefined;
let server: ServerProcess | undefined;
let baseUrl: string;

async function waitUntil(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function migrated(url: string, seed: boolean): Promise<void> {
  const orm = await initOrm({ clientUrl: url, entities });
  try {
    await migrate(orm);
    if (seed) await orm.em.fork().transactional((em) => new TestScenarioSeeder().run(em));
  } finally {
    await orm.close();
  }
}

/**
 * A GraphQL request that asks for a fresh answer (Cache-Control: no-cache), so it is routed as any uncached read;
 * `kept`: one whose answer the response cache keeps, which is therefore computed on the primary.
 */
async function graphql(query: string, variables: Record<string, unknown> = {}, key?: string, kept = false) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key && { authorization: `Bearer ${key}` }),
      ...(!kept && { 'cache-control': 'no-cache' }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

async function ready(): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/health/ready`);
  return { status: response.status, body: await response.json() };
}

const memberRow = async (client: Client, id: string) =>
  (await client.query<{ name: string }>('select name from member where id = $1', [id])).rows[0];

/** The replica's tables emptied, then filled from the primary's by a subscription to all of them; resolves once copied. */
async function subscribe(replicaClient: Client, primaryPort: string): Promise<void> {
  const { rows } = await replicaClient.query<{ tables: string }>(
    "select string_agg(format('%I', tablename), ', ') as tables from pg_tables where schemaname = 'public'",
  );
  await replicaClient.query(`truncate ${rows[0].tables}`);
  await onPrimary.query('create publication ca_all for all tables');
  await replicaClient.query(
    `create subscription ca_replica connection 'host=127.0.0.1 port=${primaryPort} dbname=${DATABASE} ` +
      `user=postgres password=postgres' publication ca_all`,
  );
  await waitUntil(async () => {
    const { rows: sync } = await replicaClient.query<{ tables: number; pending: number }>(
      "select count(*)::int as tables, count(*) filter (where srsubstate <> 'r')::int as pending from pg_subscription_rel",
    );
    return sync[0].tables > 0 && sync[0].pending === 0;
  }, 'the replica to copy every table');
}

beforeAll(async () => {
  // the `postgres` user the clusters run as must reach their folders
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-replicas-'));
  fs.chmodSync(folder, 0o755);
  [primary, replica] = await Promise.all([
    startEmbeddedPostgres({
      dataDir: path.join(folder, 'primary'),
      database: DATABASE,
      log: () => {},
      settings: { wal_level: 'logical' },
    }),
    startEmbeddedPostgres({ dataDir: path.join(folder, 'replica'), database: DATABASE, log: () => {} }),
  ]);
  // logical replication copies rows, not DDL: the replica gets the schema from the migrations, its rows from the primary
  await Promise.all([migrated(primary.clientUrl, true), migrated(replica.clientUrl, false)]);
  onPrimary = await connect(primary.clientUrl);
  onReplica = await connect(replica.clientUrl);
  // the server starts while the replica copies the primary: it reads no data before the first request
  server = spawnServer(process.execPath, [MAIN], {
    DATABASE_URL: primary.clientUrl,
    DATABASE_REPLICA_URLS: replica.clientUrl,
    ADMIN_API_KEY: ADMIN_KEY,
  });
  [baseUrl] = await Promise.all([listeningUrl(server, 60_000), subscribe(onReplica, new URL(primary.clientUrl).port)]);
});

afterAll(async () => {
  const child = server?.child;
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await server?.closed;
  await onReplica?.end().catch(() => undefined);
  await onPrimary?.end().catch(() => undefined);
  await replica?.stop();
  await primary?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('read replicas', () => {
  it('lists the replica in /health/ready', async () => {
    const { status, body } = await ready();
    expect(status).toBe(200);
    // a logical subscriber is no streaming standby: it has no replay lag to tell
    expect(body).toEqual({
      status: 'ok',
      database: 'up',
      replicas: [{ name: 'replica-1', status: 'up', lagSeconds: null }],
    });
  });

  it('reads queries on the replica: plain SQL and MikroORM finds alike', async () => {
    await onReplica!.query("update member set name = 'Wien (replica)' where id = $1", [wien.id]);
    await onReplica!.query("update country set name = 'Österreich (replica)' where code = 'AT'");
    const response = await graphql(
      `
        query ($id: ID!) {
          member(id: $id) {
            name
          }
          countries {
            code
            name
          }
        }
      `,
      {
        id: wien.id,
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.member.name).toBe('Wien (replica)');
    expect(response.data.countries.find((country: { code: string }) => country.code === 'AT').name).toBe(
      'Österreich (replica)',
    );
    expect((await memberRow(onPrimary, wien.id)).name).toBe('Wien');
  });

  it('reads consent-governed data on the primary, where a withdrawal is never seen late', async () => {
    const { rows } = await onPrimary.query<{ name: string }>('select name from indigenous_organisation where id = $1', [
      ORG.coica,
    ]);
    expect(rows).toHaveLength(1);
    await onReplica!.query("update indigenous_organisation set name = 'COICA (replica)' where id = $1", [ORG.coica]);
    const response = await graphql(
      `
        query ($id: ID!) {
          indigenousOrganisation(id: $id) {
            name
          }
        }
      `,
      { id: ORG.coica },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.indigenousOrganisation.name).toBe(rows[0].name);
  });

  it('writes on the primary, and a mutation reads its own writes while the replica lags', async () => {
    // the replica stops applying the primary's changes: from here on it lags for sure
    await onReplica!.query('alter subscription ca_replica disable');
    await waitUntil(async () => {
      const { rows } = await onReplica!.query("select pid from pg_stat_subscription where subname = 'ca_replica'");
      return rows.every((row) => row.pid === null);
    }, 'the subscription to stop applying');

    const created = await graphql(
      `
        mutation ($input: MemberInput!) {
          createMember(input: $input) {
            id
            version
            population
            populationHistory {
              year
              population
            }
          }
        }
      `,
      {
        input: {
          name: 'Neudorf bei Staatz',
          category: 'MUNICIPALITY',
          countryCode: 'AT',
          populations: [
            { year: 2001, population: 1_610 },
            { year: 2023, population: 1_510 },
          ],
        },
      },
      ADMIN_KEY,
    );
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data.createMember;
    // both read after the commit (one by a MikroORM find, one by plain SQL): from the primary, the replica has no such rows
    expect(created.data.createMember.population).toBe(1_510);
    expect(created.data.createMember.populationHistory).toEqual([
      { year: 2001, population: 1_610 },
      { year: 2023, population: 1_510 },
    ]);
    expect(await memberRow(onPrimary, id)).toEqual({ name: 'Neudorf bei Staatz' });
    expect(await memberRow(onReplica!, id)).toBeUndefined();

    // a mutation's own reads (the member and its version) run in its transaction on the primary too
    const updated = await graphql(
      `
        mutation ($id: ID!, $version: Int!) {
          updateMember(id: $id, version: $version, input: { name: "Neudorf" }) {
            name
            version
          }
        }
      `,
      { id, version },
      ADMIN_KEY,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateMember).toEqual({ name: 'Neudorf', version: version + 1 });

    // API keys are looked up on the primary: a key the replica has not seen yet works at once
    const issued = await graphql(
      `
        mutation {
          createApiKey(input: { name: "dashboard", role: ANALYST }) {
            key
          }
        }
      `,
      {},
      ADMIN_KEY,
    );
    expect(issued.errors).toBeUndefined();
    const asAnalyst = await graphql(
      `
        {
          viewer {
            role
          }
        }
      `,
      {},
      issued.data.createApiKey.key,
    );
    expect(asAnalyst.errors).toBeUndefined();
    expect(asAnalyst.data.viewer).toEqual({ role: 'ANALYST' });
    expect((await onReplica!.query("select id from api_key where name = 'dashboard'")).rows).toEqual([]);

    // a request that writes nothing reads on the replica, which has not seen the member yet
    const lagging = await graphql(
      `
        query ($id: ID!) {
          member(id: $id) {
            name
          }
        }
      `,
      { id },
    );
    expect(lagging.errors).toBeUndefined();
    expect(lagging.data.member).toBeNull();
    // an answer the response cache keeps is computed on the primary: kept from a lagging replica, it would outlive
    // the write it missed until the next one
    const kept = await graphql('query ($id: ID!) { member(id: $id) { name } }', { id }, undefined, true);
    expect(kept.errors).toBeUndefined();
    expect(kept.data.member).toEqual({ name: 'Neudorf' });

    await onReplica!.query('alter subscription ca_replica enable');
    await waitUntil(async () => (await memberRow(onReplica!, id))?.name === 'Neudorf', 'the replica to catch up');
    const caughtUp = await graphql(
      `
        query ($id: ID!) {
          member(id: $id) {
            name
          }
        }
      `,
      { id },
    );
    expect(caughtUp.errors).toBeUndefined();
    expect(caughtUp.data.member).toEqual({ name: 'Neudorf' });
  });

  it('reports a replica that went down and reads on the primary meanwhile', async () => {
    await onReplica!.end();
    onReplica = undefined;
    await replica!.stop();
    await waitUntil(
      async () => (await ready()).body.replicas?.[0]?.status === 'down',
      'readiness to see the replica down',
    );
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      database: 'up',
      replicas: [{ name: 'replica-1', status: 'down', lagSeconds: null }],
    });
    const response = await graphql(
      `
        query ($id: ID!) {
          member(id: $id) {
            name
          }
        }
      `,
      { id: wien.id },
    );
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    // the primary's name, not the one only the replica had
    expect(response.data.member).toEqual({ name: 'Wien' });
  });
});

describe('DATABASE_REPLICA_URLS', () => {
  const primaryUrl = 'postgresql://api@db-primary:5432/climate_alliance';

  it('takes a comma-separated list of PostgreSQL URLs', () => {
    const config = loadConfig({
      DATABASE_URL: primaryUrl,
      DATABASE_REPLICA_URLS:
        ' postgresql://api@db-replica-1/climate_alliance, postgres://api@db-replica-2/climate_alliance ',
    });
    expect(config.databaseReplicaUrls).toEqual([
      'postgresql://api@db-replica-1/climate_alliance',
      'postgres://api@db-replica-2/climate_alliance',
    ]);
    expect(loadConfig({ DATABASE_URL: primaryUrl }).databaseReplicaUrls).toEqual([]);
  });

  it.each([
    ['postgresql://api@r1/db,not a url', 'entry 2 of 2 is not a URL'],
    ['mysql://api@r1/db', 'entry 1 of 1 must start with postgres:// or postgresql://'],
    ['postgresql://api@r1/db,,postgresql://api@r2/db', 'entry 2 of 3 is empty'],
  ])('refuses %s, naming the variable and the entry (never its text, which may hold a password)', (value, problem) => {
    expect(() => loadConfig({ DATABASE_URL: primaryUrl, DATABASE_REPLICA_URLS: value })).toThrow(
      `Invalid environment variable DATABASE_REPLICA_URLS: ${problem}`,
    );
  });

  it('needs DATABASE_URL: the embedded PostgreSQL has no replicas', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgresql://api@r1/db' })).toThrow(
      'Invalid environment variable DATABASE_REPLICA_URLS: needs DATABASE_URL',
    );
  });

  it('stops the server at start with a message naming it', async () => {
    const refused = spawnServer(process.execPath, [MAIN], {
      DATABASE_URL: primaryUrl,
      DATABASE_REPLICA_URLS: 'postgresql://api:secret@r1/db,replica-2',
    });
    expect((await refused.closed).code).toBe(1);
    expect(refused.stderr()).toContain(
      'Could not start the Climate Alliance API: Invalid environment variable DATABASE_REPLICA_URLS: entry 2 of 2 is not a URL',
    );
    expect(refused.stderr()).not.toContain('secret');
  });
});
