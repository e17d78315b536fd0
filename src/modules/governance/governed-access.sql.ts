import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { canSeeRecord } from './access.rules';
import { ConsentState, type ConsentSubjectType } from './consent-decision.enums';
import { type GeoPrecision, RecordVisibility } from './governance.enums';

/** How a governed table (territories, projects) relates to consent: which consent subjects apply to a row. */
export interface GovernedTable {
  /** The alias the table has in the query, e.g. `p`. */
  alias: string;
  /** Columns holding the ids of the consent subjects that apply to a row: itself, its territory, its steward. */
  subjects: { type: ConsentSubjectType; column: string }[];
  stewardColumn: string;
  /** SQL that is true when the row concerns peoples in voluntary isolation. */
  isolatedSql: string;
}

/** The access columns a governed query selects, besides the table's own. */
export interface AccessColumns {
  publication_state: ConsentState;
  location_state: ConsentState;
  location_granted: GeoPrecision | null;
  is_own_steward: boolean;
  touches_isolated_peoples: boolean;
  publication_withheld_above: boolean;
  location_withheld_above: boolean;
}

/** The columns of `AccessColumns`, for a query that has `joinConsent` applied. */
export function accessColumns(knex: Knex, table: GovernedTable, viewer: Viewer): Knex.Raw {
  return knex.raw(
    `coalesce(pub.state, 'NONE') as publication_state, coalesce(loc.state, 'NONE') as location_state, ` +
      `loc.granted as location_granted, coalesce(${table.stewardColumn} = ?::uuid, false) as is_own_steward, ` +
      `(${table.isolatedSql}) as touches_isolated_peoples, ` +
      `coalesce(pub_above.withheld, false) as publication_withheld_above, ` +
      `coalesce(loc_above.withheld, false) as location_withheld_above`,
    [viewer.organisationId],
  );
}

/** One fact a decision depends on: the SQL that computes it for a row, its SQL type, and every value it can take. */
export interface FactColumn<Value> {
  sql: string;
  sqlType: 'text' | 'boolean';
  values: readonly Value[];
}

/**
 * SQL that is true for the rows whose facts form a combination `allows` accepts. It lists every combination the pure
 * decision allows (a few dozen at most), so a visibility rule is written once, as a function, and SQL and JavaScript
 * cannot disagree. `bindings` are those of the facts' SQL, in order.
 */
export function allowedFactsSql<Values extends unknown[]>(
  facts: { [Index in keyof Values]: FactColumn<Values[Index]> },
  bindings: Knex.RawBinding[],
  allows: (values: Values) => boolean,
): { sql: string; bindings: Knex.RawBinding[] } {
  const columns = facts as FactColumn<unknown>[];
  let combinations: unknown[][] = [[]];
  for (const fact of columns) {
    combinations = combinations.flatMap((combination) => fact.values.map((value) => [...combination, value]));
  }
  const allowed = combinations.filter((combination) => allows(combination as Values));
  if (!allowed.length) return { sql: 'false', bindings: [] };
  const tuple = `(${columns.map((fact) => `?::${fact.sqlType}`).join(', ')})`;
  return {
    sql: `(${columns.map((fact) => fact.sql).join(', ')}) in (${allowed.map(() => tuple).join(', ')})`,
    bindings: [...bindings, ...(allowed.flat() as Knex.RawBinding[])],
  };
}

/** SQL that is true for the rows the viewer may see: the combinations `canSeeRecord` allows. */
export function visibleRowSql(table: GovernedTable, viewer: Viewer): { sql: string; bindings: Knex.RawBinding[] } {
  return allowedFactsSql<[RecordVisibility, ConsentState, boolean, boolean]>(
    [
      { sql: `${table.alias}.visibility::text`, sqlType: 'text', values: Object.values(RecordVisibility) },
      { sql: `coalesce(pub.state, 'NONE')`, sqlType: 'text', values: Object.values(ConsentState) },
      { sql: `coalesce(${table.stewardColumn} = ?::uuid, false)`, sqlType: 'boolean', values: [true, false] },
      { sql: 'coalesce(pub_above.withheld, false)', sqlType: 'boolean', values: [true, false] },
    ],
    [viewer.organisationId],
    ([visibility, publication, isOwnSteward, publicationWithheldAbove]) =>
      canSeeRecord({ role: viewer.role, visibility, publication, isOwnSteward, publicationWithheldAbove }),
  );
}
