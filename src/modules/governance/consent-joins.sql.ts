import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { principalsAbove } from './access.rules';
import { ConsentScope } from './consent-decision.enums';
import type { GovernedTable } from './governed-access.sql';

/** A decision that has effect: a refusal, or a grant within its validity dates (PENDING and EXPIRED have none). */
const EFFECTIVE_DECISION =
  `(c.status in ('WITHHELD', 'WITHDRAWN') or (c.status = 'GRANTED' ` +
  `and (c.valid_from is null or c.valid_from <= current_date) ` +
  `and (c.valid_until is null or c.valid_until >= current_date)))`;

/** SQL true for the consent records (`c`) about any subject of the row, in `scope` (bound first). */
function aboutRow(table: GovernedTable): string {
  const subjectIds = table.subjects.map((subject) => subject.column).join(', ');
  const subjectMatch = table.subjects
    .map((subject) => `(c.subject_type = '${subject.type}' and c.subject_id = ${subject.column})`)
    .join(' or ');
  return `c.subject_id = any(array[${subjectIds}]::uuid[]) and (${subjectMatch}) and c.scope = ?::consent_scope`;
}

/**
 * The latest effective decision in `scope` on any subject of the row that names the viewer (its role, its
 * indigenous organisation or its member), as `<alias>.state` and `<alias>.granted`. Read on every request: a
 * withdrawal applies at once.
 */
function latestDecisionJoin(table: GovernedTable, scope: ConsentScope, viewer: Viewer, alias: string) {
  return {
    sql:
      `left join lateral (select case when c.status = 'GRANTED' then 'GRANTED' else 'WITHHELD' end as state, ` +
      `c.location_precision::text as granted ` +
      `from consent_record c where ${aboutRow(table)} and ${EFFECTIVE_DECISION} ` +
      `and (?::text = any(c.granted_to_roles::text[]) or ?::uuid = any(c.granted_to_organisation_ids) ` +
      `or ?::uuid = any(c.granted_to_member_ids)) ` +
      `order by c.created_at desc, c.id desc limit 1) ${alias} on true`,
    bindings: [scope, viewer.role, viewer.organisationId, viewer.memberId],
  };
}

/**
 * Whether, among those who see more than the viewer (`principalsAbove`), one's latest effective decision in `scope`
 * withholds: `<alias>.withheld`. Each role, organisation and member a decision names is one principal.
 */
function withheldAboveJoin(table: GovernedTable, scope: ConsentScope, viewer: Viewer, alias: string) {
  const above = principalsAbove(viewer.role);
  if (!above.everyone && !above.roles.length) {
    return { sql: `left join lateral (select false as withheld) ${alias} on true`, bindings: [] };
  }
  return {
    sql:
      `left join lateral (select bool_or(latest.withheld) as withheld from (` +
      `select distinct on (n.principal) c.status <> 'GRANTED' as withheld from consent_record c ` +
      `cross join lateral unnest(array(select 'role:' || r::text from unnest(c.granted_to_roles) r) ` +
      `|| array(select 'org:' || o::text from unnest(c.granted_to_organisation_ids) o) ` +
      `|| array(select 'member:' || m::text from unnest(c.granted_to_member_ids) m)) n(principal) ` +
      `where ${aboutRow(table)} and ${EFFECTIVE_DECISION} and (?::boolean or n.principal = any(?::text[])) ` +
      `order by n.principal, c.created_at desc, c.id desc) latest) ${alias} on true`,
    bindings: [scope, above.everyone, above.roles.map((role) => `role:${role}`)],
  };
}

/**
 * Joins the latest publication decisions for the viewer (`pub`, `pub_above`: what row visibility needs) and, unless
 * `publicationOnly`, the location decisions (`loc`, `loc_above`: what `accessColumns` needs).
 */
export function joinConsent(
  query: Knex.QueryBuilder,
  table: GovernedTable,
  viewer: Viewer,
  publicationOnly = false,
): Knex.QueryBuilder {
  const joins = [
    latestDecisionJoin(table, ConsentScope.DATA_PUBLICATION, viewer, 'pub'),
    withheldAboveJoin(table, ConsentScope.DATA_PUBLICATION, viewer, 'pub_above'),
  ];
  if (!publicationOnly) {
    joins.push(latestDecisionJoin(table, ConsentScope.LOCATION_DISCLOSURE, viewer, 'loc'));
    joins.push(withheldAboveJoin(table, ConsentScope.LOCATION_DISCLOSURE, viewer, 'loc_above'));
  }
  for (const join of joins) query.joinRaw(join.sql, join.bindings);
  return query;
}
