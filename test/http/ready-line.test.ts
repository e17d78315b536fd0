import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTemplateDatabase, type DatabaseCopy } from '../support/database-copy';
import { MAIN, spawnServer, type ServerProcess } from '../support/server-process';

let database: DatabaseCopy;
let server: ServerProcess | undefined;
beforeAll(async () => {
  database = await copyTemplateDatabase('ready');
});
afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  await server?.closed;
  await database?.drop();
});

describe('the start-up log', () => {
  it('says where the API is ready, as localhost for a server on every interface, and that address answers', async () => {
    server = spawnServer(process.execPath, [MAIN], { DATABASE_URL: database.url, HOST: '0.0.0.0' });
    const line = await server.waitForLog((l) => l.msg.startsWith('Climate Alliance API ready at'), 60_000);
    expect(line.msg).toMatch(/^Climate Alliance API ready at http:\/\/localhost:\d+\/graphql$/);
    expect(line.msg).not.toContain(':0/');
    const url = String(line.url);
    expect(line.msg.endsWith(url)).toBe(true);
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: unknown }).data).toEqual({ viewer: { role: 'ANONYMOUS' } });
  });
});
