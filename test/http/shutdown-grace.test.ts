import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTemplateDatabase, multiplyEmissionRecords, type DatabaseCopy } from '../support/database-copy';
import { listeningUrl, MAIN, spawnServer, type ServerProcess } from '../support/server-process';

const GRACE_MS = 1_000;
const ADMIN_KEY = 'shutdown-grace-admin-key-0123456789';

let database: DatabaseCopy;
let server: ServerProcess | undefined;

beforeAll(async () => {
  database = await copyTemplateDatabase('grace');
  // tens of megabytes of export, far more than the sockets between server and client can buffer
  await multiplyEmissionRecords(database.url, 200);
});

afterAll(async () => {
  const child = server?.child;
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await server?.closed;
  await database.drop();
});

describe('shutdown grace period', () => {
  it('cuts a download still running when the grace period ends, and exits 0', async () => {
    server = spawnServer(process.execPath, [MAIN], {
      DATABASE_URL: database.url,
      ADMIN_API_KEY: ADMIN_KEY,
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
    });
    const baseUrl = await listeningUrl(server);

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
    server.child.kill('SIGTERM');
    const ended = await Promise.race([
      server.closed,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running 10 s after SIGTERM'), 10_000)),
    ]);
    const ms = performance.now() - signalled;

    const log = `stderr: ${server.stderr()}\nlog: ${server.lines.map((line) => line.msg).join(' | ')}`;
    expect(typeof ended === 'string' ? ended : ended.code, log).toBe(0);
    expect(ms).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(ms).toBeLessThan(GRACE_MS + 4_000);
    // what the sockets still buffer is read now; then the download ends, incomplete
    const cut = new Promise<boolean>((resolve) => download.once('close', () => resolve(download.complete)));
    download.on('error', () => undefined).resume();
    expect(await cut).toBe(false);
    const messages = server.lines.map((line) => line.msg);
    expect(messages).toContain('shutdown grace period over: cutting the requests still running');
    expect(messages.at(-1)).toBe('stopped');
  }, 60_000);
});
