import type { RequestContext } from '../../common/context';
import { planRead, type ReadPlan } from '../../common/read-plan';
import type { Selection } from '../../common/selection';
import { inventoriesOfMember, latestInventoryOfMember } from '../emissions/emission-lists.sql';
import { targetsOfMember } from '../targets/target-lists.sql';
import { Member } from './member.entity';

/**
 * The read of members for `selection` as `m`: their selected columns and to-one relations, and their inventories
 * (with records), latest inventory and targets aggregated as JSON in the same statement, as the viewer may see them.
 */
export function planMember(ctx: RequestContext, selection: Selection): ReadPlan {
  return planRead(ctx.em, Member, selection, 'm', [], {
    inventories: inventoriesOfMember(ctx.viewer),
    latestInventory: latestInventoryOfMember(ctx.viewer),
    targets: targetsOfMember,
  });
}
