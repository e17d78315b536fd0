/**
 * The one PostgreSQL the three servers share: DATABASE_URL when given, else an embedded cluster in BENCH_DATA_DIR, kept
 * between runs, with a database per scale of the data. Migrated and seeded once with the project's own commands;
 * later runs reuse the data.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';

export interface BenchDatabase {
  url: string;
  /** Where it lives, for the report (never the password). */
  description: string;
  close(): Promise<void>;
}

async function countOf(url: string, table: 'country' | 'member'): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(`select count(*) as count from ${table}`);
    return Number(result.rows[0].count);
  } finally {
    await client.end();
  }
}

function projectCommand(projectRoot: string, url: string, command: 'migrate' | 'seed', args: string[] = []): void {
  execFileSync(process.execPath, [path.join(projectRoot, 'dist', 'src', 'cli.js'), command, ...args], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
}

/** `scale`: times the demo data to seed an embedded database with (`db:seed -- --scale`). */
export async function openBenchDatabase(projectRoot: string, scale = 1): Promise<BenchDatabase> {
  let url = process.env.DATABASE_URL;
  let description: string;
  let close = async () => {};
  if (url) {
    const parsed = new URL(url);
    description = `DATABASE_URL (${parsed.hostname}:${parsed.port || 5432}${parsed.pathname})`;
  } else {
    const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'climate-alliance-bench'));
    const embedded = await startEmbeddedPostgres({
      dataDir,
      database: scale === 1 ? 'climate_alliance_bench' : `climate_alliance_bench_x${scale}`,
      log: () => {},
      warn: (message) => console.warn(message),
    });
    url = embedded.clientUrl;
    description = `embedded PostgreSQL 18 in ${dataDir}`;
    close = embedded.stop;
  }
  try {
    projectCommand(projectRoot, url, 'migrate');
    if ((await countOf(url, 'country')) === 0) {
      console.log(`seeding the benchmark database at ×${scale} (once)`);
      projectCommand(projectRoot, url, 'seed', ['--scale', String(scale)]);
    }
    description += `, ${(await countOf(url, 'member')).toLocaleString('en-US')} members`;
  } catch (error) {
    await close();
    throw error;
  }
  return { url, description, close };
}
