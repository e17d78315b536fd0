import net from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { ormConfig } from '../../src/db/orm';
import { buildServer } from '../../src/http/server';
import { entities } from '../../src/modules';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { startTestApp, type TestApp } from '../support/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

describe('health', () => {
  it('answers /health/live with 200', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers /health/ready with 200 while the database answers', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('readiness without a database', () => {
  it('answers 503 once the database is gone, while liveness stays 200', async () => {
    const own = await startTestApp();
    try {
      expect((await own.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
      const [{ db }] = await own.orm.em.getConnection().execute<{ db: string }[]>('select current_database() as db');
      // the database vanishes under the server: open connections are terminated, new ones refused
      await api.orm.em.getConnection().execute(`drop database "${db}" with (force)`);
      const ready = await own.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', database: 'down' });
      expect((await own.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('answers 503 within about a second when the database accepts connections but never answers', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const orm = await MikroORM.init({
      ...ormConfig({ clientUrl: `postgresql://nobody@127.0.0.1:${port}/none`, entities }),
      connect: false,
    });
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }) };
    const app = await buildServer({
      config,
      orm,
      schema: await buildFederatedSchema(),
      logger: pino({ level: 'silent' }),
    });
    try {
      const started = Date.now();
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await app.close();
      sockets.forEach((socket) => socket.destroy());
      await orm.close(true).catch(() => undefined);
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
