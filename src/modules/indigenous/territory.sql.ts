import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import type { RequestContext } from '../../common/context';
import { ConsentSubjectType } from '../consent/consent.enums';
import { joinConsent } from '../consent/consent-joins.sql';
import { accessColumns, type GovernedTable, visibleRowSql } from '../consent/governed-access-sql';
import { type Decided, decideRows, type GovernedRow, logReads } from '../consent/governed-records';
import { IndigenousTerritory } from './indigenous-territory.entity';

const TERRITORY_TABLE: GovernedTable = {
  alias: 't',
  subjects: [
    { type: ConsentSubjectType.TERRITORY, column: 't.id' },
    { type: ConsentSubjectType.ORGANISATION, column: 't.steward_organisation_id' },
  ],
  stewardColumn: 't.steward_organisation_id',
  isolatedSql: 't.contains_isolated_peoples',
};

/** The territories the viewer may see, with the project columns and the access columns selected. */
export function visibleTerritoryRows(knex: Knex, viewer: Viewer): Knex.QueryBuilder {
  const query = knex.from('indigenous_territory as t');
  joinConsent(query, TERRITORY_TABLE, viewer);
  const visible = visibleRowSql(TERRITORY_TABLE, viewer);
  return query.whereRaw(visible.sql, visible.bindings).select('t.*', accessColumns(knex, TERRITORY_TABLE, viewer));
}

/** Maps rows to territories with the precision this viewer gets, and logs the restricted reads. */
export async function serveTerritoryRows(
  ctx: RequestContext,
  rows: GovernedRow[],
): Promise<Decided<IndigenousTerritory>[]> {
  const decided = decideRows(ctx, IndigenousTerritory, rows);
  await logReads(ctx, ConsentSubjectType.TERRITORY, (territory) => territory.stewardOrganisation.id, decided);
  return decided;
}
