import type { Knex } from '@mikro-orm/postgresql';
import { pooledRows, type PooledStatement } from './pooled-statement.sql';

/**
 * Read statements whose SQL text is built by knex once per shape and only bound per request: compiling a query
 * (`toSQL`: quoting every identifier, walking every clause) cost about 5 % of a member page's CPU, the same text each
 * time. The statement is built from stand-ins for the parameters; the stand-ins found among the compiled bindings say
 * which value goes where, so a later request of the same shape binds its own values to the remembered text.
 */
export type ParamValue = string | number | boolean | null | undefined | readonly (string | number)[] | WholeArray;

/** An array bound as one PostgreSQL array (`= any(?)`): one text for any length. */
export interface WholeArray {
  readonly whole: readonly (string | number)[];
}

function isWhole(value: ParamValue): value is WholeArray {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export type Params = Readonly<Record<string, ParamValue>>;

/** Where a binding of the compiled statement comes from: a parameter (or one element of it), an array, a constant. */
type Slot = { param: string; element: number | null } | { array: Slot[] } | { constant: unknown };

/** A statement's texts, where its bindings come from, and its name (none, sent unnamed, once the names ran out). */
interface CompiledStatement extends PooledStatement {
  slots: Slot[];
}

/** Shapes remembered; beyond, the oldest is forgotten (selections and filters combine into many shapes). */
const MAX_SHAPES = 500;
const statements = new Map<string, CompiledStatement>();

/**
 * Texts sent as named prepared statements: PostgreSQL parses and plans them once per connection instead of at every
 * request (the planning of a member page cost it more than running it). Every connection may end up holding each
 * of them, so only the first texts get a name and a name is never given to another text (node-postgres refuses a
 * name reused for a different text): a connection holds at most this many.
 */
const MAX_NAMED = 200;
const names = new Map<string, string>();

function nameFor(sql: string): string | undefined {
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `planned_read_${names.size}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Numbers stand in as negative integers no statement uses (a limit, a year, a population bound stay numbers, as knex
 * requires of a limit); strings as text no input can hold (it contains NUL, which PostgreSQL text refuses).
 */
const NUMBER_STAND_IN = -(2 ** 52);

/**
 * The key of the text: numbers, strings and whole arrays are bound, so only whether they are there (and how long a
 * plain array is: `whereIn` binds each element) tells shapes apart; anything else (booleans) is part of the shape.
 * Made for every request, so without the stand-ins, which only a shape not seen before needs.
 */
function shapeKey(params: Params): string {
  let key = '';
  for (const name in params) {
    const value = params[name];
    if (key) key += ',';
    if (Array.isArray(value)) key += `${name}[${value.length}]`;
    else if (isWhole(value)) key += `${name}:array`;
    else if (typeof value === 'string' || typeof value === 'number') key += `${name}:${typeof value}`;
    else key += `${name}=${JSON.stringify(value) ?? 'undefined'}`;
  }
  return key;
}

/** The stand-ins of the parameters, and which parameter (or element) each stands in for. */
function standIns(params: Params): { standIns: Record<string, ParamValue>; refs: Map<unknown, Slot> } {
  const refs = new Map<unknown, Slot>();
  const standIn = (param: string, element: number | null, value: string | number): string | number => {
    const mark = typeof value === 'number' ? NUMBER_STAND_IN + refs.size : `\u0000${refs.size}\u0000`;
    refs.set(mark, { param, element });
    return mark;
  };
  const marked: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      marked[name] = value.map((element: string | number, index) => standIn(name, index, element));
    } else if (isWhole(value)) {
      marked[name] = standIn(name, null, '');
    } else if (typeof value === 'string' || typeof value === 'number') {
      marked[name] = standIn(name, null, value);
    } else {
      marked[name] = value;
    }
  }
  return { standIns: marked, refs };
}

function slotOf(binding: unknown, refs: Map<unknown, Slot>): Slot {
  if (Array.isArray(binding)) return { array: binding.map((element) => slotOf(element, refs)) };
  return refs.get(binding) ?? { constant: binding };
}

function bound(slot: Slot, params: Params): unknown {
  if ('constant' in slot) return slot.constant;
  if ('array' in slot) return slot.array.map((element) => bound(element, params));
  const value = params[slot.param];
  if (isWhole(value)) return value.whole;
  return slot.element === null ? value : (value as readonly unknown[])[slot.element];
}

/**
 * The rows of the statement `build` makes from `params`, for a statement shape named `shape`. `shape` must name all
 * that `build` reads besides `params` (e.g. the read plan's key and the viewer's visibility condition); `params` hold
 * every value a request brings, already checked and transformed, as `build` binds them unchanged.
 */
export async function cachedRows(
  knex: Knex,
  shape: string,
  params: Params,
  build: (params: Params) => Knex.QueryBuilder,
): Promise<Record<string, unknown>[]> {
  const key = `${shape}|${shapeKey(params)}`;
  let statement = statements.get(key);
  if (statement) {
    statements.delete(key);
  } else {
    const marked = standIns(params);
    const compiled = build(marked.standIns).toSQL();
    statement = {
      sql: compiled.sql,
      // as knex rewrites a raw statement's placeholders when it sends it (every `?` binds one value; MikroORM's patch
      // of knex leaves a statement without bindings as written)
      native: compiled.bindings.length ? (knex.client.positionBindings(compiled.sql) as string) : compiled.sql,
      slots: compiled.bindings.map((binding) => slotOf(binding, marked.refs)),
      name: nameFor(compiled.sql),
    };
    if (statements.size >= MAX_SHAPES) statements.delete(statements.keys().next().value!);
  }
  statements.set(key, statement);
  return pooledRows(
    knex,
    statement,
    statement.slots.map((slot) => bound(slot, params)),
  );
}
