import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTemplateDatabase, type DatabaseCopy } from '../support/database-copy';

const CLI = path.join(__dirname, '..', '..', 'dist', 'src', 'cli.js');
const TABLES = {
  inventory_line_total: 'inventory_id, sector, energy_carrier, scope',
  member_year_total: 'member_id, year, public_only',
  member_year_sector_total: 'member_id, year, public_only, sector',
  member_charter_progress: 'member_id, public_only',
  network_line_total:
    'public_only, shape, year, standard, sector, energy_carrier, scope, country_code, member_category',
  network_line_mask_total:
    'public_only, year, country_code, member_category, standard, better_standards, carrier_scope, sector_scope',
  network_status_year_total: 'public_only, year, country_code, member_category, member_status',
  network_charter_status_count: 'public_only, country_code, member_category, member_status, status',
};

let database: DatabaseCopy;
let client: Client;
beforeAll(async () => {
  database = await copyTemplateDatabase('rebuild');
  client = new Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

async function figures(): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    Object.entries(TABLES).map(async ([table, key]) => [
      table,
      (await client.query(`select * from ${table} order by ${key}`)).rows,
    ]),
  );
  return Object.fromEntries(entries);
}

function rebuild(): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'rebuild-figures'], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describe('npm run db:rebuild-figures', () => {
  it('recomputes every maintained figure from the records', async () => {
    const before = await figures();
    for (const rows of Object.values(before)) expect(rows.length).toBeGreaterThan(0);
    await client.query(`update inventory_line_total set emissions_tco2e = emissions_tco2e + 1 where preferred`);
    await client.query(`delete from member_year_total where year < 2010`);
    await client.query(`update member_year_sector_total set final_energy_mwh = null`);
    await client.query(`update member_charter_progress set status = 'NO_DATA', reduction_percent = null`);
    await client.query(`insert into member_year_total select gen_random_uuid(), 2000, true, 'BISKO', 1, null, true`);
    await client.query(`update network_line_total set member_count = member_count + 1 where shape = 'energy_carrier'`);
    await client.query(`delete from network_line_total where shape = 'standard'`);
    await client.query(`update network_line_mask_total set member_count = member_count + 1 where better_standards = 0`);
    await client.query(
      `update network_status_year_total set member_count = member_count + 1 where member_status = 'ACTIVE'`,
    );
    await client.query(`delete from network_charter_status_count where status = 'ON_TRACK'`);
    expect(await figures()).not.toEqual(before);
    const ended = await rebuild();
    expect(ended.stderr).toBe('');
    expect(ended.code).toBe(0);
    expect(await figures()).toEqual(before);
  }, 60_000);
});
