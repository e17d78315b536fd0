/**
 * `npm run schema:print`: writes schema.graphql, the subgraph contract partners compose against, and
 * schema.client.graphql, the same API as clients of the composed graph see it (for typed clients).
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { printClientSdl } from './client-sdl';
import { printSubgraphSdl } from './subgraph-sdl';

async function printSchemaFiles(): Promise<void> {
  fs.writeFileSync(path.join(projectRoot(), 'schema.graphql'), await printSubgraphSdl());
  console.log('Wrote schema.graphql');
  fs.writeFileSync(path.join(projectRoot(), 'schema.client.graphql'), await printClientSdl());
  console.log('Wrote schema.client.graphql');
}

printSchemaFiles().catch((error) => {
  console.error(error);
  process.exit(1);
});
