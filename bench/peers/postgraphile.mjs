// PostGraphile v5 over the same tables, for `npm run bench` only. Plain JavaScript run by Node 24 from the bench's peer
// cache (copied there at run time, so `postgraphile` resolves from that cache and never from the project).
// DATABASE_URL, PORT and POOL_SIZE come from the environment; "listening" on stdout says it is ready.
import { createServer } from 'node:http';
import process from 'node:process';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['public'],
      poolConfig: { max: Number(process.env.POOL_SIZE ?? 10) },
    }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const server = createServer();
server.on('error', (error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
pgl.createServ(grafserv).addTo(server);
await pgl.getSchema();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
const stop = () => server.close(() => pgl.release().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
