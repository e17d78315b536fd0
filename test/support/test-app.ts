import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { ApiKey } from '../../src/modules/api-keys/api-key.entity';
import { generateApiKey, hashApiKey } from '../../src/modules/api-keys/api-key-secret';
import type { Role } from '../../src/auth/roles';
import { loadConfig, type Config } from '../../src/config';
import { initOrm, type OrmOptions } from '../../src/db/orm';
import { buildServer } from '../../src/http/server';
import { entities } from '../../src/modules';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { copyTemplateDatabase } from './database-copy';

export const TEST_ADMIN_SECRET = 'test-admin-secret-0123456789';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface RequestOptions {
  /** API key sent as `Authorization: Bearer <key>`. */
  key?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: FastifyInstance;
  orm: MikroORM;
  config: Config;
  /** POSTs a GraphQL operation to /graphql, as a client would. */
  graphql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphqlResponse<T>>;
  /** SQL statements run since the last `resetStatementCount()`. */
  statementCount(): number;
  /** The SQL text of each statement run since the last `resetStatementCount()`. */
  statementTexts(): string[];
  resetStatementCount(): void;
  /** Rows of `table` (those matching the SQL `where`), counted in SQL apart from the API under test. */
  countRows(table: string, where?: string, params?: unknown[]): Promise<number>;
  /** Stores an API key with this role and scope; returns its secret. */
  createKey(role: Role, scope?: { memberId?: string; organisationId?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** ORM settings of this app only, e.g. a tiny statement timeout or a pool of one connection. */
  orm?: Pick<Partial<OrmOptions>, 'statementTimeoutMs' | 'poolMax'>;
  /** The server's logger (default: pino at the config's level). */
  logger?: Logger;
  /** Limits changed for this app only, the others as configured (e.g. a higher cost limit). */
  limits?: Partial<Config['limits']>;
}

/**
 * Budgets so large that no test runs out: rate limits and authentication-failure throttling are tested on their own
 * (test/security) with budgets of their own; every other limit keeps its default.
 */
const UNLIMITED_BUDGETS = {
  RATE_LIMIT_POINTS: '1000000000',
  RATE_LIMIT_ANONYMOUS_POINTS: '1000000000',
  AUTH_FAILURES_PER_WINDOW: '1000000000',
};

/**
 * Answers are not kept between requests (RESPONSE_CACHE=off) unless a test asks: most tests count the SQL a query
 * sends, or write rows directly, which a stored answer would hide. test/http/response-cache*.test.ts test the cache.
 */
const NO_RESPONSE_CACHE = { RESPONSE_CACHE: 'off' };

/** A server on its own copy of the test template database; not listening, driven with fastify.inject. */
export async function startTestApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await copyTemplateDatabase('app');
  const config: Config = {
    ...loadConfig({
      ADMIN_API_KEY: TEST_ADMIN_SECRET,
      LOG_LEVEL: 'silent',
      ...UNLIMITED_BUDGETS,
      ...NO_RESPONSE_CACHE,
    }),
    ...overrides,
  };
  config.limits = { ...config.limits, ...options.limits };
  const logger = options.logger ?? pino({ level: config.logLevel });
  const orm = await initOrm({ clientUrl: database.url, entities, logger, ...options.orm });
  let statements = 0;
  let statementTexts: string[] = [];
  orm.em.getKnex().on('query', (query: { sql: string }) => {
    statementTexts.push(query.sql);
    statements++;
  });
  const app = await buildServer({
    config,
    orm,
    schema: await buildFederatedSchema(),
    logger,
  });
  await app.ready();

  return {
    app,
    orm,
    config,
    async graphql(query, variables, options = {}) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          'content-type': 'application/json',
          ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
          ...options.headers,
        },
        payload: JSON.stringify({ query, variables }),
      });
      return { status: response.statusCode, headers: response.headers, ...response.json() };
    },
    statementCount: () => statements,
    statementTexts: () => statementTexts,
    resetStatementCount() {
      statements = 0;
      statementTexts = [];
    },
    async countRows(table, where = 'true', params = []) {
      const [row] = await orm.em
        .getConnection()
        .execute(`select count(*)::int as count from ${table} where ${where}`, params);
      return row.count;
    },
    async createKey(role, scope = {}) {
      const key = generateApiKey();
      const em = orm.em.fork();
      em.create(ApiKey, {
        name: `test ${role}`,
        role,
        memberId: scope.memberId ?? null,
        organisationId: scope.organisationId ?? null,
        keyHash: hashApiKey(key),
        prefix: key.slice(0, 12),
      });
      await em.flush();
      return key;
    },
    async close() {
      await app.close();
      await orm.close();
      await database.drop();
    },
  };
}
