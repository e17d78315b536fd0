import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { LoaderRegistry } from '../common/loaders';
import type { Config } from '../config';
import { databaseTrouble } from '../db/database-trouble';
import { auditLog } from './audit';
import { costPlugin } from './cost-plugin';
import type { CostStore } from './cost-store';
import { documentLimitRules, parseOptions } from './document-limits';
import { registerExplorer } from './explorer/explorer';
import { formatError } from './format-error';
import type { GraphqlContext } from './graphql-context';
import { inputBoundary } from './input-boundary';
import { NetworkSizeSource } from './network-size';
import { transactionalMutations } from './mutation-transaction';
import { RateLimiter, registerRateLimit } from './rate-limit';
import { registerRequestDeadline } from './request-deadline';
import { serviceUnavailablePlugin } from './service-unavailable';

/**
 * Logs every unexpected error in full, with the request id, before formatError masks it for the caller (database
 * trouble is logged by serviceUnavailablePlugin).
 */
const errorLogging: ApolloServerPlugin<GraphqlContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          const code = error.extensions?.code;
          if ((!code || code === 'INTERNAL_SERVER_ERROR') && !databaseTrouble(error)) {
            contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'GraphQL operation failed');
          }
        }
      },
    };
  },
};

/** The viewer was resolved on arrival by the server's authentication hook (./authentication.ts). */
function contextFor(request: FastifyRequest, orm: MikroORM): GraphqlContext {
  return {
    requestId: request.id,
    viewer: request.viewer,
    em: orm.em.fork(),
    loaders: new LoaderRegistry(),
    log: request.log as Logger,
    accessPurpose: [request.headers['x-access-purpose']].flat()[0],
    request,
  };
}

export interface GraphqlDeps {
  orm: MikroORM;
  schema: GraphQLSchema;
  config: Config;
  /** Where rate-limit budgets are counted. */
  store: CostStore;
}

/** Mounts Apollo Server on POST/GET /graphql, behind the limits of ./limits.ts. */
export async function registerGraphql(app: FastifyInstance, { orm, schema, config, store }: GraphqlDeps) {
  const { limits, production } = config;
  const limiter = new RateLimiter(store, limits);
  const networkSize = new NetworkSizeSource(orm.config.get('clientUrl')!);
  await networkSize.read();
  // GET /graphql in a browser: the explorer in development (from the server's own files), nothing in production
  const landingPage = (!production && registerExplorer(app)) || ApolloServerPluginLandingPageDisabled();
  const apollo = new ApolloServer<GraphqlContext>({
    schema: transactionalMutations(schema),
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: parseOptions(limits),
    validationRules: documentLimitRules(limits),
    formatError,
    plugins: [
      fastifyApolloDrainPlugin(app),
      errorLogging,
      serviceUnavailablePlugin,
      costPlugin(limiter, limits, networkSize),
      inputBoundary,
      auditLog,
      // traces would tell a gateway how the server spends its time; we report metrics ourselves
      ApolloServerPluginInlineTraceDisabled(),
      // no type or field declares cache hints, so computing a policy per field is pure overhead
      ApolloServerPluginCacheControlDisabled(),
      landingPage,
    ],
  });
  await apollo.start();
  await app.register(async (scope) => {
    registerRequestDeadline(scope, limits);
    registerRateLimit(scope, limiter);
    await scope.register(fastifyApollo(apollo), {
      path: '/graphql',
      context: async (request) => contextFor(request, orm),
    });
  });
  return apollo;
}
