import type { EntityManager, Knex } from '@mikro-orm/postgresql';

export interface BulkColumn {
  name: string;
  /** PostgreSQL type of the column, e.g. `uuid`, `numeric`, `emission_sector`. */
  type: string;
}

const ROWS_PER_STATEMENT = 20_000;

/**
 * Inserts rows with one `insert ... select from unnest(arrays)` statement per 20,000 rows: one array parameter
 * per column, so no statement comes near PostgreSQL's 65,535-parameter limit and seeding stays fast.
 * `created_at`/`updated_at` are set to now(). Runs in the entity manager's transaction.
 */
export async function bulkInsert(
  em: EntityManager,
  table: string,
  columns: BulkColumn[],
  rows: unknown[][],
): Promise<void> {
  const knex = em.getKnex();
  const transaction = em.getTransactionContext();
  const names = columns.map((column) => `"${column.name}"`).join(', ');
  const arrays = columns.map((column) => `?::${column.type}[]`).join(', ');
  const sql = `insert into "${table}" (${names}, created_at, updated_at) select u.*, now(), now() from unnest(${arrays}) as u`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    // one array per column: pg sends each as a PostgreSQL array literal
    const arraysOfValues = columns.map((_, index) => chunk.map((row) => row[index])) as unknown as Knex.RawBinding[];
    const query = knex.raw(sql, arraysOfValues);
    await (transaction ? query.transacting(transaction) : query);
  }
}
