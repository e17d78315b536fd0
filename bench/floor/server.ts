/**
 * The floor server of `npm run bench`: Fastify and a pg pool of 10 (as our API's), `POST /<scenario>` with a JSON array
 * of parameters runs that scenario's one statement and sends PostgreSQL's JSON as it is.
 * DATABASE_URL and PORT come from the environment.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { FLOOR_STATEMENTS } from './statements.sql';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = Fastify({ logger: false });
  app.get('/health', async () => ({ status: 'ok' }));
  app.post<{ Params: { scenario: string }; Body: unknown[] | null }>('/:scenario', async (request, reply) => {
    const sql = FLOOR_STATEMENTS[request.params.scenario];
    if (!sql) return reply.code(404).send({ error: `no floor statement for ${request.params.scenario}` });
    const result = await pool.query<{ body: string }>(sql, Array.isArray(request.body) ? request.body : []);
    return reply.type('application/json').send(result.rows[0].body);
  });
  const stop = () => void app.close().then(() => pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
