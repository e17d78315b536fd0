import {
  type EntityManager,
  type EntityMetadata,
  type EntityName,
  type Knex,
  type Platform,
  ReferenceKind,
} from '@mikro-orm/postgresql';
import type { Selection } from './selection';

/**
 * A read planned from a GraphQL selection and the entities' metadata: the columns of one table that back the selected
 * fields, and the to-one relations joined to it, read in one statement into plain objects (no entity, no identity map).
 */
export interface ReadPlan {
  /** The SQL alias of the table, e.g. `m`. */
  alias: string;
  table: string;
  columns: PlannedColumn[];
  relations: PlannedRelation[];
}

interface PlannedColumn {
  property: string;
  /** `alias.column` */
  column: string;
  /** The name of the value in the result row. */
  key: string;
  convert: ((value: unknown) => unknown) | null;
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
}

/**
 * Whether a value was read by a plan, so is complete for the selection it was planned from and field resolvers can pass
 * it on: planned values are plain objects, entities and references are instances of their classes.
 */
export function isPlanned(value: object | null | undefined): boolean {
  return value != null && Object.getPrototypeOf(value) === Object.prototype;
}

function converter(platform: Platform, prop: EntityMetadata['properties'][string]): PlannedColumn['convert'] {
  if (prop.customType) return (value) => prop.customType!.convertToJSValue(value, platform);
  if (prop.runtimeType === 'Date') return (value) => new Date(value as string);
  return null;
}

/**
 * Plans the read of `entity` as table `alias` for `selection`: every selected field that is a stored property (plus the
 * primary key and `always`), and the selected to-one relations, joined as `<alias>_<property>` when more than their key
 * is asked. Fields that are not properties are left to their field resolvers.
 */
export function planRead<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  selection: Selection,
  alias: string,
  always: readonly string[] = [],
): ReadPlan {
  const meta: EntityMetadata = em.getMetadata().get<T>(entity) as EntityMetadata;
  const platform = em.getPlatform();
  const plan: ReadPlan = { alias, table: meta.tableName, columns: [], relations: [] };
  const names = new Set([...meta.primaryKeys, ...always, ...selection.keys()]);
  for (const name of names) {
    const prop = meta.properties[name];
    if (!prop || prop.persist === false || prop.formula) continue;
    const column = `${alias}.${prop.fieldNames[0]}`;
    const key = `${alias}__${name}`;
    if (prop.kind === ReferenceKind.SCALAR) {
      plan.columns.push({ property: name, column, key, convert: converter(platform, prop) });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      const target = prop.targetMeta!;
      const targetKey = target.primaryKeys[0];
      const asked = [...(selection.get(name)?.keys() ?? [])].filter((field) => field !== targetKey);
      const joinedFields = asked.filter((field) => target.properties[field] !== undefined);
      plan.relations.push({
        property: name,
        foreignKey: column,
        key,
        targetKey,
        joined: joinedFields.length ? planRead(em, target.class, selection.get(name)!, `${alias}_${name}`) : null,
      });
    }
  }
  return plan;
}

/** What tells plans apart: equal keys read the same columns and joins (one DataLoader per key batches alike reads). */
export function planKey(plan: ReadPlan): string {
  const columns = plan.columns.map((column) => column.property).join(',');
  const relations = plan.relations.map(
    (relation) => `${relation.property}${relation.joined ? `(${planKey(relation.joined)})` : ''}`,
  );
  return `${plan.table}[${columns};${relations.join(',')}]`;
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
  return query;
}

/** A result row as the plain object the plan describes (property names, JavaScript values, relations nested). */
export function plannedObject(row: Record<string, unknown>, plan: ReadPlan): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const column of plan.columns) {
    const value = row[column.key];
    object[column.property] = value == null ? null : column.convert ? column.convert(value) : value;
  }
  for (const relation of plan.relations) object[relation.property] = relatedObject(row, relation);
  return object;
}

function relatedObject(row: Record<string, unknown>, relation: PlannedRelation): Record<string, unknown> | null {
  if (!relation.joined) {
    const key = row[relation.key];
    if (key == null) return null;
    return { [relation.targetKey]: key };
  }
  const targetKey = relation.joined.columns.find((column) => column.property === relation.targetKey)!;
  return row[targetKey.key] == null ? null : plannedObject(row, relation.joined);
}
