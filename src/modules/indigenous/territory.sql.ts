import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { ConsentSubjectType } from '../governance/consent-decision.enums';
import { joinConsent } from '../governance/consent-joins.sql';
import { accessColumns, type GovernedTable, visibleRowSql } from '../governance/governed-access.sql';

const TERRITORY_TABLE: GovernedTable = {
  alias: 't',
  subjects: [
    { type: ConsentSubjectType.TERRITORY, column: 't.id' },
    { type: ConsentSubjectType.ORGANISATION, column: 't.steward_organisation_id' },
  ],
  stewardColumn: 't.steward_organisation_id',
  isolatedSql: 't.contains_isolated_peoples',
};

/** The territories the viewer may see, with the territory columns and the access columns selected. */
export function visibleTerritoryRows(knex: Knex, viewer: Viewer): Knex.QueryBuilder {
  const query = knex.from('indigenous_territory as t');
  joinConsent(query, TERRITORY_TABLE, viewer);
  const visible = visibleRowSql(TERRITORY_TABLE, viewer);
  return query.whereRaw(visible.sql, visible.bindings).select('t.*', accessColumns(knex, TERRITORY_TABLE, viewer));
}
