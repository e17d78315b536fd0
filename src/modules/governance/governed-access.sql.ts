import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { type AccessFacts, canSeeRecord } from './access-decision';
import { ConsentState, type ConsentSubjectType } from './consent.enums';
import type { GeoPrecision } from './governance.enums';
import { RecordVisibility } from './governance.enums';

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

/**
 * SQL that is true for the rows the viewer may see. It lists the (visibility, publication decision, own steward,
 * withheld above) combinations that `canSeeRecord` allows, so the rule is written once, in that pure function.
 */
export function visibleRowSql(table: GovernedTable, viewer: Viewer): { sql: string; bindings: Knex.RawBinding[] } {
  const allowed: [RecordVisibility, ConsentState, boolean, boolean][] = [];
  for (const visibility of Object.values(RecordVisibility)) {
    for (const publication of Object.values(ConsentState)) {
      for (const isOwnSteward of [true, false]) {
        for (const publicationWithheldAbove of [true, false]) {
          const facts = { role: viewer.role, visibility, publication, isOwnSteward, publicationWithheldAbove };
          if (canSeeRecord(facts)) allowed.push([visibility, publication, isOwnSteward, publicationWithheldAbove]);
        }
      }
    }
  }
  if (!allowed.length) return { sql: 'false', bindings: [] };
  const tuple = '(?::text, ?::text, ?::boolean, ?::boolean)';
  return {
    sql:
      `(${table.alias}.visibility::text, coalesce(pub.state, 'NONE'), ` +
      `coalesce(${table.stewardColumn} = ?::uuid, false), coalesce(pub_above.withheld, false)) ` +
      `in (${allowed.map(() => tuple).join(', ')})`,
    bindings: [viewer.organisationId, ...allowed.flat()],
  };
}

/** The facts `locationAccess` decides on, from a row with access columns. */
export function accessFacts(viewer: Viewer, visibility: RecordVisibility, columns: AccessColumns): AccessFacts {
  return {
    role: viewer.role,
    isOwnSteward: columns.is_own_steward,
    visibility,
    touchesIsolatedPeoples: columns.touches_isolated_peoples,
    publication: columns.publication_state,
    location: columns.location_state,
    locationGranted: columns.location_granted,
    publicationWithheldAbove: columns.publication_withheld_above,
    locationWithheldAbove: columns.location_withheld_above,
  };
}

/** Splits a governed row into the table's own columns and the access columns. */
export function splitAccessColumns<Row extends AccessColumns>(
  row: Row,
): { columns: Omit<Row, keyof AccessColumns>; access: AccessColumns } {
  const {
    publication_state,
    location_state,
    location_granted,
    is_own_steward,
    touches_isolated_peoples,
    publication_withheld_above,
    location_withheld_above,
    ...columns
  } = row;
  return {
    columns,
    access: {
      publication_state,
      location_state,
      location_granted,
      is_own_steward,
      touches_isolated_peoples,
      publication_withheld_above,
      location_withheld_above,
    },
  };
}
