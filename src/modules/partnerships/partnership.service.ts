import { requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { Page, pageRequest, type PageArgs } from '../../common/pagination';
import { optionalText, requireDateOrder, requireUuid, requireUuids } from '../../common/validation';
import { findForUpdate, flushOrConflict } from '../../common/versioning';
import { CoordinationOffice } from '../members/coordination-office.entity';
import { coordinationOfficeById, memberById } from '../members/member.loaders';
import { Member } from '../members/member.entity';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { requireKnownOrganisation } from '../indigenous/indigenous-organisation.service';
import { Partnership } from './partnership.entity';
import type { PartnershipFilter, PartnershipInput, PartnershipUpdate } from './partnership.inputs';
import { countPartnerships, partnershipPage } from './partnership.list';

export async function listPartnerships(
  ctx: RequestContext,
  args: PageArgs & { filter?: PartnershipFilter | null },
  withTotalCount: boolean,
): Promise<Page<Partnership>> {
  const page = pageRequest(args, 2);
  const given = args.filter ?? {};
  const filter: PartnershipFilter = {
    ...given,
    organisationIds: given.organisationIds && requireUuids('filter.organisationIds', given.organisationIds),
    memberIds: given.memberIds && requireUuids('filter.memberIds', given.memberIds),
    coordinationOfficeIds:
      given.coordinationOfficeIds && requireUuids('filter.coordinationOfficeIds', given.coordinationOfficeIds),
  };
  const { partnerships, cursors, totalCount } = await partnershipPage(ctx, filter, page, withTotalCount);
  return new Page(
    partnerships,
    page,
    (partnership) => cursors.get(partnership)!,
    () => totalCount ?? countPartnerships(ctx, filter),
  );
}

/** Validates every given field first, then applies them; nothing changes when any field is invalid. */
function applyChanges(partnership: Partnership, input: PartnershipUpdate): void {
  const changes: Partial<Partnership> = {};
  if (input.type != null) changes.type = input.type;
  if (input.startedOn != null) changes.startedOn = input.startedOn;
  if (input.endedOn !== undefined) changes.endedOn = input.endedOn;
  if (input.description !== undefined) changes.description = optionalText('input.description', input.description, 5000);
  if (input.visibility != null) changes.visibility = input.visibility;
  requireDateOrder('input.endedOn', changes.startedOn ?? partnership.startedOn, changes.endedOn ?? partnership.endedOn);
  Object.assign(partnership, changes);
}

async function partnerOf(ctx: RequestContext, input: PartnershipInput): Promise<Partial<Partnership>> {
  if (input.memberId && input.coordinationOfficeId) {
    throw new UserInputError('input.coordinationOfficeId', 'give either memberId or coordinationOfficeId, not both');
  }
  if (input.memberId) {
    const id = requireUuid('input.memberId', input.memberId);
    if (!(await memberById(ctx).load(id))) throw new UserInputError('input.memberId', `no member has id ${id}`);
    return { member: ctx.em.getReference(Member, id, { wrapped: true }) };
  }
  if (input.coordinationOfficeId) {
    const id = requireUuid('input.coordinationOfficeId', input.coordinationOfficeId);
    if (!(await coordinationOfficeById(ctx).load(id))) {
      throw new UserInputError('input.coordinationOfficeId', `no coordination office has id ${id}`);
    }
    return { coordinationOffice: ctx.em.getReference(CoordinationOffice, id, { wrapped: true }) };
  }
  throw new UserInputError('input.memberId', 'give the member partner (memberId) or the office (coordinationOfficeId)');
}

export async function createPartnership(ctx: RequestContext, input: PartnershipInput): Promise<Partnership> {
  requireRole(ctx.viewer, 'createPartnership', ViewerRole.COICA_LIAISON);
  const organisation = await requireKnownOrganisation(ctx, 'input.organisationId', input.organisationId);
  const partner = await partnerOf(ctx, input);
  const partnership = Object.assign(new Partnership(), partner, {
    organisation: ctx.em.getReference(IndigenousOrganisation, organisation.id, { wrapped: true }),
  });
  applyChanges(partnership, input);
  await ctx.em.persistAndFlush(partnership);
  return partnership;
}

export async function updatePartnership(
  ctx: RequestContext,
  id: string,
  version: number,
  input: PartnershipUpdate,
): Promise<Partnership> {
  requireRole(ctx.viewer, 'updatePartnership', ViewerRole.COICA_LIAISON);
  const partnership = await findForUpdate(ctx, Partnership, 'Partnership', id, version);
  applyChanges(partnership, input);
  await flushOrConflict(ctx.em, 'Partnership', id, version);
  return partnership;
}
