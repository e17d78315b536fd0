import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multiplyEmissionRecords } from '../support/database-copy';
import { ADMIN_SECRET, type ListeningApp, startListeningApp } from './listening-app';

let server: ListeningApp;
beforeAll(async () => {
  server = await startListeningApp();
  // a few hundred thousand records: far more than the sockets between database, server and client can hold
  await multiplyEmissionRecords(server.databaseUrl, 300);
});
afterAll(() => server.close());

async function exportBody(format: string) {
  const response = await fetch(`${server.baseUrl}/export/emissions.${format}`, {
    headers: { authorization: `Bearer ${ADMIN_SECRET}` },
  });
  expect(response.status).toBe(200);
  return response.body!.getReader();
}

describe('a large export over HTTP', () => {
  it.each(['arrow', 'parquet'])(
    '%s: the first bytes reach the client while most of the rows are still in the cursor',
    async (format) => {
      const before = server.proxy.bytesFromDatabase();
      const partial = await exportBody(format);
      expect((await partial.read()).done).toBe(false);
      const readAtFirstBytes = server.proxy.bytesFromDatabase() - before;
      await partial.cancel();

      const start = server.proxy.bytesFromDatabase();
      const whole = await exportBody(format);
      while (!(await whole.read()).done);
      const readForAll = server.proxy.bytesFromDatabase() - start;
      expect(readForAll).toBeGreaterThan(10_000_000);
      expect(readAtFirstBytes).toBeLessThan(readForAll / 2);
    },
  );
});
