/** The rows the scenarios name, read once from the benchmark database. */
import { Client } from 'pg';

export interface Fixtures {
  /** Wien: the member with the longest series. */
  memberId: string;
  /** The first 50 members by name, for `_entities`. */
  entityIds: string[];
}

export async function loadFixtures(databaseUrl: string): Promise<Fixtures> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const wien = await client.query<{ id: string }>(`select id from member where name = 'Wien'`);
    const first = await client.query<{ id: string }>('select id from member order by name, id limit 50');
    if (wien.rowCount !== 1 || first.rowCount !== 50) {
      throw new Error(
        'The benchmark database does not hold the demo data set (no member "Wien", or under 50 members).',
      );
    }
    return { memberId: wien.rows[0].id, entityIds: first.rows.map((row) => row.id) };
  } finally {
    await client.end();
  }
}
