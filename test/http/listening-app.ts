import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import { initOrm, type OrmOptions } from '../../src/db/orm';
import { buildServer } from '../../src/http/server';
import { entities } from '../../src/modules';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { copyTemplateDatabase } from '../support/database-copy';
import { startStallingProxy, type StallingProxy } from './stalling-proxy';

export interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  [key: string]: unknown;
}

/** A server listening on 127.0.0.1, on its own copy of the test database reached through a proxy the test controls. */
export interface ListeningApp {
  baseUrl: string;
  app: FastifyInstance;
  orm: MikroORM;
  proxy: StallingProxy;
  /** The database's own URL, past the proxy (for a test's side connections). */
  databaseUrl: string;
  /** The server's log lines, parsed. */
  logs: LogLine[];
  /** POSTs (or GETs) a GraphQL query over HTTP; `ms` is how long the answer took. */
  graphql(query: string, options?: { method?: 'GET' | 'POST'; key?: string }): Promise<TimedAnswer>;
  close(): Promise<void>;
}

export interface TimedAnswer {
  status: number;
  headers: Headers;
  body: string;
  json: Record<string, any> | null;
  ms: number;
}

export const ADMIN_SECRET = 'listening-app-admin-secret-0123';

export async function startListeningApp(
  env: Record<string, string> = {},
  orm: Partial<Pick<OrmOptions, 'statementTimeoutMs' | 'poolMax' | 'acquireTimeoutMs'>> = {},
): Promise<ListeningApp> {
  const database = await copyTemplateDatabase('listen');
  const databaseUrl = database.url;
  const proxy = await startStallingProxy(databaseUrl);

  const logs: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line) as LogLine) });
  // these tests repeat a query to see the database's trouble: a stored answer would hide it (see test-app.ts)
  const config: Config = loadConfig({ LOG_LEVEL: 'info', ADMIN_API_KEY: ADMIN_SECRET, RESPONSE_CACHE: 'off', ...env });
  const ormInstance = await initOrm({ clientUrl: proxy.url, entities, logger, ...orm });
  const app = await buildServer({ config, orm: ormInstance, schema: await buildFederatedSchema(), logger });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  return {
    baseUrl,
    app,
    orm: ormInstance,
    proxy,
    databaseUrl,
    logs,
    async graphql(query, options = {}) {
      const method = options.method ?? 'POST';
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.key) headers.authorization = `Bearer ${options.key}`;
      const url = method === 'GET' ? `${baseUrl}/graphql?query=${encodeURIComponent(query)}` : `${baseUrl}/graphql`;
      const started = performance.now();
      const response = await fetch(url, {
        method,
        headers,
        body: method === 'POST' ? JSON.stringify({ query }) : undefined,
      });
      const body = await response.text();
      const ms = performance.now() - started;
      let json: Record<string, any> | null;
      try {
        json = JSON.parse(body) as Record<string, any>;
      } catch {
        json = null;
      }
      return { status: response.status, headers: response.headers, body, json, ms };
    },
    async close() {
      proxy.resume();
      await app.close();
      await ormInstance.close(true);
      await proxy.stop();
      await database.drop();
    },
  };
}
