import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { FastifyInstance } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import pino from 'pino';
import type { CyclingResult } from '../../examples/partner-subgraph/city-cycling.data';
import { cityCyclingSchema } from '../../examples/partner-subgraph/city-cycling.schema';
import { composeSupergraph, type SubgraphSource } from '../../scripts/federation/compose';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../scripts/federation/gateway-server';
import { composeSupergraphWithTheGuild } from '../../scripts/federation/guild-compose';
import { startHiveGateway } from '../../scripts/federation/hive-gateway-server';
import { CLIMATE_ALLIANCE_SUBGRAPH, localSubgraphs } from '../../scripts/federation/local-graph';
import { buildServer } from '../../src/http/server';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import type { GraphqlResponse, TestApp } from '../support/test-app';

/** What our subgraph received from the gateway, and what it answered. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: { query: string; variables?: Record<string, any> };
  status: number;
  response: { data?: any; errors?: any[]; extensions?: Record<string, any> };
}

export interface FederatedGraph {
  /** The gateway's URL. */
  url: string;
  /** Every request our subgraph received, oldest first. */
  climateAllianceRequests: ReceivedRequest[];
  /** Every request the City Cycling subgraph received, oldest first (headers only). */
  cityCyclingHeaders: IncomingHttpHeaders[];
  /** POSTs an operation to the gateway over HTTP, as a partner dashboard would. */
  query<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

interface GatewayKind {
  compose(subgraphs: SubgraphSource[]): { supergraphSdl: string };
  start(options: GatewayOptions): Promise<RunningGateway>;
}

/** The gateways the suite runs the graph through, each over its own vendor's composition. */
export const GATEWAYS = {
  apollo: { compose: composeSupergraph, start: startGateway },
  hive: { compose: composeSupergraphWithTheGuild, start: startHiveGateway },
} satisfies Record<string, GatewayKind>;
export type GatewayName = keyof typeof GATEWAYS;

/**
 * Our subgraph listening on 127.0.0.1 over the test app's database (so `api.statementCount()` sees its SQL), the City
 * Cycling example over `results`, and a gateway (Apollo Gateway unless told) over their composition, each on a port of
 * its own.
 */
export async function startFederatedGraph(
  api: TestApp,
  results: CyclingResult[],
  gatewayName: GatewayName = 'apollo',
): Promise<FederatedGraph> {
  const climateAllianceRequests: ReceivedRequest[] = [];
  const cityCyclingHeaders: IncomingHttpHeaders[] = [];

  const subgraph: FastifyInstance = await buildServer({
    config: api.config,
    orm: api.orm,
    schema: await buildFederatedSchema(),
    logger: pino({ level: 'silent' }),
  });
  subgraph.addHook('onSend', async (request, reply, payload) => {
    if (request.url !== '/graphql') return;
    climateAllianceRequests.push({
      headers: request.headers,
      body: request.body as ReceivedRequest['body'],
      status: reply.statusCode,
      response: typeof payload === 'string' ? JSON.parse(payload) : {},
    });
  });
  await subgraph.listen({ port: 0, host: '127.0.0.1' });
  const subgraphPort = (subgraph.server.address() as AddressInfo).port;

  const partner = new ApolloServer({
    schema: cityCyclingSchema(results),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url: partnerUrl } = await startStandaloneServer(partner, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      cityCyclingHeaders.push(req.headers);
      return {};
    },
  });

  const kind: GatewayKind = GATEWAYS[gatewayName];
  const { supergraphSdl } = kind.compose(
    localSubgraphs({ climateAlliance: `http://127.0.0.1:${subgraphPort}/graphql`, cityCycling: partnerUrl }),
  );
  const gateway: RunningGateway = await kind.start({
    supergraphSdl,
    authorizedSubgraph: CLIMATE_ALLIANCE_SUBGRAPH,
    port: 0,
  });

  return {
    url: gateway.url,
    climateAllianceRequests,
    cityCyclingHeaders,
    async query(query, variables, headers = {}) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        ...((await response.json()) as object),
      };
    },
    async close() {
      await gateway.stop();
      await partner.stop();
      await subgraph.close();
    },
  };
}
