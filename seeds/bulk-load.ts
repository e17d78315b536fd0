import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';

/** An index or key as PostgreSQL itself defines it, to drop before a bulk load and to create again after it. */
interface KeyDefinition {
  table: string;
  name: string;
  /** `p` primary key, `u` unique, `f` foreign key, `i` a plain index. */
  kind: 'p' | 'u' | 'f' | 'i';
  definition: string;
}

/** The tables of the entities, as MikroORM maps them. */
export function tablesOf(em: EntityManager, entities: EntityClass<object>[]): string[] {
  return entities.map((entity) => em.getMetadata().get(entity.name).tableName);
}

const tableList = (tables: string[]): [string, string[]] => [
  '(select value::regclass from json_array_elements_text(?::json))',
  [JSON.stringify(tables)],
];

/**
 * Empties the (empty) tables and drops their indexes, primary and unique keys and the foreign keys from and to them,
 * returning their definitions for restoreKeys. This is PostgreSQL's own advice for a bulk load: one index build at the
 * end beats millions of index insertions, one join checks a foreign key faster than a trigger per row; and COPY
 * writes frozen rows into a table truncated in its transaction. Refuses tables that hold rows.
 */
export async function dropKeys(em: EntityManager, tables: string[]): Promise<KeyDefinition[]> {
  for (const table of tables) {
    const [row] = await em.execute<{ filled: boolean }[]>(`select exists (select 1 from "${table}") as filled`);
    if (row.filled) throw new Error(`seeding needs an empty database, and ${table} holds rows`);
  }
  const [list, params] = tableList(tables);
  const keys = await em.execute<KeyDefinition[]>(
    `select c.conrelid::regclass::text as table, quote_ident(c.conname) as name, c.contype as kind,
       pg_get_constraintdef(c.oid) as definition
     from pg_constraint c
     where c.contype in ('p', 'u', 'f') and (c.conrelid in ${list} or (c.contype = 'f' and c.confrelid in ${list}))
     union all
     select i.indrelid::regclass::text, i.indexrelid::regclass::text, 'i', pg_get_indexdef(i.indexrelid)
     from pg_index i
     where i.indrelid in ${list} and not exists (
       select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid and c.contype <> 'f')`,
    [...params, ...params, ...params],
  );
  const order = { f: 0, u: 1, p: 2, i: 3 };
  for (const key of [...keys].sort((a, b) => order[a.kind] - order[b.kind])) {
    await em.execute(
      key.kind === 'i' ? `drop index ${key.name}` : `alter table ${key.table} drop constraint ${key.name}`,
    );
  }
  await em.execute(`truncate ${tables.map((table) => `"${table}"`).join(', ')}`);
  return keys;
}

/** Creates again, exactly as they were, the keys and indexes dropKeys dropped: keys first, foreign keys last. */
export async function restoreKeys(em: EntityManager, keys: KeyDefinition[]): Promise<void> {
  const order = { p: 0, u: 1, i: 2, f: 3 };
  for (const key of [...keys].sort((a, b) => order[a.kind] - order[b.kind])) {
    await em.execute(
      key.kind === 'i' ? key.definition : `alter table ${key.table} add constraint ${key.name} ${key.definition}`,
    );
  }
}

/**
 * Analyzes, in the transaction, every table of the schema that has no statistics yet, but those of `except`, and
 * with `filledOnly` only those that hold rows: a bulk load leaves none, and without them the planner guesses (x10:
 * the inventory lines joined their 4.4 M records through an index, 46 s, instead of hashing them). Statistics
 * written in the load's transaction count its own rows and commit with them.
 */
export async function analyzeTablesWithoutStatistics(
  em: EntityManager,
  { except = [], filledOnly = false }: { except?: string[]; filledOnly?: boolean } = {},
): Promise<void> {
  const tables = await em.execute<{ name: string }[]>(
    `select quote_ident(t.tablename) as name from pg_tables t
     where t.schemaname = current_schema() and t.tablename not in (select value from json_array_elements_text(?::json))
       and not exists (select 1 from pg_stats s where s.schemaname = t.schemaname and s.tablename = t.tablename)
       and (not ? or pg_relation_size(format('%I.%I', t.schemaname, t.tablename)) > 0)
     order by 1`,
    [JSON.stringify(except), filledOnly],
  );
  if (tables.length) await em.execute(`analyze ${tables.map((table) => table.name).join(', ')}`);
}
