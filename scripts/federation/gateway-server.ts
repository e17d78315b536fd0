import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError } from 'graphql';

/** What the gateway keeps of the caller's request: the Authorization header, and the address it came from. */
export interface GatewayContext {
  authorization?: string;
  clientAddress?: string;
}

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/**
 * Talks to our subgraph: sends the caller's Authorization header with every subgraph request, and passes our
 * subgraph's own error (e.g. UNAUTHENTICATED for an unknown key) through instead of the bare HTTP status.
 * X-Forwarded-For carries the address the caller connected from (never a value the caller sent), so our per-address
 * limits for anonymous callers count each caller, not the gateway, when our API trusts the gateway (TRUST_PROXY).
 */
class ForwardAuthorizationDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.clientAddress) request.http?.headers.set('x-forwarded-for', context.clientAddress);
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response.clone());
    const first = (body as { errors?: { message: string; extensions?: { code?: string } }[] })?.errors?.[0];
    if (!first?.extensions?.code) return super.errorFromResponse(response);
    return new GraphQLError(first.message, { extensions: { code: first.extensions.code } });
  }
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** The subgraph (by its name in the supergraph) the caller's Authorization header is forwarded to. */
  authorizedSubgraph: string;
  port: number;
  host?: string;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/** Apollo Gateway over a static supergraph, served over HTTP. Other subgraphs get no header of the caller's. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      name === options.authorizedSubgraph
        ? new ForwardAuthorizationDataSource({ url })
        : new RemoteGraphQLDataSource({ url }),
  });
  // the process that starts the gateway stops it (and the subgraphs behind it) in its own order
  const server = new ApolloServer<GatewayContext>({ gateway, stopOnTerminationSignals: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host ?? '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization, clientAddress: req.socket.remoteAddress }),
  });
  return { url, stop: () => server.stop() };
}
