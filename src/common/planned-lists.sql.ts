import { nameLiteral, type ReadPlan } from './read-plan';

/**
 * A to-many field of a plan, read in the parent's statement as a correlated subquery that aggregates the listed rows
 * as JSON (`json_agg`), so a root field with nested lists is one statement and Node never holds the rows of each
 * level apart. In the select list PostgreSQL evaluates it after sorting and limiting the parent rows, for those only.
 */
export interface PlannedList {
  property: string;
  /** The name of the value in the parent's result row or JSON object. */
  key: string;
  plan: ReadPlan;
  /** `alias.column` of the listed rows' reference to the parent, and the parent's key it equals. */
  foreignKey: string;
  parentKey: string;
  where: string | null;
  orderBy: string;
  single: boolean;
}

/** PostgreSQL takes at most 100 arguments per function call: objects of more pairs are built in parts. */
const PAIRS_PER_CALL = 50;

/** The SQL of the list's value: a JSON array (empty when no row), or for a single edge a JSON object or null. */
export function listSql(list: PlannedList): string {
  const { plan } = list;
  const where = `${list.foreignKey} = ${list.parentKey}${list.where ? ` and (${list.where})` : ''}`;
  const from = `from ${plan.table} as ${plan.alias}${joinsSql(plan)} where ${where}`;
  if (list.single) return `(select ${jsonObjectSql(plan)} ${from} order by ${list.orderBy} limit 1)`;
  return `(select coalesce(json_agg(${jsonObjectSql(plan)} order by ${list.orderBy}), '[]'::json) ${from})`;
}

function joinsSql(plan: ReadPlan): string {
  return plan.relations
    .map((relation) => {
      const target = relation.joined;
      if (!target) return '';
      const targetKey = target.columns.find((column) => column.property === relation.targetKey)!;
      return ` left join ${target.table} as ${target.alias} on ${targetKey.column} = ${relation.foreignKey}${joinsSql(target)}`;
    })
    .join('');
}

/** `json_build_object(...)` of the plan's columns, relations (key, or joined object or null) and lists. */
function jsonObjectSql(plan: ReadPlan): string {
  const pairs = [
    ...plan.columns.map((column) => `'${column.key}', ${column.column}`),
    ...plan.relations.map((relation) => {
      const target = relation.joined;
      if (!target) return `'${relation.key}', ${relation.foreignKey}`;
      const targetKey = target.columns.find((column) => column.property === relation.targetKey)!;
      return `'${relation.key}', case when ${targetKey.column} is null then null else ${jsonObjectSql(target)} end`;
    }),
    ...plan.lists.map((list) => `'${list.key}', ${listSql(list)}`),
  ];
  if (pairs.length <= PAIRS_PER_CALL) return `json_build_object(${pairs.join(', ')})`;
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += PAIRS_PER_CALL) {
    parts.push(`jsonb_build_object(${pairs.slice(i, i + PAIRS_PER_CALL).join(', ')})`);
  }
  return `(${parts.join(' || ')})::json`;
}

/** The list's value as read (parsed JSON), turned in place into the plain objects its plan describes. */
export function plannedListValue(value: unknown, list: PlannedList): unknown {
  const fix = jsonFixer(list.plan);
  if (list.single) return value == null ? null : fix(value as Record<string, unknown>);
  for (const element of value as Record<string, unknown>[]) fix(element);
  return value;
}

/** Turns one object parsed from a plan's JSON, in place, into the plain object of the plan. */
type JsonFixer = (object: Record<string, unknown>) => Record<string, unknown>;

const jsonFixers = new WeakMap<ReadPlan, JsonFixer>();

function jsonFixer(plan: ReadPlan): JsonFixer {
  let fix = jsonFixers.get(plan);
  if (!fix) jsonFixers.set(plan, (fix = makeJsonFixer(plan)));
  return fix;
}

/**
 * The fixer of a plan's JSON objects, generated once per plan with the names known (as rowReader in read-plan.ts): of
 * the 2,000 records of ten members' inventories, JSON.parse made every object already, and what is left per record is
 * a look at its decimals, which JSON gave as numbers.
 */
function makeJsonFixer(plan: ReadPlan): JsonFixer {
  const lines: string[] = [];
  plan.converted.forEach((column, index) => {
    const key = nameLiteral(column.key);
    // JSON numbers are the JavaScript numbers a decimal converts to
    const keeps = column.keepsNumbers ? ` && typeof value !== 'number'` : '';
    lines.push(
      `value = object[${key}];`,
      `if (value != null${keeps}) object[${key}] = converted[${index}].convert(value);`,
    );
  });
  plan.relations.forEach((relation, index) => {
    const key = nameLiteral(relation.key);
    const related = relation.joined ? `fixers[${index}](value)` : `{ ${nameLiteral(relation.targetKey)}: value }`;
    lines.push(`value = object[${key}];`, `if (value != null) object[${key}] = ${related};`);
  });
  plan.lists.forEach((list, index) => {
    const key = nameLiteral(list.key);
    lines.push(`object[${key}] = plannedListValue(object[${key}], lists[${index}]);`);
  });
  const body = `return (object) => { let value; ${lines.join(' ')} return object; };`;
  const make = new Function('converted', 'fixers', 'lists', 'plannedListValue', body) as (
    ...args: unknown[]
  ) => JsonFixer;
  const fixers = plan.relations.map((relation) => (relation.joined ? jsonFixer(relation.joined) : null));
  return make(plan.converted, fixers, plan.lists, plannedListValue);
}
