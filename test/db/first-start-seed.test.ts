import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, listeningUrl, readiness, spawnServer, type ServerProcess } from '../support/server-process';

/** Seeding the demo data set takes from 15 s on a quiet machine to minutes on a busy one. */
const SEED_MS = 600_000;
const ADMIN_KEY = 'first-start-admin-key-0123456789';
/** The demo data set's members (README, "Seeding"). */
const DEMO_MEMBERS = 1_998;

let folder: string;
let running: ServerProcess | undefined;

beforeAll(() => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (\`npm test\` does it first)`);
  // under the system temporary folder, which the `postgres` user can reach when the tests run as root
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-first-start-'));
  fs.chmodSync(folder, 0o755);
});

afterAll(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL');
    await running.closed;
  }
  fs.rmSync(folder, { recursive: true, force: true });
});

// the seed is loaded by the server only when it finds a fresh embedded database: this is the start that loads it
describe('the first start on a fresh embedded database', () => {
  it(
    'seeds the demo data set, then serves it',
    async () => {
      running = spawnServer(process.execPath, [MAIN], {
        DATA_DIR: path.join(folder, 'data'),
        ADMIN_API_KEY: ADMIN_KEY,
      });
      await running.waitForLog((line) => line.msg.startsWith('fresh embedded database: seeding'), 120_000);
      const url = await listeningUrl(running, SEED_MS);
      expect(await readiness(url)).toBe(200);

      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({ query: '{ members(first: 1) { totalCount } }' }),
      });
      const answer = (await response.json()) as { data?: { members: { totalCount: number } }; errors?: unknown[] };
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.members.totalCount).toBe(DEMO_MEMBERS);

      running.child.kill('SIGTERM');
      expect((await running.closed).code, running.stderr()).toBe(0);
    },
    SEED_MS + 180_000,
  );
});
