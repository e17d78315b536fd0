import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { onMaintenanceDatabase } from '../support/database-server';

const MAIN = path.join(__dirname, '..', '..', 'dist', 'src', 'main.js');
const REQUEST_ID = 'shutdown-in-flight-1';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  [key: string]: unknown;
}

const maintenanceUrl = inject('databaseServerUrl');
const database = `${inject('templateDatabase').replace(/_template$/, '')}_shutdown_${process.pid}`;
const databaseUrl = Object.assign(new URL(maintenanceUrl), { pathname: `/${database}` }).toString();

let server: ChildProcess | undefined;
const lines: LogLine[] = [];
let stderr = '';
/** Set on 'close': the process has exited and everything it wrote has been read (on 'exit', output may still be in the pipe). */
let outputClosed = false;

/** Resolves with the first log line matching, or rejects after `ms` (with what the server printed). */
function waitForLog(match: (line: LogLine) => boolean, ms: number): Promise<LogLine> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const found = lines.find(match);
      if (found) {
        clearInterval(poll);
        resolve(found);
      } else if (Date.now() - started > ms || outputClosed) {
        clearInterval(poll);
        reject(new Error(`log line not seen within ${ms} ms; stderr: ${stderr}\nstdout: ${JSON.stringify(lines)}`));
      }
    }, 25);
  });
}

async function waitUntil(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (\`npm test\` does it first)`);
  await onMaintenanceDatabase(maintenanceUrl, [
    `create database "${database}" template "${inject('templateDatabase')}"`,
  ]);
});

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  await onMaintenanceDatabase(maintenanceUrl, [`drop database if exists "${database}" with (force)`]);
});

describe('graceful shutdown', () => {
  it('finishes the in-flight request on SIGTERM, then exits 0 with JSON logs carrying the request id', async () => {
    server = spawn(process.execPath, [MAIN], {
      // the test client is the trusted proxy, so the server keeps the x-request-id it sends
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        TRUST_PROXY: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const complete = buffered.split('\n');
      buffered = complete.pop()!;
      for (const line of complete.filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
    });
    server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const closed = new Promise<number | null>((resolve) =>
      server!.once('close', (code) => {
        outputClosed = true;
        resolve(code);
      }),
    );

    const listening = await waitForLog((line) => /^Server listening at http:\/\//.test(line.msg), 20_000);
    const baseUrl = /(http:\/\/\S+)/.exec(listening.msg)![1];

    // hold a lock on the member table, so the request below stays in flight until we let it go
    const blocker = new Client({ connectionString: databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table member in access exclusive mode');
      const response = fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': REQUEST_ID },
        body: JSON.stringify({ query: `{ member(id: "${NAMED_MEMBERS.wien.id}") { name } }` }),
      });
      await waitUntil(
        async () => {
          const { rows } = await blocker.query(
            "select count(*)::int as waiting from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'",
            [database],
          );
          return rows[0].waiting > 0;
        },
        10_000,
        'the request to wait on the lock',
      );

      server.kill('SIGTERM');
      await waitForLog((line) => line.msg.startsWith('shutting down'), 5_000);
      await blocker.query('commit');

      const answered = await response;
      expect(answered.status).toBe(200);
      expect(answered.headers.get('x-request-id')).toBe(REQUEST_ID);
      expect(answered.headers.get('connection')).toBe('close');
      const body = (await answered.json()) as { data: unknown };
      expect(body.data).toEqual({ member: { name: 'Wien' } });
    } finally {
      await blocker.end();
    }

    const code = await Promise.race([
      closed,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000)),
    ]);
    expect(code, `stderr: ${stderr}\nlog: ${lines.map((line) => line.msg).join(' | ')}`).toBe(0);
    expect(stderr).toBe('');

    const messages = lines.map((line) => line.msg);
    const shuttingDown = messages.findIndex((msg) => msg.startsWith('shutting down'));
    const completed = lines.findIndex((line) => line.reqId === REQUEST_ID && line.msg === 'request completed');
    expect(lines.some((line) => line.reqId === REQUEST_ID && line.msg === 'incoming request')).toBe(true);
    expect(completed).toBeGreaterThan(shuttingDown);
    expect(messages.at(-1)).toBe('stopped');
  }, 60_000);
});
