import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { authenticate } from '../auth/authenticate';
import type { RequestContext } from '../common/context';
import { LoaderRegistry } from '../common/loaders';
import type { Config } from '../config';
import { formatError } from './format-error';

/** Logs every unexpected error in full, with the request id, before formatError masks it for the caller. */
const errorLogging: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (!code || code === 'INTERNAL_SERVER_ERROR') {
            contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'GraphQL operation failed');
          }
        }
      },
    };
  },
};

export async function contextFor(request: FastifyRequest, orm: MikroORM, config: Config): Promise<RequestContext> {
  const em = orm.em.fork();
  const viewer = await authenticate(request.headers.authorization, em, config.adminApiKey);
  return { requestId: request.id, viewer, em, loaders: new LoaderRegistry(), log: request.log as Logger };
}

/** Mounts Apollo Server on POST/GET /graphql. */
export async function registerGraphql(app: FastifyInstance, orm: MikroORM, schema: GraphQLSchema, config: Config) {
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError,
    plugins: [
      fastifyApolloDrainPlugin(app),
      errorLogging,
      // traces would tell a gateway how the server spends its time; we report metrics ourselves
      ApolloServerPluginInlineTraceDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: (request) => contextFor(request, orm, config),
  });
  return apollo;
}
