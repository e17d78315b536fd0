import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../common/context';
import { type KeyedPlan, type ListEdge, planKey, planRead, type ReadPlan } from '../../common/read-plan';
import { type Selection, selectionKey, selectionOf } from '../../common/selection';
import { selectsAlikeEveryTime } from '../../common/static-selection';
import { inventoriesOfMember, latestInventoryOfMember } from '../emissions/emission-lists.sql';
import { targetsOfMember } from '../targets/target-lists.sql';
import { Member } from './member.entity';

type MemberLists = Readonly<Record<string, ListEdge>>;

/** The lists of each pair of inventory edges (viewers who may see alike get the same edges, so the same lists). */
const listsByEdges = new WeakMap<ListEdge, WeakMap<ListEdge, MemberLists>>();

/** The planned lists of a member, as the viewer may see them. */
function memberLists(ctx: RequestContext): MemberLists {
  const inventories = inventoriesOfMember(ctx.viewer);
  const latestInventory = latestInventoryOfMember(ctx.viewer);
  let byLatest = listsByEdges.get(inventories);
  if (!byLatest) listsByEdges.set(inventories, (byLatest = new WeakMap()));
  let lists = byLatest.get(latestInventory);
  if (!lists) byLatest.set(latestInventory, (lists = { inventories, latestInventory, targets: targetsOfMember }));
  return lists;
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

/** The key of a member's lists, derived once per lists object. */
const memberListsKeys = new WeakMap<MemberLists, string>();

function memberListsKey(lists: MemberLists): string {
  let key = memberListsKeys.get(lists);
  if (key === undefined) memberListsKeys.set(lists, (key = listsKey(lists)));
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
  return madeMemberPlan(ctx, selection, memberLists(ctx), ctx.reads.getMetadata());
}

function madeMemberPlan(ctx: RequestContext, selection: Selection, lists: MemberLists, metadata: object): KeyedPlan {
  let plans = madePlans.get(metadata);
  if (!plans) madePlans.set(metadata, (plans = new Map()));
  const key = `${selectionKey(selection)} ${memberListsKey(lists)}`;
  let keyed = plans.get(key);
  if (!keyed) {
    const plan = planRead(ctx.reads, Member, selection, 'm', [], lists);
    keyed = { plan, key: planKey(plan) };
    if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(key, keyed);
  }
  return keyed;
}

/** A plan remembered for one field of a document: for the metadata and the lists it was made for. */
interface FieldPlan {
  metadata: object;
  lists: MemberLists;
  keyed: KeyedPlan;
}

/** By the field nodes of a document and the type the selection was walked for (few viewers' lists each). */
const fieldPlans = new WeakMap<GraphQLResolveInfo['fieldNodes'], Map<string, FieldPlan[]>>();

/**
 * The read of members for what the resolver's field selects of them (of `typeName`, for an abstract result), as
 * keyedMemberPlan gives it, found once per field of a document and the viewer's lists: a selection that no variable
 * changes (selectsAlikeEveryTime) is neither walked nor keyed again at later executions.
 */
export function fieldMemberPlan(ctx: RequestContext, info: GraphQLResolveInfo, typeName = '*'): KeyedPlan {
  if (!selectsAlikeEveryTime(info)) return keyedMemberPlan(ctx, selectionOf(info, typeName));
  const lists = memberLists(ctx);
  const metadata = ctx.reads.getMetadata();
  let byType = fieldPlans.get(info.fieldNodes);
  if (!byType) fieldPlans.set(info.fieldNodes, (byType = new Map()));
  let made = byType.get(typeName);
  if (!made) byType.set(typeName, (made = []));
  for (const plan of made) if (plan.lists === lists && plan.metadata === metadata) return plan.keyed;
  const keyed = madeMemberPlan(ctx, selectionOf(info, typeName), lists, metadata);
  made.push({ metadata, lists, keyed });
  return keyed;
}

/** The read of members for `selection` as `m` (see keyedMemberPlan). */
export function planMember(ctx: RequestContext, selection: Selection): ReadPlan {
  return keyedMemberPlan(ctx, selection).plan;
}
