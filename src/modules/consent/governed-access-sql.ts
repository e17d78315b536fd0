import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { type AccessFacts, canSeeRecord } from './access-decision';
import { ConsentScope, ConsentState, ConsentSubjectType } from './consent.enums';
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
}

/**
 * The latest decision in `scope` on any subject of the row that names the viewer (its role, its indigenous
 * organisation or its member), as `<alias>.state` and `<alias>.granted`. PENDING decisions have no effect;
 * a grant outside its validity dates gives nothing. Read on every request: a withdrawal applies at once.
 */
function latestDecisionJoin(table: GovernedTable, scope: ConsentScope, viewer: Viewer, alias: string) {
  const subjectIds = table.subjects.map((subject) => subject.column).join(', ');
  const subjectMatch = table.subjects
    .map((subject) => `(c.subject_type = '${subject.type}' and c.subject_id = ${subject.column})`)
    .join(' or ');
  return {
    sql:
      `left join lateral (select case ` +
      `when c.status = 'GRANTED' and (c.valid_from is null or c.valid_from <= current_date) ` +
      `and (c.valid_until is null or c.valid_until >= current_date) then 'GRANTED' ` +
      `when c.status in ('WITHHELD', 'WITHDRAWN') then 'WITHHELD' else 'NONE' end as state, ` +
      `c.location_precision::text as granted ` +
      `from consent_record c where c.subject_id = any(array[${subjectIds}]::uuid[]) and (${subjectMatch}) ` +
      `and c.scope = ?::consent_scope and c.status <> 'PENDING' ` +
      `and (?::text = any(c.granted_to_roles::text[]) or ?::uuid = any(c.granted_to_organisation_ids) ` +
      `or ?::uuid = any(c.granted_to_member_ids)) ` +
      `order by c.created_at desc, c.id desc limit 1) ${alias} on true`,
    bindings: [scope, viewer.role, viewer.organisationId, viewer.memberId],
  };
}

/**
 * Joins the latest publication decision for the viewer as `pub` (what row visibility needs) and, unless
 * `publicationOnly`, the latest location decision as `loc` (what `accessColumns` needs).
 */
export function joinConsent(
  query: Knex.QueryBuilder,
  table: GovernedTable,
  viewer: Viewer,
  publicationOnly = false,
): Knex.QueryBuilder {
  const publication = latestDecisionJoin(table, ConsentScope.DATA_PUBLICATION, viewer, 'pub');
  query.joinRaw(publication.sql, publication.bindings);
  if (!publicationOnly) {
    const location = latestDecisionJoin(table, ConsentScope.LOCATION_DISCLOSURE, viewer, 'loc');
    query.joinRaw(location.sql, location.bindings);
  }
  return query;
}

/** The columns of `AccessColumns`, for a query that has `joinConsent` applied. */
export function accessColumns(knex: Knex, table: GovernedTable, viewer: Viewer): Knex.Raw {
  return knex.raw(
    `coalesce(pub.state, 'NONE') as publication_state, coalesce(loc.state, 'NONE') as location_state, ` +
      `loc.granted as location_granted, coalesce(${table.stewardColumn} = ?::uuid, false) as is_own_steward, ` +
      `(${table.isolatedSql}) as touches_isolated_peoples`,
    [viewer.organisationId],
  );
}

/**
 * SQL that is true for the rows the viewer may see. It lists the (visibility, publication decision, own steward)
 * combinations that `canSeeRecord` allows, so the rule is written once, in that pure function.
 */
export function visibleRowSql(table: GovernedTable, viewer: Viewer): { sql: string; bindings: Knex.RawBinding[] } {
  const allowed: [RecordVisibility, ConsentState, boolean][] = [];
  for (const visibility of Object.values(RecordVisibility)) {
    for (const publication of Object.values(ConsentState)) {
      for (const isOwnSteward of [true, false]) {
        if (canSeeRecord({ role: viewer.role, visibility, publication, isOwnSteward })) {
          allowed.push([visibility, publication, isOwnSteward]);
        }
      }
    }
  }
  if (!allowed.length) return { sql: 'false', bindings: [] };
  return {
    sql:
      `(${table.alias}.visibility::text, coalesce(pub.state, 'NONE'), ` +
      `coalesce(${table.stewardColumn} = ?::uuid, false)) in (${allowed.map(() => '(?::text, ?::text, ?::boolean)').join(', ')})`,
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
  };
}

/** Splits a governed row into the table's own columns and the access columns. */
export function splitAccessColumns<Row extends AccessColumns>(
  row: Row,
): { columns: Omit<Row, keyof AccessColumns>; access: AccessColumns } {
  const { publication_state, location_state, location_granted, is_own_steward, touches_isolated_peoples, ...columns } =
    row;
  return {
    columns,
    access: { publication_state, location_state, location_granted, is_own_steward, touches_isolated_peoples },
  };
}
