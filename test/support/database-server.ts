import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { unreachableFolder } from '../../src/db/embedded/binaries';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres';

/** A PostgreSQL server for the test run: TEST_DATABASE_URL or DATABASE_URL when set, else a fresh embedded one. */
export interface DatabaseServer {
  /** Connection URL with the database name replaced. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export async function startDatabaseServer(): Promise<DatabaseServer> {
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  if (!given) {
    // under os.tmpdir(), which the `postgres` user (PostgreSQL's, when running as root) can reach unless TMPDIR is private
    const blocked = process.getuid?.() === 0 ? unreachableFolder(os.tmpdir()) : undefined;
    if (blocked) {
      throw new Error(
        `The test setup's embedded PostgreSQL runs as the "postgres" user, which cannot enter ${blocked}: ` +
          `set TMPDIR to a folder it can reach (e.g. TMPDIR=/tmp), or give TEST_DATABASE_URL.`,
      );
    }
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-test-pg-'));
    fs.chmodSync(dataDir, 0o755);
    try {
      embedded = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, 'cluster'),
        database: 'postgres',
        log: () => {},
      });
    } catch (error) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }
  const base = new URL(given ?? embedded!.clientUrl);
  return {
    urlFor(database) {
      const url = new URL(base);
      url.pathname = `/${database}`;
      return url.toString();
    },
    async stop() {
      await embedded?.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs statements on the server's maintenance database (`postgres`). */
export async function onMaintenanceDatabase(url: string, statements: string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
