/**
 * `npm run supergraph`: composes schema.graphql (our subgraph) with the City Cycling example into supergraph.graphql,
 * with the local development URLs (API_PORT, PARTNER_PORT). Fails on any composition error or hint that matters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { composeSupergraph } from './federation/compose';
import { localPorts, localSubgraphs, localUrl } from './federation/local-graph';

try {
  const ports = localPorts();
  const { supergraphSdl, hints } = composeSupergraph(
    localSubgraphs({ climateAlliance: localUrl(ports.climateAlliance), cityCycling: localUrl(ports.cityCycling) }),
  );
  for (const hint of hints) console.log(`hint (${hint.level}, ignored) ${hint.code}: ${hint.message}`);
  fs.writeFileSync(path.join(projectRoot(), 'supergraph.graphql'), supergraphSdl);
  console.log('Wrote supergraph.graphql');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
