import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrationsList } from '../../src/db/migrations';
import { onMaintenanceDatabase } from '../support/database-server';

const CLI = path.join(__dirname, '..', '..', 'dist', 'scripts', 'mikro-orm.js');
const MIGRATIONS = migrationsList.map((migration) => migration.name);

let maintenanceUrl: string;
let databaseUrl: string;
let database: string;
beforeAll(async () => {
  maintenanceUrl = inject('databaseServerUrl');
  // named after the run's template, so the run's teardown drops it should this file not get to
  database = `${inject('templateDatabase').replace(/_template$/, '')}_cli_${randomBytes(3).toString('hex')}`;
  await onMaintenanceDatabase(maintenanceUrl, [`create database "${database}"`]);
  databaseUrl = Object.assign(new URL(maintenanceUrl), { pathname: `/${database}` }).toString();
});
afterAll(() => onMaintenanceDatabase(maintenanceUrl, [`drop database if exists "${database}" with (force)`]));

/** `npm run db:migration:<command>` (a few seconds each: every run starts the CLI and the ORM)  without its build step: the MikroORM CLI through scripts/mikro-orm.ts. */
function migration(command: string): Promise<{ code: number | null; output: string; names: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, `migration:${command}`], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output, names: output.match(/Migration\d{14}/g) ?? [] }));
  });
}

describe('npm run db:migration:* (the MikroORM CLI)', () => {
  it('lists pending and executed migrations, and applies and reverts them', async () => {
    expect(MIGRATIONS.length).toBeGreaterThan(1);
    const pending = await migration('pending');
    expect(pending.code, pending.output).toBe(0);
    expect(pending.names).toEqual(MIGRATIONS);

    const up = await migration('up');
    expect(up.code, up.output).toBe(0);
    const list = await migration('list');
    expect(list.code, list.output).toBe(0);
    expect(list.names).toEqual(MIGRATIONS);

    const down = await migration('down');
    expect(down.code, down.output).toBe(0);
    expect((await migration('pending')).names).toEqual(MIGRATIONS.slice(-1));
  }, 120_000);
});
