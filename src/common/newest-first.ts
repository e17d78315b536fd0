import type { Knex } from '@mikro-orm/postgresql';
import { applyKeyset, pageAndTotal, withTotalCount } from './keyset';
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

/**
 * A page newest first of `filtered()` (a query over `alias`, its columns selected here), and with `withTotal` the
 * count of all its rows read in the same statement (null without).
 */
export async function newestFirstRows(
  filtered: () => Knex.QueryBuilder,
  alias: string,
  page: PageRequest,
  withTotal: boolean,
): Promise<{ rows: Record<string, unknown>[]; totalCount: number | null }> {
  const query = newestFirstPage(filtered().select(`${alias}.*`), alias, page);
  if (!withTotal) return { rows: await query, totalCount: null };
  return pageAndTotal(await withTotalCount(query, filtered(), OrderDirection.DESC, 'id'), 'id');
}

/** Maps a page of rows to entities, each with its cursor. */
export function mapPage<T extends { id: string }>(
  rows: Record<string, unknown>[],
  map: (columns: Record<string, unknown>) => T,
): { items: T[]; cursorOf: (item: T) => [number, string] } {
  const cursors = new Map<T, [number, string]>();
  const items = rows.map(({ sort_key: sortKey, total_count: _totalCount, ...columns }) => {
    const item = map(columns);
    cursors.set(item, [Number(sortKey), item.id]);
    return item;
  });
  return { items, cursorOf: (item) => cursors.get(item)! };
}
