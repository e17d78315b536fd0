import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { copyTemplateDatabase, type DatabaseCopy } from '../support/database-copy';
import { listeningUrl, MAIN, spawnServer, type ServerProcess } from '../support/server-process';

const REQUEST_ID = 'shutdown-in-flight-1';

let database: DatabaseCopy;
let server: ServerProcess | undefined;

async function waitUntil(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  database = await copyTemplateDatabase('shutdown');
});

afterAll(async () => {
  const child = server?.child;
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await server?.closed;
  await database.drop();
});

describe('graceful shutdown', () => {
  it('finishes the in-flight request on SIGTERM, then exits 0 with JSON logs carrying the request id', async () => {
    // the test client is the trusted proxy, so the server keeps the x-request-id it sends
    server = spawnServer(process.execPath, [MAIN], { DATABASE_URL: database.url, TRUST_PROXY: '127.0.0.1' });
    const { lines } = server;
    const baseUrl = await listeningUrl(server, 20_000);

    // hold a lock on the member table, so the request below stays in flight until we let it go
    const blocker = new Client({ connectionString: database.url });
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
            [new URL(database.url).pathname.slice(1)],
          );
          return rows[0].waiting > 0;
        },
        10_000,
        'the request to wait on the lock',
      );

      server.child.kill('SIGTERM');
      await server.waitForLog((line) => line.msg.startsWith('shutting down'), 5_000);
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

    const ended = await Promise.race([
      server.closed,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000)),
    ]);
    const log = `stderr: ${server.stderr()}\nlog: ${lines.map((line) => line.msg).join(' | ')}`;
    expect(typeof ended === 'string' ? ended : ended.code, log).toBe(0);
    expect(server.stderr()).toBe('');

    const messages = lines.map((line) => line.msg);
    const shuttingDown = messages.findIndex((msg) => msg.startsWith('shutting down'));
    const completed = lines.findIndex((line) => line.reqId === REQUEST_ID && line.msg === 'request completed');
    expect(lines.some((line) => line.reqId === REQUEST_ID && line.msg === 'incoming request')).toBe(true);
    expect(completed).toBeGreaterThan(shuttingDown);
    expect(messages.at(-1)).toBe('stopped');
  }, 60_000);
});
