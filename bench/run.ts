/**
 * `npm run bench`: serves the API on the seeded data set (the embedded PostgreSQL in BENCH_DATA_DIR, kept between runs,
 * or DATABASE_URL) and drives each scenario with autocannon from this process over loopback.
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) set the load.
 */
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { isEmpty, openDatabase } from '../src/db/database';
import { seedDatabase } from '../src/db/seed';
import { buildServer } from '../src/http/server';
import { entities } from '../src/modules';
import { buildFederatedSchema } from '../src/schema/build-schema';
import { SCENARIOS, type BenchScenario } from './scenarios';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

function body(scenario: BenchScenario, memberId: string): string {
  const variables = JSON.parse(
    JSON.stringify(scenario.variables ?? {}).replace('"$memberId"', JSON.stringify(memberId)),
  );
  return JSON.stringify({ query: scenario.query, variables });
}

async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'warn',
    // one client on one address: the benchmark measures the server, not the anonymous rate limit
    RATE_LIMIT_ANONYMOUS_POINTS: '1000000000',
    DATA_DIR: process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'climate-alliance-bench'),
  });
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, entities, logger);
  if (await isEmpty(database.orm)) {
    const started = Date.now();
    await seedDatabase(database.orm);
    console.log(`seeded the benchmark database in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const app = await buildServer({ config, orm: database.orm, schema: await buildFederatedSchema(), logger });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const [{ id: memberId }] = await database.orm.em
    .getConnection()
    .execute<{ id: string }[]>(`select id from member where name = 'Wien'`);

  console.log(`${seconds} s per scenario, ${connections} connections, ${os.cpus().length} cores\n`);
  console.log('scenario | req/s | p50 ms | p99 ms | errors');
  console.log('--- | ---: | ---: | ---: | ---:');
  for (const scenario of SCENARIOS) {
    const payload = body(scenario, memberId);
    const check = await fetch(`${address}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
    });
    const answer = (await check.json()) as { errors?: unknown[] };
    if (answer.errors) throw new Error(`${scenario.name} fails: ${JSON.stringify(answer.errors)}`);
    const result = await autocannon({
      url: `${address}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
      connections,
      duration: seconds,
    });
    const errors = result.errors + result.non2xx;
    console.log(
      `${scenario.name} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${errors}`,
    );
  }
  await app.close();
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
