import type { Knex } from '@mikro-orm/postgresql';

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

interface CompiledStatement {
  sql: string;
  slots: Slot[];
  /** The name it is prepared under on each connection, when asked and while names last (see preparedName). */
  name: string | null;
}

/**
 * Texts prepared as named statements, at most this many per process: each connection keeps the statements it prepared
 * until it closes, so the names are bounded, and a name always stands for the same text (a connection refuses a name
 * reused for another text).
 */
const MAX_PREPARED = 100;
const preparedNames = new Map<string, string>();

function preparedName(sql: string): string | null {
  let name = preparedNames.get(sql);
  if (!name && preparedNames.size < MAX_PREPARED) {
    name = `planned_read_${preparedNames.size}`;
    preparedNames.set(sql, name);
  }
  return name ?? null;
}

/** Shapes remembered; beyond, the oldest is forgotten (selections and filters combine into many shapes). */
const MAX_SHAPES = 500;
const statements = new Map<string, CompiledStatement>();

/**
 * Numbers stand in as negative integers no statement uses (a limit, a year, a population bound stay numbers, as knex
 * requires of a limit); strings as text no input can hold (it contains NUL, which PostgreSQL text refuses).
 */
const NUMBER_STAND_IN = -(2 ** 52);

/**
 * The key of the text, and the stand-ins: numbers, strings and whole arrays are bound, so only whether they are there
 * (and how long a plain array is: `whereIn` binds each element) tells shapes apart; anything else (booleans) is part
 * of the shape.
 */
function standIns(params: Params): { key: string; standIns: Record<string, ParamValue>; refs: Map<unknown, Slot> } {
  const refs = new Map<unknown, Slot>();
  const standIn = (param: string, element: number | null, value: string | number): string | number => {
    const mark = typeof value === 'number' ? NUMBER_STAND_IN + refs.size : `\u0000${refs.size}\u0000`;
    refs.set(mark, { param, element });
    return mark;
  };
  const parts: string[] = [];
  const marked: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      parts.push(`${name}[${value.length}]`);
      marked[name] = value.map((element: string | number, index) => standIn(name, index, element));
    } else if (isWhole(value)) {
      parts.push(`${name}:array`);
      marked[name] = standIn(name, null, '');
    } else if (typeof value === 'string' || typeof value === 'number') {
      parts.push(`${name}:${typeof value}`);
      marked[name] = standIn(name, null, value);
    } else {
      parts.push(`${name}=${JSON.stringify(value) ?? 'undefined'}`);
      marked[name] = value;
    }
  }
  return { key: parts.join(','), standIns: marked, refs };
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
 *
 * `prepared`: send it as a named statement, so each connection has PostgreSQL parse and analyse the text once, and
 * binds only the values after; a statement whose plan does not depend on its values (lookups by key) is then not
 * planned again either. Only for statements whose generic plan is as good as any: PostgreSQL may switch a named
 * statement to it after five runs.
 */
export async function cachedRows(
  knex: Knex,
  shape: string,
  params: Params,
  build: (params: Params) => Knex.QueryBuilder,
  options: { prepared?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const marked = standIns(params);
  const key = `${shape}|${marked.key}`;
  let statement = statements.get(key);
  if (statement) {
    statements.delete(key);
  } else {
    const compiled = build(marked.standIns).toSQL();
    statement = {
      sql: compiled.sql,
      slots: compiled.bindings.map((binding) => slotOf(binding, marked.refs)),
      name: options.prepared ? preparedName(compiled.sql) : null,
    };
    if (statements.size >= MAX_SHAPES) statements.delete(statements.keys().next().value!);
  }
  statements.set(key, statement);
  const raw = knex.raw(statement.sql, statement.slots.map((slot) => bound(slot, params)) as Knex.RawBinding[]);
  // knex hands its options to node-postgres with the text and values: a name makes it a prepared statement
  const result = await (statement.name ? raw.options({ name: statement.name }) : raw);
  return (result as { rows: Record<string, unknown>[] }).rows;
}
