import type { EntityManager } from '@mikro-orm/postgresql';

export interface BulkColumn {
  name: string;
  /** PostgreSQL type of the column, e.g. `uuid`, `numeric`, `emission_sector`. */
  type: string;
}

const ROWS_PER_STATEMENT = 20_000;

/**
 * Inserts rows with one statement per 20,000 rows, sent as a single JSON parameter (an array of row arrays)
 * that PostgreSQL unpacks with json_array_elements: far below the 65,535-parameter limit, and much faster than
 * one entity at a time. `created_at`/`updated_at` are set to now(). Runs in the entity manager's transaction.
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
  const values = columns.map((column, index) => `(row->>${index})::${column.type}`).join(', ');
  const sql =
    `insert into "${table}" (${names}, created_at, updated_at) ` +
    `select ${values}, now(), now() from json_array_elements(?::json) as row`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const query = knex.raw(sql, [JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT))]);
    await (transaction ? query.transacting(transaction) : query);
  }
}

/** A UUID (version 8, "custom") from a prefix and a counter: ascending, so bulk-loaded primary keys append. */
export function sequentialUuid(prefix: number, counter: number): string {
  const hex = prefix.toString(16).padStart(8, '0') + counter.toString(16).padStart(22, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(12, 15)}-8${hex.slice(15, 18)}-${hex.slice(18, 30)}`;
}
