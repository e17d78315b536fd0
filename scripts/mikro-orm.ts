/**
 * Runs the MikroORM CLI (`npm run db:migration:up | down | list | pending`) against DATABASE_URL, or, without one,
 * against the embedded PostgreSQL in DATA_DIR, started for the command and stopped after it.
 * Usage: node dist/scripts/mikro-orm.js <mikro-orm command> [arguments]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { loadConfig, projectRoot } from '../src/config';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';

function runCli(args: string[], databaseUrl: string): Promise<number> {
  // the package exports no entry for its command line, so it is found beside its package.json
  const cli = path.join(path.dirname(require.resolve('@mikro-orm/cli/package.json')), 'cli.js');
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: projectRoot(),
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(args: string[]): Promise<number> {
  const config = loadConfig();
  if (config.databaseUrl) return runCli(args, config.databaseUrl);
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    database: 'climate_alliance',
    log: () => {},
  });
  try {
    return await runCli(args, embedded.clientUrl);
  } finally {
    await embedded.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
