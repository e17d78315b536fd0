/** `npm run schema:print`: writes schema.graphql, the subgraph contract partners compose against. */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { printSubgraphSdl } from './subgraph-sdl';

printSubgraphSdl()
  .then((sdl) => {
    fs.writeFileSync(path.join(projectRoot(), 'schema.graphql'), sdl);
    console.log('Wrote schema.graphql');
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
