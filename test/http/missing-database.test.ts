import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const DIST = path.join(__dirname, '..', '..', 'dist', 'src');
const maintenanceUrl = inject('databaseServerUrl');
/** A mistyped database name: nothing on the server is called so. */
const missing = `${inject('templateDatabase').replace(/_template$/, '')}_typo_${process.pid}`;
const databaseUrl = Object.assign(new URL(maintenanceUrl), { pathname: `/${missing}` }).toString();

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built entry point against the mistyped DATABASE_URL until it exits (or says it listens, which is wrong). */
function run(script: string, args: string[] = []): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(DIST, script), ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('Server listening')) {
        child.kill('SIGKILL');
        reject(new Error(`started on a database that does not exist:\n${stdout}`));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function databaseExists(): Promise<boolean> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [missing]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'main.js'))) throw new Error('dist/ is missing: run `npm run build`');
});

describe('a DATABASE_URL naming a database that does not exist', () => {
  const explained = `Invalid environment variable DATABASE_URL: the database "${missing}" does not exist on that server`;

  it('stops the server at start with a message naming DATABASE_URL, and creates nothing', async () => {
    const ended = await run('main.js');
    expect(ended.code).toBe(1);
    expect(ended.stderr).toContain(`Could not start the Climate Alliance API: ${explained}`);
    expect(ended.stderr).not.toMatch(/\n\s+at /);
    expect(await databaseExists()).toBe(false);
  }, 30_000);

  it('stops npm run db:migrate the same way', async () => {
    const ended = await run('cli.js', ['migrate']);
    expect(ended.code).toBe(1);
    expect(ended.stderr).toContain(explained);
    expect(await databaseExists()).toBe(false);
  }, 30_000);
});
