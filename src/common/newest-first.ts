import type { Knex } from '@mikro-orm/postgresql';
import { applyKeyset } from './keyset';
import { OrderDirection } from './order';
import type { PageRequest } from './pagination';

/**
 * Pages a query over `alias` newest first. The creation time is keyed as epoch seconds (a float8 holds
 * microseconds exactly at today's magnitudes), so cursors stay plain JSON numbers.
 */
export function newestFirstPage(query: Knex.QueryBuilder, alias: string, page: PageRequest): Knex.QueryBuilder {
  return applyKeyset(
    query,
    {
      expression: `extract(epoch from ${alias}.created_at)::float8`,
      sqlType: 'double precision',
      idColumn: `${alias}.id`,
    },
    OrderDirection.DESC,
    page.after,
    page.first + 1,
  );
}

/** Maps a page of rows to entities, each with its cursor. */
export function mapPage<T extends { id: string }>(
  rows: Record<string, unknown>[],
  map: (columns: Record<string, unknown>) => T,
): { items: T[]; cursorOf: (item: T) => [number, string] } {
  const cursors = new Map<T, [number, string]>();
  const items = rows.map(({ sort_key: sortKey, ...columns }) => {
    const item = map(columns);
    cursors.set(item, [Number(sortKey), item.id]);
    return item;
  });
  return { items, cursorOf: (item) => cursors.get(item)! };
}
