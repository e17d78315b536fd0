import type { GraphQLResolveInfo } from 'graphql';
import { requireAdmin } from '../../auth/authorize';
import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { OrderDirection } from '../../common/order';
import { Page, pageRequest, type PageArgs } from '../../common/pagination';
import { nodesOf, type Selection, selectionOf } from '../../common/selection';
import { isOnlyRootField } from '../../common/only-root-field';
import { requireIntInRange, requireText, requireUuid } from '../../common/validation';
import { findForUpdate, flushOrConflict } from '../../common/versioning';
import { visibleInventoriesSql } from '../emissions/inventory-visibility.rules';
import { refreshMemberFigures } from '../targets/member-figures.service';
import { requireKnownCountries } from './country.service';
import { countMembers, memberConditions, memberPageRows } from './member.list';
import { applyMemberChanges } from './member-changes.service';
import { Member } from './member.entity';
import {
  type MemberFilter,
  type MemberInput,
  MemberOrderField,
  type MemberOrder,
  type MemberUpdate,
} from './member.inputs';
import { memberById, plannedMember, plannedMemberById, rememberListedPopulation } from './member.loaders';
import { fieldMemberPlan, keyedMemberPlan } from './member-plan';

const DEFAULT_ORDER: MemberOrder = { field: MemberOrderField.NAME, direction: OrderDirection.ASC };

/** The member entity with this id, for services that check or change it. */
export async function getMember(ctx: RequestContext, id: string): Promise<Member | null> {
  return memberById(ctx).load(requireUuid('id', id));
}

/**
 * One member as a plain object with the properties its field selects: read at once by the field's remembered plan
 * when the field is the operation's only one, else by the loader of its selection (one statement per batch of alike
 * reads of sibling fields).
 */
export function readMember(ctx: RequestContext, id: string, info: GraphQLResolveInfo): Promise<Member | null> {
  if (!isOnlyRootField(info)) return readMemberBatched(ctx, id, selectionOf(info));
  return plannedMember(ctx, fieldMemberPlan(ctx, info), requireUuid('id', id));
}

async function readMemberBatched(ctx: RequestContext, id: string, selection: Selection): Promise<Member | null> {
  return plannedMemberById(ctx, selection).load(requireUuid('id', id));
}

async function validFilter(ctx: RequestContext, filter: MemberFilter = {}): Promise<MemberFilter> {
  const checked = { ...filter };
  if (filter.countryCodes)
    checked.countryCodes = await requireKnownCountries(ctx, 'filter.countryCodes', filter.countryCodes);
  if (filter.populationMin != null) requireIntInRange('filter.populationMin', filter.populationMin, 0, 2_000_000_000);
  if (filter.populationMax != null) requireIntInRange('filter.populationMax', filter.populationMax, 0, 2_000_000_000);
  if (filter.nameContains != null && filter.nameContains.length > 200) {
    throw new UserInputError('filter.nameContains', 'must be at most 200 characters');
  }
  if (filter.targetProgress?.targetYear != null) {
    requireIntInRange('filter.targetProgress.targetYear', filter.targetProgress.targetYear, 1990, 2100);
  }
  return checked;
}

/**
 * One page of members, read in one statement planned from `connection` (what the query asks of the page and of each
 * member): plain objects with the selected properties and relations, no entities. The latest population and the
 * `totalCount` are read in the same statement when asked.
 */
export async function listMembers(
  ctx: RequestContext,
  args: PageArgs & { filter?: MemberFilter | null; orderBy?: MemberOrder | null },
  connection: Selection,
): Promise<Page<Member>> {
  const page = pageRequest(args, 2);
  const where = memberConditions(await validFilter(ctx, args.filter ?? {}));
  const visibleInventories = visibleInventoriesSql(ctx.viewer, 'i');
  const nodes = nodesOf(connection);
  const plan = keyedMemberPlan(ctx, nodes);
  const withPopulation = nodes.has('population');
  const order = args.orderBy ?? DEFAULT_ORDER;
  const options = { withPopulation, withTotalCount: connection.has('totalCount') };
  const read = await memberPageRows(ctx.reads, plan, options, where, order, page, visibleInventories);
  const { members, sortKeys, populations, totalCount } = read;
  if (populations) members.forEach((member, index) => rememberListedPopulation(member, populations[index]));
  // the cursors' positions, found once a cursor is asked (most pages ask none)
  let positions: Map<Member, number> | undefined;
  const cursorOf = (member: Member): [string | number, string] => {
    positions ??= new Map(members.map((listed, index) => [listed, index]));
    return [sortKeys[positions.get(member)!], member.id];
  };
  return new Page(members, page, cursorOf, () => totalCount ?? countMembers(ctx.reads, where, visibleInventories));
}

export async function createMember(ctx: RequestContext, input: MemberInput): Promise<Member> {
  requireAdmin(ctx.viewer, 'createMember');
  const member = new Member();
  member.name = requireText('input.name', input.name);
  await applyMemberChanges(ctx, member, input);
  await ctx.em.persistAndFlush(member);
  await refreshMemberFigures(ctx.em, [member.id]);
  return member;
}

export async function updateMember(
  ctx: RequestContext,
  id: string,
  version: number,
  input: MemberUpdate,
): Promise<Member> {
  requireAdmin(ctx.viewer, 'updateMember');
  const member = await findForUpdate(ctx, Member, 'Member', id, version);
  await applyMemberChanges(ctx, member, input);
  // population records live in their own table: touching the member makes every update raise its version
  member.updatedAt = new Date();
  await flushOrConflict(ctx.em, 'Member', id, version);
  // population feeds per-capita figures
  await refreshMemberFigures(ctx.em, [member.id]);
  return member;
}
