import type { Knex } from '@mikro-orm/postgresql';
import { OrderDirection } from './order';
import { cursorBindings, type CursorValueType, type CursorValues } from './pagination';

/**
 * A sort key for keyset pagination: a SQL expression that is never NULL (missing values are mapped to a
 * sentinel that sorts last in the chosen direction), its SQL type for casting cursor values, and the id column.
 */
export interface SortKey {
  /** SQL of the value, with `?` for the sentinel, e.g. `coalesce(p.population, ?)`. */
  expression: string;
  sqlType: CursorValueType;
  /** What stands in for NULL so that it sorts last: [for ASC, for DESC]; omit for non-null expressions. */
  nullSentinels?: [string | number, string | number];
  idColumn: string;
}

/** Sorts by a nullable date column; rows without a date come last in either direction. */
export function nullableDateKey(column: string, idColumn: string): SortKey {
  return { expression: `coalesce(${column}, ?)`, sqlType: 'date', nullSentinels: ['infinity', '-infinity'], idColumn };
}

function valueSql(key: SortKey, direction: OrderDirection): { sql: string; bindings: (string | number)[] } {
  if (!key.nullSentinels) return { sql: key.expression, bindings: [] };
  const sentinel = key.nullSentinels[direction === OrderDirection.ASC ? 0 : 1];
  return { sql: key.expression.replace('?', `?::${key.sqlType}`), bindings: [sentinel] };
}

/** Selects the sort value as `sort_key`, orders by (value, id) and continues strictly after the cursor. */
export function applyKeyset(
  query: Knex.QueryBuilder,
  key: SortKey,
  direction: OrderDirection,
  after: CursorValues | null,
  limit: number,
): Knex.QueryBuilder {
  return keysetPage(query, key, direction, after && cursorBindings(after, key.sqlType), limit);
}

/** As `applyKeyset`, after a cursor already checked: its sort value and id, as `cursorBindings` gives them. */
export function keysetPage(
  query: Knex.QueryBuilder,
  key: SortKey,
  direction: OrderDirection,
  after: readonly [string | number, string] | null,
  limit: number,
): Knex.QueryBuilder {
  const value = valueSql(key, direction);
  const dir = direction === OrderDirection.ASC ? 'asc' : 'desc';
  query.select(query.client.raw(`${value.sql} as sort_key`, value.bindings));
  if (after) {
    const comparison = direction === OrderDirection.ASC ? '>' : '<';
    query.whereRaw(`(${value.sql}, ${key.idColumn}) ${comparison} (?::${key.sqlType}, ?::uuid)`, [
      ...value.bindings,
      ...after,
    ]);
  }
  return query.orderByRaw(`${value.sql} ${dir}, ${key.idColumn} ${dir}`, value.bindings).limit(limit);
}

/**
 * A page `query` (ordered and limited by `applyKeyset`, its rows' ids selected as `idKey`) with the list's
 * `totalCount`, the rows that `count` (the list's filtered query, without the cursor) matches, read in the same
 * statement as `total_count`: the count is one aggregate row and the page is joined to it, so the statement returns
 * the count even for an empty page (one row of nulls then, which `pageAndTotal` drops). Neither refers to the other:
 * PostgreSQL runs each once.
 */
export function withTotalCount(
  query: Knex.QueryBuilder,
  count: Knex.QueryBuilder,
  direction: OrderDirection,
  idKey: string,
): Knex.QueryBuilder {
  return withTotal(query, count.count({ total_count: '*' }), direction, idKey);
}

/** `withTotalCount` with the count already taken: `total` is one row whose `total_count` is the list's count. */
export function withTotal(
  query: Knex.QueryBuilder,
  total: Knex.QueryBuilder,
  direction: OrderDirection,
  idKey: string,
): Knex.QueryBuilder {
  const dir = direction === OrderDirection.ASC ? 'asc' : 'desc';
  const knex = query.client;
  return knex
    .queryBuilder()
    .select('page.*', 'total.total_count')
    .from(total.as('total'))
    .leftJoin(query.as('page'), (on: Knex.JoinClause) => on.on(knex.raw('true')))
    .orderByRaw(`page.sort_key ${dir}, ?? ${dir}`, [`page.${idKey}`]);
}

/** The rows of the page and the count of a statement from `withTotalCount`. */
export function pageAndTotal(
  rows: Record<string, unknown>[],
  idKey: string,
): { rows: Record<string, unknown>[]; totalCount: number } {
  return { rows: rows.filter((row) => row[idKey] != null), totalCount: Number(rows[0].total_count) };
}

/** The `totalCount` of a list: how many rows its filtered query matches, over all pages. */
export async function countAll(query: Knex.QueryBuilder): Promise<number> {
  const [row] = await query.count({ count: '*' });
  return Number(row.count);
}
