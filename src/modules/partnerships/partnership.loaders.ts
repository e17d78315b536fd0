import DataLoader from 'dataloader';
import { defineLoader, type RequestContext } from '../../common/context';
import { byKeys, groupByKeys } from '../../common/loaders';
import { Partnership } from './partnership.entity';
import { visiblePartnerships } from './partnership.list';

async function visiblePartnershipsWhere(
  ctx: RequestContext,
  column: 'id' | 'member_id' | 'organisation_id',
  ids: readonly string[],
): Promise<Partnership[]> {
  const rows = await visiblePartnerships(ctx.reads.getKnex(), ctx.viewer)
    .select('pa.*')
    .whereIn(`pa.${column}`, [...ids])
    .orderBy([{ column: 'pa.started_on' }, { column: 'pa.id' }]);
  return rows.map((row: Record<string, unknown>) => ctx.em.map(Partnership, row));
}

/** A partnership by id, or null when it does not exist or the viewer may not see it. */
export const visiblePartnershipById = defineLoader(
  (ctx) =>
    new DataLoader<string, Partnership | null>(async (ids) =>
      byKeys(ids, await visiblePartnershipsWhere(ctx, 'id', ids), (partnership) => partnership.id, null),
    ),
);

/** The partnerships of each member that the viewer may see, oldest first. */
export const visiblePartnershipsByMember = defineLoader(
  (ctx) =>
    new DataLoader<string, Partnership[]>(async (memberIds) =>
      groupByKeys(memberIds, await visiblePartnershipsWhere(ctx, 'member_id', memberIds), (p) => p.member!.id),
    ),
);

/** The partnerships of each indigenous organisation that the viewer may see, oldest first. */
export const visiblePartnershipsByOrganisation = defineLoader(
  (ctx) =>
    new DataLoader<string, Partnership[]>(async (organisationIds) =>
      groupByKeys(
        organisationIds,
        await visiblePartnershipsWhere(ctx, 'organisation_id', organisationIds),
        (p) => p.organisation.id,
      ),
    ),
);
