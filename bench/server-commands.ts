/** How the benchmark starts each server: as a user would, in production mode, on the shared database. */
import path from 'node:path';
import type { BenchOptions } from './args';
import { preparePostGraphile } from './peers';
import { BENCH_ADMIN_KEY } from './requests';
import type { ServerCommand } from './servers';

export function serverCommands(
  projectRoot: string,
  options: BenchOptions,
  databaseUrl: string,
  profileDir: string,
): ServerCommand[] {
  const commands: ServerCommand[] = [];
  for (const name of options.servers) {
    if (name === 'ours') {
      const profile = options.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
      commands.push({
        name,
        command: process.execPath,
        args: [...profile, path.join(projectRoot, 'dist', 'src', 'main.js')],
        env: {
          DATABASE_URL: databaseUrl,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          ADMIN_API_KEY: BENCH_ADMIN_KEY,
          // one client on one address: the benchmark measures the server, not the rate limit
          RATE_LIMIT_POINTS: '1000000000',
          RATE_LIMIT_ANONYMOUS_POINTS: '1000000000',
          // the fan-out (10 members → 88 inventories → 2,640 records) is estimated above the default 10,000 points
          GRAPHQL_MAX_COST: '100000',
          SHUTDOWN_GRACE_MS: '2000',
        },
        ready: { get: '/health/ready' },
      });
    } else if (name === 'postgraphile') {
      const peer = preparePostGraphile(projectRoot);
      commands.push({
        name,
        command: peer.node,
        args: [peer.script],
        env: { DATABASE_URL: databaseUrl, POOL_SIZE: '10', NODE_ENV: 'production', GRAPHILE_ENV: 'production' },
        ready: { graphql: '/graphql' },
      });
    } else {
      commands.push({
        name,
        command: process.execPath,
        args: [path.join(projectRoot, 'dist', 'bench', 'floor', 'server.js')],
        env: { DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
        ready: { get: '/health' },
      });
    }
  }
  return commands;
}
