import { Client } from 'pg';

/**
 * Holds an exclusive lock on the member table from a connection of the test's own, so statements on members wait.
 */
export interface MemberLock {
  /** Resolves once at least `statements` statements wait on the lock (exactly none for 0). */
  untilWaiting(statements: number): Promise<void>;
  /** Resolves once no other connection to the database runs a statement or holds a transaction open. */
  untilOthersIdle(): Promise<void>;
  /** The count of members called `name`, read on this connection (the lock holder sees through its own lock). */
  membersNamed(name: string): Promise<number>;
  /** Lets the lock go and keeps the connection (for the checks above). */
  unlock(): Promise<void>;
  /** Lets the lock go (if held) and closes the connection; safe to call twice. */
  release(): Promise<void>;
}

const WAIT_MS = 5_000;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${WAIT_MS} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function lockMembers(databaseUrl: string): Promise<MemberLock> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query('lock table member in access exclusive mode');
  const database = new URL(databaseUrl).pathname.slice(1);
  let locked = true;
  let ended = false;
  const unlock = async () => {
    if (!locked) return;
    locked = false;
    await client.query('rollback');
  };
  const count = async (sql: string, params: unknown[]) => (await client.query<{ n: number }>(sql, params)).rows[0].n;
  return {
    untilWaiting: (statements) =>
      until(async () => {
        const waiting = await count(
          "select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'",
          [database],
        );
        return statements === 0 ? waiting === 0 : waiting >= statements;
      }, `${statements} statement(s) waiting on the lock`),
    untilOthersIdle: () =>
      until(
        async () =>
          (await count(
            "select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and state <> 'idle'",
            [database],
          )) === 0,
        'no other connection busy',
      ),
    membersNamed: (name) => count('select count(*)::int as n from member where name = $1', [name]),
    unlock,
    async release() {
      if (ended) return;
      ended = true;
      await unlock();
      await client.end();
    },
  };
}
