import { Client } from 'pg';

/**
 * Holds an exclusive lock on the member table from a connection of the test's own, so statements reading members wait;
 * `untilWaiting(n)` resolves once n statements of the server wait on it.
 */
export interface MemberLock {
  untilWaiting(statements: number): Promise<void>;
  release(): Promise<void>;
}

export async function lockMembers(databaseUrl: string): Promise<MemberLock> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query('lock table member in access exclusive mode');
  const database = new URL(databaseUrl).pathname.slice(1);
  return {
    async untilWaiting(statements) {
      for (;;) {
        const { rows } = await client.query<{ waiting: number }>(
          "select count(*)::int as waiting from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'",
          [database],
        );
        if (rows[0].waiting >= statements) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async release() {
      await client.query('rollback');
      await client.end();
    },
  };
}
