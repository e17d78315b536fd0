import DataLoader from 'dataloader';
import { defineLoader, type RequestContext } from '../../common/context';
import { byKeys, groupByKeys } from '../../common/loaders';
import { ConsentSubjectType } from '../governance/consent-decision.enums';
import {
  type Decided,
  decideRows,
  type GovernedRow,
  logReads,
  type Served,
} from '../governance/governed-records.service';
import { IndigenousTerritory } from './indigenous-territory.entity';
import { visibleTerritoryRows } from './territory.sql';

/** Maps rows to territories with the precision this viewer gets, and logs the restricted reads. */
async function serveTerritoryRows(ctx: RequestContext, rows: GovernedRow[]): Promise<Decided<IndigenousTerritory>[]> {
  const decided = decideRows(ctx, IndigenousTerritory, rows);
  await logReads(ctx, ConsentSubjectType.TERRITORY, (territory) => territory.stewardOrganisation.id, decided);
  return decided;
}

/** A territory as served to the viewer, or null when it does not exist or the viewer may not see it. */
export const servedTerritoryById = defineLoader(
  (ctx) =>
    new DataLoader<string, Served<IndigenousTerritory> | null>(async (ids) => {
      const rows = await visibleTerritoryRows(ctx.reads.getKnex(), ctx.viewer).whereIn('t.id', [...ids]);
      return byKeys(ids, await serveTerritoryRows(ctx, rows), (served) => served.record.id, null);
    }),
);

/** The territories each organisation stewards that the viewer may see, by name. */
export const servedTerritoriesBySteward = defineLoader(
  (ctx) =>
    new DataLoader<string, Served<IndigenousTerritory>[]>(async (organisationIds) => {
      const rows = await visibleTerritoryRows(ctx.reads.getKnex(), ctx.viewer)
        .whereIn('t.steward_organisation_id', [...organisationIds])
        .orderBy([{ column: 't.name' }, { column: 't.id' }]);
      const served = await serveTerritoryRows(ctx, rows);
      for (const item of served) servedTerritoryById(ctx).prime(item.record.id, item);
      return groupByKeys(organisationIds, served, (item) => item.record.stewardOrganisation.id);
    }),
);
