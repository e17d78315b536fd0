import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { postgresBinaries, unreachableFolder } from './embedded/binaries';
import { EmbeddedPostgresError } from './embedded/embedded-postgres-error';
import { postgresUser } from './embedded/postgres-user';
import { initialiseCluster, startPostmaster } from './embedded/postmaster';
import { clearOwner, clearStaleCluster, recordOwner } from './embedded/stale-cluster';
import { startWatchdog } from './embedded/watchdog';

export { EmbeddedPostgresError };

export interface EmbeddedDatabase {
  clientUrl: string;
  /** The PostgreSQL server process and the watchdog that stops it should this process die first. */
  pids: { postmaster: number; watchdog: number };
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database: string;
  /** PostgreSQL's own output, line by line. */
  log: (line: string) => void;
  /** What the start had to clean up after an earlier run. */
  warn?: (message: string) => void;
  /** Server settings for this start (`-c name=value`), e.g. `{ wal_level: 'logical' }` for a publishing primary. */
  settings?: Record<string, string>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** PostgreSQL refuses to run as root, so it runs as the `postgres` user, who must reach the data folder. */
function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const blocked = unreachableFolder(path.dirname(dataDir));
  if (blocked) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${blocked} (no execute bit for others). ` +
        `Set DATA_DIR to a folder it can reach, e.g. DATA_DIR=/var/tmp/climate-alliance, or run "chmod o+x ${blocked}".`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster kept in `dataDir`, and makes sure `database` exists. The
 * cluster ends with this process however it ends (a watchdog stops it), and a cluster left by a crashed run is stopped.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  assertReachableByPostgresUser(dataDir);
  const recentLines: string[] = [];
  const output = (line: string) => {
    if (!line.trim()) return;
    recentLines.push(line);
    if (recentLines.length > 20) recentLines.shift();
    options.log(line);
  };
  const failed =
    (step: string) =>
    (error: unknown): never => {
      if (error instanceof EmbeddedPostgresError) throw error;
      const cause = error instanceof Error ? error.message : String(error);
      throw new EmbeddedPostgresError(
        `Embedded PostgreSQL failed to ${step} in ${dataDir}. ${cause}\n${recentLines.join('\n')}`,
      );
    };
  const bin = await Promise.resolve().then(postgresBinaries).catch(failed('prepare its binaries'));
  const runAs = postgresUser();
  const pgCtl = path.join(bin, 'pg_ctl');
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initialiseCluster(bin, dataDir, { user: USER, password: PASSWORD }, runAs, output).catch(
      failed('initialise'),
    );
  }
  const cleared = await clearStaleCluster(dataDir, pgCtl, runAs).catch(failed('clear the earlier run'));
  if (cleared) options.warn?.(cleared);

  const port = await freePort();
  recordOwner(dataDir);
  const { postmaster, ready } = startPostmaster(bin, dataDir, port, runAs, output, options.settings);
  const watchdog = startWatchdog(pgCtl, dataDir, runAs);
  watchdog.once('error', (error) =>
    options.warn?.(`could not start the embedded PostgreSQL's watchdog: ${error.message}`),
  );
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (postmaster.pid !== undefined && postmaster.exitCode === null && postmaster.signalCode === null) {
        const exited = once(postmaster, 'exit');
        postmaster.kill('SIGINT');
        await exited;
      }
      watchdog.kill('SIGKILL');
      clearOwner(dataDir);
    })());
  try {
    await ready.catch(failed('start'));
    await ensureDatabase(port, options.database).catch(failed('create the database'));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    clientUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    pids: { postmaster: postmaster.pid!, watchdog: watchdog.pid! },
    stop,
  };
}
