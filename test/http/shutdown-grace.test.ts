import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { onMaintenanceDatabase } from '../support/database-server';
import type { LogLine } from './listening-app';

const MAIN = path.join(__dirname, '..', '..', 'dist', 'src', 'main.js');
const GRACE_MS = 1_000;
const ADMIN_KEY = 'shutdown-grace-admin-key-0123456789';

const maintenanceUrl = inject('databaseServerUrl');
const database = `${inject('templateDatabase').replace(/_template$/, '')}_grace_${process.pid}`;
const databaseUrl = Object.assign(new URL(maintenanceUrl), { pathname: `/${database}` }).toString();

let server: ChildProcess | undefined;

beforeAll(async () => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (\`npm test\` does it first)`);
  await onMaintenanceDatabase(maintenanceUrl, [
    `create database "${database}" template "${inject('templateDatabase')}"`,
  ]);
  // tens of megabytes of export, far more than the sockets between server and client can buffer
  await onMaintenanceDatabase(databaseUrl, [
    'alter table emission_record drop constraint emission_record_inventory_line_unique',
    `insert into emission_record (id, created_at, updated_at, inventory_id, sector, energy_carrier, scope,
       final_energy_mwh, emissions_tco2e, data_quality, notation_key, notation_explanation)
     select gen_random_uuid(), created_at, updated_at, inventory_id, sector, energy_carrier, scope,
       final_energy_mwh, emissions_tco2e, data_quality, notation_key, notation_explanation
     from emission_record, generate_series(1, 200)`,
  ]);
});

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  await onMaintenanceDatabase(maintenanceUrl, [`drop database if exists "${database}" with (force)`]);
});

describe('shutdown grace period', () => {
  it('cuts a download still running when the grace period ends, and exits 0', async () => {
    server = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ADMIN_API_KEY: ADMIN_KEY,
        SHUTDOWN_GRACE_MS: String(GRACE_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = server;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const lines: LogLine[] = [];
    const listening = new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).on('line', (text) => {
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        const address = /^Server listening at (http:\/\/\S+)/.exec(line.msg);
        if (address) resolve(address[1]);
      });
      void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
    });
    const baseUrl = await listening;

    // a client that reads the first chunk of the export, then nothing more
    const download = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(`${baseUrl}/export/emissions.csv`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } }, resolve)
        .on('error', reject);
    });
    expect(download.statusCode).toBe(200);
    await new Promise((resolve) => download.once('data', resolve));
    download.pause();

    const signalled = performance.now();
    child.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running 10 s after SIGTERM'), 10_000)),
    ]);
    const ms = performance.now() - signalled;

    expect(code, `stderr: ${stderr}\nlog: ${lines.map((line) => line.msg).join(' | ')}`).toBe(0);
    expect(ms).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(ms).toBeLessThan(GRACE_MS + 4_000);
    // what the sockets still buffer is read now; then the download ends, incomplete
    const cut = new Promise<boolean>((resolve) => download.once('close', () => resolve(download.complete)));
    download.on('error', () => undefined).resume();
    expect(await cut).toBe(false);
    const messages = lines.map((line) => line.msg);
    expect(messages).toContain('shutdown grace period over: cutting the requests still running');
    expect(messages.at(-1)).toBe('stopped');
  }, 60_000);
});
