import { requireAdmin } from '../../auth/authorize';
import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { OrderDirection } from '../../common/order';
import { Page, pageRequest, type PageArgs } from '../../common/pagination';
import { requireIntInRange, requireText, requireUuid } from '../../common/validation';
import { findForUpdate, flushOrConflict } from '../../common/versioning';
import { visibleInventoriesSql } from '../emissions/inventory-visibility';
import { refreshMemberFigures } from '../targets/member-figures';
import { requireKnownCountries } from './country.service';
import { countMembers, memberPageRows } from './member-list';
import { applyMemberChanges } from './member-changes';
import { Member } from './member.entity';
import {
  type MemberFilter,
  type MemberInput,
  MemberOrderField,
  type MemberOrder,
  type MemberUpdate,
} from './member.inputs';
import { latestPopulationByMember, memberById } from './member.loaders';

const DEFAULT_ORDER: MemberOrder = { field: MemberOrderField.NAME, direction: OrderDirection.ASC };

export async function getMember(ctx: RequestContext, id: string): Promise<Member | null> {
  return memberById(ctx).load(requireUuid('id', id));
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
  return checked;
}

export async function listMembers(
  ctx: RequestContext,
  args: PageArgs & { filter?: MemberFilter | null; orderBy?: MemberOrder | null },
): Promise<Page<Member>> {
  const page = pageRequest(args, 2);
  const filter = await validFilter(ctx, args.filter ?? {});
  const visibleInventories = visibleInventoriesSql(ctx.viewer, 'i');
  const rows = await memberPageRows(ctx.em, filter, args.orderBy ?? DEFAULT_ORDER, page, visibleInventories);
  const sortKeys = new Map<Member, [string | number, string]>();
  const members = rows.map((row) => {
    const { sort_key: sortKey, latest_population: population, ...columns } = row;
    const member = ctx.em.map(Member, columns);
    sortKeys.set(member, [sortKey, member.id]);
    latestPopulationByMember(ctx).prime(member.id, population);
    memberById(ctx).prime(member.id, member);
    return member;
  });
  return new Page(
    members,
    page,
    (member) => sortKeys.get(member)!,
    () => countMembers(ctx.em, filter, visibleInventories),
  );
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
