import type { Viewer } from '../../auth/viewer';
import type { RequestContext } from '../../common/context';
import { type KeyedPlan, type ListEdge, planKey, planRead, type ReadPlan } from '../../common/read-plan';
import { type Selection, selectionText } from '../../common/selection';
import { inventoriesOfMember, latestInventoryOfMember } from '../emissions/emission-lists.sql';
import { targetsOfMember } from '../targets/target-lists.sql';
import { Member } from './member.entity';

/** The to-many fields a member's plan reads, as the viewer may see them. */
function memberLists(viewer: Viewer): Record<string, ListEdge> {
  return {
    inventories: inventoriesOfMember(viewer),
    latestInventory: latestInventoryOfMember(viewer),
    targets: targetsOfMember,
  };
}

/**
 * The read of members for `selection` as `m`: their selected columns and to-one relations, and their inventories
 * (with records), latest inventory and targets aggregated as JSON in the same statement, as the viewer may see them.
 */
export function planMember(ctx: RequestContext, selection: Selection): ReadPlan {
  return planRead(ctx.em, Member, selection, 'm', [], memberLists(ctx.viewer));
}

/** The conditions of `lists` and of their own lists, as text: all that a plan takes from the viewer. */
function conditionsText(lists: Readonly<Record<string, ListEdge>>): string {
  let text = '';
  for (const [name, edge] of Object.entries(lists)) {
    text += `${name}:${edge.where?.('x') ?? ''}(${conditionsText(edge.lists ?? {})}),`;
  }
  return text;
}

/** Plans remembered; beyond, the oldest is forgotten. */
const MAX_LIST_PLANS = 500;
const listPlans = new Map<string, KeyedPlan>();

/**
 * planMember's plan with its key, remembered across requests: planning a page's members cost about 2 % of its CPU,
 * the same plan each time. It is remembered by all it is made of, the selection and the conditions of the viewer's
 * lists, so a viewer who may see less never gets the plan of one who may see more.
 */
export function memberListPlan(ctx: RequestContext, selection: Selection): KeyedPlan {
  const lists = memberLists(ctx.viewer);
  const key = `${conditionsText(lists)}|${selectionText(selection)}`;
  let keyed = listPlans.get(key);
  if (!keyed) {
    const plan = planRead(ctx.em, Member, selection, 'm', [], lists);
    keyed = { plan, key: planKey(plan) };
    if (listPlans.size >= MAX_LIST_PLANS) listPlans.delete(listPlans.keys().next().value!);
    listPlans.set(key, keyed);
  }
  return keyed;
}
