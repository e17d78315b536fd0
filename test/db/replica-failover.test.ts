import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { initOrm } from '../../src/db/orm';
import { buildServer } from '../../src/http/server';
import { entities } from '../../src/modules';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { startStallingProxy, type StallingProxy } from '../http/stalling-proxy';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { onMaintenanceDatabase } from '../support/database-server';
import { copyTemplateDatabase, type DatabaseCopy } from '../support/database-copy';

/**
 * What a request sees when a replica fails between two checks: the primary and the "replica" are two copies of the test
 * database (the replica's differs in one name, so an answer tells which one served it), the replica behind a proxy the
 * test cuts. Background checks are far apart here, so only the test decides when the failure is noticed.
 */

const { wien } = NAMED_MEMBERS;
const MEMBER = `{ member(id: "${wien.id}") { name } }`;

let primary: DatabaseCopy;
let replica: DatabaseCopy;
let proxy: StallingProxy;
let orm: MikroORM;
let app: FastifyInstance;

async function graphql(query: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ query }),
  });
  return { status: response.statusCode, headers: response.headers, ...response.json() };
}

beforeAll(async () => {
  [primary, replica] = await Promise.all([copyTemplateDatabase('primary'), copyTemplateDatabase('replica')]);
  await onMaintenanceDatabase(replica.url, [`update member set name = 'Wien (replica)' where id = '${wien.id}'`]);
  proxy = await startStallingProxy(replica.url);
  const logger = pino({ level: 'silent' });
  orm = await initOrm({
    clientUrl: primary.url,
    replicaUrls: [proxy.url],
    replicaCheckIntervalMs: 3_600_000,
    entities,
    logger,
  });
  app = await buildServer({
    // the same query is asked again and again to see where it is read: an answer kept would hide that
    config: loadConfig({ LOG_LEVEL: 'silent', RESPONSE_CACHE: 'off' }),
    orm,
    schema: await buildFederatedSchema(),
    logger,
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await orm?.close(true);
  await proxy?.stop();
  await Promise.all([primary?.drop(), replica?.drop()]);
});

describe('a replica failing between two checks', () => {
  it('answers the request caught on it with 503 and Retry-After, then reads on the primary once noticed', async () => {
    const before = await graphql(MEMBER);
    expect(before.errors).toBeUndefined();
    expect(before.data.member.name).toBe('Wien (replica)');

    await proxy.stop();
    const caught = await graphql(MEMBER);
    expect(caught.status).toBe(503);
    expect(caught.headers['retry-after']).toBe('5');
    expect(caught.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual([
      'SERVICE_UNAVAILABLE',
    ]);

    // readiness checks the replicas there and then: the primary answers, so the process stays ready
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ok',
      database: 'up',
      replicas: [{ name: 'replica-1', status: 'down', lagSeconds: null }],
    });
    const after = await graphql(MEMBER);
    expect(after.errors).toBeUndefined();
    expect(after.data.member.name).toBe('Wien');
  });
});
