import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { GatewayOptions, RunningGateway } from './gateway-server';
import { useValueCompletionLikeApolloGateway } from './hive-value-completion';

/** What Hive Gateway's context holds when it is served by node:http: the caller's request. */
interface NodeServerContext {
  req?: IncomingMessage;
}

/**
 * Hive Gateway over a static supergraph, served over HTTP, with the same rules as our Apollo Gateway: the caller's
 * Authorization header and address (X-Forwarded-For, never a value the caller sent) go to `authorizedSubgraph` only,
 * other subgraphs get no header of the caller's. Our subgraph's errors reach the caller with their message and code:
 * they are GraphQL errors already meant for clients (the subgraph masks its own internal errors).
 */
export async function startHiveGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = createGatewayRuntime<NodeServerContext>({
    supergraph: options.supergraphSdl,
    graphqlEndpoint: '/',
    landingPage: false,
    graphiql: false,
    logging: 'error',
    // no id of the caller's (nor one of the gateway's) goes to a subgraph: our API makes its own
    requestId: false,
    plugins: () => [useValueCompletionLikeApolloGateway()],
    propagateHeaders: {
      fromClientToSubgraphs({ request, context, subgraphName }) {
        if (subgraphName !== options.authorizedSubgraph) return;
        return {
          authorization: request.headers.get('authorization'),
          'x-forwarded-for': context.req?.socket.remoteAddress,
        };
      },
    },
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/`,
    async stop() {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await gateway.dispose();
    },
  };
}
