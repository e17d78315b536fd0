import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { typeDefs as cityCyclingTypeDefs } from '../../examples/partner-subgraph/city-cycling.schema';
import { projectRoot } from '../../src/config';
import type { SubgraphSource } from './compose';

/** Our subgraph's name in the supergraph: the only one the gateway forwards the caller's Authorization header to. */
export const CLIMATE_ALLIANCE_SUBGRAPH = 'climate-alliance';
export const CITY_CYCLING_SUBGRAPH = 'city-cycling';

export interface LocalPorts {
  gateway: number;
  climateAlliance: number;
  cityCycling: number;
}

function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name] ?? String(fallback);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`Invalid environment variable ${name}: "${raw}" is not a port number (1-65535)`);
  }
  return value;
}

/** Ports of the local development graph: GATEWAY_PORT (4000), API_PORT (4001), PARTNER_PORT (4002). */
export function localPorts(env: NodeJS.ProcessEnv = process.env): LocalPorts {
  return {
    gateway: portFrom(env, 'GATEWAY_PORT', 4000),
    climateAlliance: portFrom(env, 'API_PORT', 4001),
    cityCycling: portFrom(env, 'PARTNER_PORT', 4002),
  };
}

/** The gateways `npm run gateway` can serve the graph with (GATEWAY, default apollo). */
export const LOCAL_GATEWAYS = ['apollo', 'hive'] as const;
export type LocalGateway = (typeof LOCAL_GATEWAYS)[number];

export function localGateway(env: NodeJS.ProcessEnv = process.env): LocalGateway {
  const raw = env.GATEWAY ?? 'apollo';
  if (!(LOCAL_GATEWAYS as readonly string[]).includes(raw)) {
    throw new Error(`Invalid environment variable GATEWAY: "${raw}" is not one of ${LOCAL_GATEWAYS.join(', ')}`);
  }
  return raw as LocalGateway;
}

export const localUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** The committed contract partners compose against (written by `npm run schema:print`). */
export function committedSchema(): string {
  return fs.readFileSync(path.join(projectRoot(), 'schema.graphql'), 'utf8');
}

/** Our subgraph (schema.graphql) and the City Cycling example, at the given URLs. */
export function localSubgraphs(urls: { climateAlliance: string; cityCycling: string }): SubgraphSource[] {
  return [
    { name: CLIMATE_ALLIANCE_SUBGRAPH, url: urls.climateAlliance, typeDefs: parse(committedSchema()) },
    { name: CITY_CYCLING_SUBGRAPH, url: urls.cityCycling, typeDefs: cityCyclingTypeDefs },
  ];
}
