import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import { databaseTrouble } from '../db/database-trouble';
import { stringifyResult } from './answer-json';
import { auditLog } from './audit';
import { compiledSchemaGateway } from './compiled-execution';
import { DirectQueries } from './direct-queries';
import { costPlugin } from './cost-plugin';
import type { CostStore } from './cost-store';
import { documentLimitRules, parseOptions } from './document-limits';
import { registerExplorer } from './explorer/explorer';
import { formatError } from './format-error';
import { governedReadsPlugin } from './governed-reads';
import { type GraphqlContext, GraphqlRequestContext } from './graphql-context';
import { inputBoundary } from './input-boundary';
import { KnownQueries } from './known-queries';
import { NetworkSizeSource } from './network-size';
import { transactionalMutations } from './mutation-transaction';
import { putBudgetHeaders, RateLimiter, registerRateLimit } from './rate-limit';
import { forApollo, type RequestListener, type RequestPlugin } from './request-plugin';
import { registerRequestScope } from './request-scope-hook';
import { registerRequestDeadline } from './request-deadline';
import type { Caches } from './response-cache/caches';
import { answerNotModified, registerResponseCache, responseCachePlugin } from './response-cache/response-cache';
import { withResponseItemLimit } from './response-items';
import { serviceUnavailablePlugin } from './service-unavailable';

/** It holds no state of a request: one listener for all of them. */
const errorLoggingListener: RequestListener<GraphqlContext> = {
  didEncounterErrors({ errors, contextValue }) {
    for (const error of errors) {
      const code = error.extensions?.code;
      if ((!code || code === 'INTERNAL_SERVER_ERROR') && !databaseTrouble(error)) {
        contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'GraphQL operation failed');
      }
    }
  },
};

/**
 * Logs every unexpected error in full, with the request id, before formatError masks it for the caller (database
 * trouble is logged by serviceUnavailablePlugin).
 */
const errorLogging: RequestPlugin<GraphqlContext> = {
  requestDidStart() {
    return errorLoggingListener;
  },
};

export interface GraphqlDeps {
  orm: MikroORM;
  schema: GraphQLSchema;
  config: Config;
  /** Where rate-limit budgets are counted. */
  store: CostStore;
  caches: Caches;
}

/** A registered persisted query is kept a day after its last registration. */
const PERSISTED_QUERY_TTL_SECONDS = 86_400;

/** Mounts Apollo Server on POST/GET /graphql, behind the limits of src/config/limits.ts. */
export async function registerGraphql(app: FastifyInstance, { orm, schema, config, store, caches }: GraphqlDeps) {
  const { limits, production } = config;
  const limiter = new RateLimiter(store, limits);
  const networkSize = new NetworkSizeSource(orm.config.get('clientUrl')!);
  await networkSize.read();
  // GET /graphql in a browser: the explorer in development (from the server's own files), nothing in production
  const landingPage = (!production && registerExplorer(app)) || ApolloServerPluginLandingPageDisabled();
  const executableSchema = withResponseItemLimit(transactionalMutations(schema));
  // every plugin with request hooks, in order: Apollo Server runs them, and so does the direct path
  const requestPlugins = [
    errorLogging,
    serviceUnavailablePlugin,
    costPlugin(limiter, limits, networkSize),
    // after the cost plugin, so a stored answer knows what it cost
    responseCachePlugin(caches.answers),
    inputBoundary,
    auditLog,
    governedReadsPlugin,
  ];
  const errorFormatting = { formatError, includeStacktraceInErrorResponses: !production };
  const known = new KnownQueries();
  const apollo = new ApolloServer<GraphqlContext>({
    gateway: compiledSchemaGateway(executableSchema),
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    ...errorFormatting,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Apollo's APQ protocol: a dashboard sends the hash of a registered query, by GET, so a CDN can cache it too
    persistedQueries: { cache: caches.persistedQueries, ttl: PERSISTED_QUERY_TTL_SECONDS },
    parseOptions: parseOptions(limits),
    validationRules: documentLimitRules(limits),
    stringifyResult,
    plugins: [
      fastifyApolloDrainPlugin(app),
      ...forApollo(requestPlugins),
      known.plugin,
      // traces would tell a gateway how the server spends its time; we report metrics ourselves
      ApolloServerPluginInlineTraceDisabled(),
      // cache scopes come from ./response-cache/cache-scope.ts, once per document, not per resolved field
      ApolloServerPluginCacheControlDisabled(),
      landingPage,
    ],
  });
  await apollo.start();
  const direct = new DirectQueries({
    ...errorFormatting,
    schema: executableSchema,
    plugins: requestPlugins,
    context: (request) => new GraphqlRequestContext(orm.em, request),
    stringifyResult,
    apollo,
    known,
  });
  await app.register(async (scope) => {
    registerRequestDeadline(scope, limits);
    // queries Apollo Server has already validated are answered without its request pipeline (./direct-queries.ts)
    scope.addHook('onRoute', (route) => {
      if (route.url === '/graphql') route.handler = direct.wrap(route.handler);
    });
    registerRequestScope(scope);
    registerRateLimit(scope, limiter);
    const answers = caches.answers;
    if (answers) registerResponseCache(scope, { store: answers, orm, limits });
    // one hook for the headers of the scope's answers, in callback form (no promise per request)
    scope.addHook('onSend', (request, reply, payload, done) => {
      putBudgetHeaders(request, reply);
      done(null, answers && answerNotModified(request, reply) ? null : payload);
    });
    await scope.register(fastifyApollo(apollo), {
      path: '/graphql',
      context: async (request) => new GraphqlRequestContext(orm.em, request),
    });
  });
  return apollo;
}
