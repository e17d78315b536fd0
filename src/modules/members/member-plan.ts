import type { RequestContext } from '../../common/context';
import { type KeyedPlan, type ListEdge, planKey, planRead, type ReadPlan } from '../../common/read-plan';
import { type Selection, selectionKey } from '../../common/selection';
import { inventoriesOfMember, latestInventoryOfMember } from '../emissions/emission-lists.sql';
import { targetsOfMember } from '../targets/target-lists.sql';
import { Member } from './member.entity';

/** The planned lists of a member, as the viewer may see them. */
function memberLists(ctx: RequestContext): Readonly<Record<string, ListEdge>> {
  return {
    inventories: inventoriesOfMember(ctx.viewer),
    latestInventory: latestInventoryOfMember(ctx.viewer),
    targets: targetsOfMember,
  };
}

/** The key of each edge, derived once per edge object (edges of alike viewers are the same objects). */
const edgeKeys = new WeakMap<ListEdge, string>();

function edgeKey(edge: ListEdge): string {
  let key = edgeKeys.get(edge);
  if (key === undefined) {
    const sql = `${edge.where?.('_') ?? ''} order ${edge.orderBy((property) => property)}`;
    key = `${sql}${edge.single ? ' single' : ''}(${listsKey(edge.lists ?? {})})`;
    edgeKeys.set(edge, key);
  }
  return key;
}

/**
 * The SQL that `lists` (and their lists in turn) put into a plan: their conditions, which depend on the viewer, and
 * their orders. Plans of equal selections and equal lists are equal, whoever asks.
 */
function listsKey(lists: Readonly<Record<string, ListEdge>>): string {
  let key = '';
  for (const name in lists) key += `${key ? ',' : ''}${name}:${edgeKey(lists[name])}`;
  return key;
}

/** Plans made, per metadata (one per ORM), by selection and lists; beyond the limit, the oldest is forgotten. */
const MAX_PLANS = 500;
const madePlans = new WeakMap<object, Map<string, KeyedPlan>>();

/**
 * The read of members for `selection` as `m` with its key: their selected columns and to-one relations, and their
 * inventories (with records), latest inventory and targets aggregated as JSON in the same statement, as the viewer may
 * see them. Made once for all requests that select alike and may see alike: a plan is built from the metadata, the
 * selection and the lists' SQL only.
 */
export function keyedMemberPlan(ctx: RequestContext, selection: Selection): KeyedPlan {
  const lists = memberLists(ctx);
  const metadata = ctx.reads.getMetadata();
  let plans = madePlans.get(metadata);
  if (!plans) madePlans.set(metadata, (plans = new Map()));
  const key = `${selectionKey(selection)} ${listsKey(lists)}`;
  let keyed = plans.get(key);
  if (!keyed) {
    const plan = planRead(ctx.reads, Member, selection, 'm', [], lists);
    keyed = { plan, key: planKey(plan) };
    if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(key, keyed);
  }
  return keyed;
}

/** The read of members for `selection` as `m` (see keyedMemberPlan). */
export function planMember(ctx: RequestContext, selection: Selection): ReadPlan {
  return keyedMemberPlan(ctx, selection).plan;
}
