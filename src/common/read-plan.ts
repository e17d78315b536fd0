import {
  DecimalType,
  DoubleType,
  type EntityMetadata,
  type EntityName,
  type Knex,
  type Platform,
  ReferenceKind,
} from '@mikro-orm/postgresql';
import type { ReadSource } from './context';
import { listSql, type PlannedList, plannedListValue } from './planned-lists.sql';
import { keysOnly, type Selection } from './selection';

/**
 * A read planned from a GraphQL selection and the entities' metadata: the columns of one table that back the selected
 * fields, the to-one relations joined to it and the to-many fields aggregated as JSON, read in one statement into
 * plain objects (no entity, no identity map).
 */
export interface ReadPlan {
  /** The SQL alias of the table, e.g. `m`. */
  alias: string;
  table: string;
  columns: PlannedColumn[];
  relations: PlannedRelation[];
  lists: PlannedList[];
  /** The columns whose values are converted once read (dates, decimals): a plan without any, relations or lists reads JSON as is. */
  converted: PlannedColumn[];
  /** Whether the plan is read as one JSON object (inside a planned list), not as columns of a result row. */
  json: boolean;
}

/**
 * A to-many field (or a to-one field picked by an order, `single`) that a plan may read as JSON aggregated in
 * PostgreSQL: the rows of `entity` whose to-one property `via` points at the parent. Declared by the module that owns
 * the field, with the conditions and order its loader applies, so both ways of reading answer alike.
 */
export interface ListEdge {
  entity: EntityName<object>;
  via: string;
  /** Properties read whatever the selection: what the field's arguments filter by. */
  always?: readonly string[];
  /** Relations that their own field resolvers load: only their keys are read. */
  keysOnly?: readonly string[];
  /** An SQL condition on the listed rows as `alias` (who may see them); none when absent. */
  where?: (alias: string) => string;
  /** The SQL order of the rows, given `column(property)`, the column as `alias.column`. */
  orderBy: (column: (property: string) => string) => string;
  /** The first row of that order, or null, instead of the list. */
  single?: boolean;
  /** The planned fields of the listed entity in turn. */
  lists?: Readonly<Record<string, ListEdge>>;
}

export interface PlannedColumn {
  property: string;
  /** `alias.column` */
  column: string;
  /** The name of the value in the result row. */
  key: string;
  convert: ((value: unknown) => unknown) | null;
  /**
   * Whether `convert` gives a number back unchanged (`+value`), so a value read as a number (a double precision
   * column, or any number in JSON) needs no call: most values of most rows.
   */
  keepsNumbers: boolean;
}

interface PlannedRelation {
  property: string;
  /** The foreign key as `alias.column`, and its name in the result row. */
  foreignKey: string;
  key: string;
  /** The primary-key property of the related entity. */
  targetKey: string;
  /** The related table joined, when more than its key is selected. */
  joined: ReadPlan | null;
  /** The name in the result row of the joined table's key (null when the row has no related row), when joined. */
  joinedKey: string | null;
}

/**
 * Whether a value was read by a plan, so is complete for the selection it was planned from and field resolvers can pass
 * it on: planned values are plain objects, entities and references are instances of their classes.
 */
export function isPlanned(value: object | null | undefined): boolean {
  return value != null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The value of the to-many field `property` when the parent's plan read it (an array, or for a single edge an object or
 * null), else undefined: the field's resolver then loads it.
 */
export function plannedField<T>(parent: object, property: string): T | undefined {
  if (!isPlanned(parent)) return undefined;
  return (parent as Record<string, unknown>)[property] as T | undefined;
}

function converter(platform: Platform, prop: EntityMetadata['properties'][string]): PlannedColumn['convert'] {
  if (prop.customType) return (value) => prop.customType!.convertToJSValue(value, platform);
  if (prop.runtimeType === 'Date') return (value) => new Date(value as string);
  return null;
}

/** Whether the property's type converts a value to a number by `+value` (double precision, decimal as number). */
function keepsNumbers(prop: EntityMetadata['properties'][string]): boolean {
  const type = prop.customType;
  return (type instanceof DoubleType || type instanceof DecimalType) && type.compareAsType() === 'number';
}

/**
 * Plans the read of `entity` as table `alias` for `selection`: every selected field that is a stored property (plus the
 * primary key and `always`), the selected to-one relations, joined as `<alias>_<property>` when more than their key
 * is asked, and the selected fields that `lists` declares, as JSON. Other fields are left to their field resolvers.
 */
export function planRead<T extends object>(
  em: ReadSource,
  entity: EntityName<T>,
  selection: Selection,
  alias: string,
  always: readonly string[] = [],
  lists: Readonly<Record<string, ListEdge>> = {},
): ReadPlan {
  const keys = em.getMetadata().get(entity).primaryKeys as string[];
  return planEntity(em, entity as EntityName<object>, selection, alias, [...keys, ...always], { lists, json: false });
}

/** Plans the rows of `edge` for `selection`, as `alias`, each read as one JSON object. */
function planListed(em: ReadSource, edge: ListEdge, selection: Selection, alias: string): ReadPlan {
  const trimmed = keysOnly(selection, edge.keysOnly ?? []);
  const meta = em.getMetadata().get(edge.entity) as EntityMetadata;
  // in JSON the key costs bytes for every row: it is read when asked, or when a selected field no column answers has
  // a resolver of its own, which finds its data by the row's key (a target's progress, an inventory's recomputations)
  const resolved = [...trimmed.keys()].some((name) => !meta.properties[name] && !edge.lists?.[name]);
  const always = [...(resolved ? meta.primaryKeys : []), ...(edge.always ?? [])];
  return planEntity(em, edge.entity, trimmed, alias, always, { lists: edge.lists ?? {}, json: true });
}

function planEntity(
  em: ReadSource,
  entity: EntityName<object>,
  selection: Selection,
  alias: string,
  always: readonly string[],
  options: { lists: Readonly<Record<string, ListEdge>>; json: boolean },
): ReadPlan {
  const meta: EntityMetadata = em.getMetadata().get(entity) as EntityMetadata;
  const platform = em.getPlatform();
  const plan: ReadPlan = {
    alias,
    table: meta.tableName,
    columns: [],
    relations: [],
    lists: [],
    converted: [],
    json: options.json,
  };
  const names = new Set([...always, ...selection.keys()]);
  for (const name of names) {
    const edge = options.lists[name];
    if (edge) {
      plan.lists.push(plannedList(em, meta, edge, name, selection.get(name)!, plan));
      continue;
    }
    const prop = meta.properties[name];
    if (!prop || prop.persist === false || prop.formula) continue;
    const column = `${alias}.${prop.fieldNames[0]}`;
    const key = options.json ? name : `${alias}__${name}`;
    if (prop.kind === ReferenceKind.SCALAR) {
      plan.columns.push({
        property: name,
        column,
        key,
        convert: converter(platform, prop),
        keepsNumbers: keepsNumbers(prop),
      });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      const target = prop.targetMeta!;
      const targetKey = target.primaryKeys[0];
      const asked = [...(selection.get(name)?.keys() ?? [])].filter((field) => field !== targetKey);
      const joinedFields = asked.filter((field) => target.properties[field] !== undefined);
      const joined = joinedFields.length
        ? planEntity(em, target.class, selection.get(name)!, `${alias}_${name}`, target.primaryKeys, {
            lists: {},
            json: options.json,
          })
        : null;
      const joinedKey = joined?.columns.find((planned) => planned.property === targetKey)!.key ?? null;
      plan.relations.push({ property: name, foreignKey: column, key, targetKey, joined, joinedKey });
    }
  }
  plan.converted = plan.columns.filter((column) => column.convert);
  return plan;
}

function plannedList(
  em: ReadSource,
  parentMeta: EntityMetadata,
  edge: ListEdge,
  property: string,
  selection: Selection,
  parent: ReadPlan,
): PlannedList {
  const listed = planListed(em, edge, selection, `${parent.alias}_${property}`);
  const meta = em.getMetadata().get(edge.entity) as EntityMetadata;
  const column = (name: string) => `${listed.alias}.${meta.properties[name].fieldNames[0]}`;
  return {
    property,
    key: parent.json ? property : `${parent.alias}__${property}`,
    plan: listed,
    foreignKey: column(edge.via),
    parentKey: `${parent.alias}.${parentMeta.properties[parentMeta.primaryKeys[0]].fieldNames[0]}`,
    where: edge.where?.(listed.alias) ?? null,
    orderBy: edge.orderBy(column),
    single: edge.single ?? false,
  };
}

/**
 * What tells plans apart: equal keys read the same columns, joins and lists with the same conditions, so the same SQL
 * (one DataLoader per key batches alike reads; statement-cache.sql.ts remembers the SQL text per key).
 */
export function planKey(plan: ReadPlan): string {
  const columns = plan.columns.map((column) => column.property).join(',');
  const relations = plan.relations.map(
    (relation) => `${relation.property}${relation.joined ? `(${planKey(relation.joined)})` : ''}`,
  );
  const lists = plan.lists.map(
    (list) => `${list.property}(${planKey(list.plan)} where ${list.where} order ${list.orderBy} ${list.single})`,
  );
  return `${plan.table}[${columns};${relations.join(',')};${lists.join(',')}]`;
}

/** A plan with its key, remembered per selection object by `rememberedPlan`. */
export interface KeyedPlan {
  plan: ReadPlan;
  key: string;
}

/** The plan `make` gives for `selection`, made once per selection object (one per field of an execution). */
export function rememberedPlan(
  cache: WeakMap<Selection, KeyedPlan>,
  selection: Selection,
  make: () => ReadPlan,
): KeyedPlan {
  let keyed = cache.get(selection);
  if (!keyed) {
    const plan = make();
    keyed = { plan, key: planKey(plan) };
    cache.set(selection, keyed);
  }
  return keyed;
}

/** Adds the plan's columns and joins to a query over `<table> as <alias>`. */
export function selectPlanned(query: Knex.QueryBuilder, plan: ReadPlan): Knex.QueryBuilder {
  for (const column of plan.columns) query.select(`${column.column} as ${column.key}`);
  for (const relation of plan.relations) {
    if (!relation.joined) {
      query.select(`${relation.foreignKey} as ${relation.key}`);
      continue;
    }
    const target = relation.joined;
    const targetKey = target.columns.find((column) => column.property === relation.targetKey)!;
    query.leftJoin(`${target.table} as ${target.alias}`, targetKey.column, relation.foreignKey);
    selectPlanned(query, target);
  }
  for (const list of plan.lists) query.select(query.client.raw(`${listSql(list)} as ??`, [list.key]));
  return query;
}

/** Reads a result row into the plain object of one plan. */
type RowReader = (row: Record<string, unknown>) => Record<string, unknown>;

const rowReaders = new WeakMap<ReadPlan, RowReader>();

/**
 * A result row as the plain object the plan describes (property names, JavaScript values, relations nested), by a
 * function made once per plan (rowReader).
 */
export function plannedObject(row: Record<string, unknown>, plan: ReadPlan): Record<string, unknown> {
  let read = rowReaders.get(plan);
  if (!read) rowReaders.set(plan, (read = rowReader(plan)));
  return read(row);
}

/** A column's value as read (from a result row or from JSON) as the property's JavaScript value. */
export function columnValue(value: unknown, column: PlannedColumn): unknown {
  if (value == null) return null;
  if (!column.convert || (column.keepsNumbers && typeof value === 'number')) return value;
  return column.convert(value);
}

/** A property or result name as a JavaScript string literal; names come from the entities' metadata. */
export function nameLiteral(name: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === '__proto__') throw new Error(`not a plannable name: ${name}`);
  return JSON.stringify(name);
}

/**
 * The reader of a plan's rows, generated as one object literal: the plan's columns, relations and lists are the same
 * for every row, and a loop over them read each value by a key known only at run time, about five times the cost
 * per row (a 100-row page: 42 against 8 µs) of the named reads and the fixed shape of the literal.
 */
function rowReader(plan: ReadPlan): RowReader {
  const columns: PlannedColumn[] = [];
  const lists: PlannedList[] = [];
  const objectSql = (target: ReadPlan): string => {
    const pairs = target.columns.map((column) => {
      const value = `row[${nameLiteral(column.key)}]`;
      if (!column.convert) return `${nameLiteral(column.property)}: ${value} ?? null`;
      columns.push(column);
      return `${nameLiteral(column.property)}: columnValue(${value}, columns[${columns.length - 1}])`;
    });
    for (const relation of target.relations) {
      const name = nameLiteral(relation.property);
      if (relation.joined) {
        const joinedKey = `row[${nameLiteral(relation.joinedKey!)}]`;
        pairs.push(`${name}: ${joinedKey} == null ? null : ${objectSql(relation.joined)}`);
      } else {
        const key = `row[${nameLiteral(relation.key)}]`;
        pairs.push(`${name}: ${key} == null ? null : { ${nameLiteral(relation.targetKey)}: ${key} }`);
      }
    }
    for (const list of target.lists) {
      lists.push(list);
      pairs.push(
        `${nameLiteral(list.property)}: plannedListValue(row[${nameLiteral(list.key)}], lists[${lists.length - 1}])`,
      );
    }
    return `{ ${pairs.join(', ')} }`;
  };
  const body = `return (row) => (${objectSql(plan)});`;
  const make = new Function('columnValue', 'plannedListValue', 'columns', 'lists', body) as (
    ...args: unknown[]
  ) => RowReader;
  return make(columnValue, plannedListValue, columns, lists);
}
