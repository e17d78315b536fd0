import { requireMemberEditor, requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { conflict, UserInputError } from '../../common/errors';
import { OrderDirection } from '../../common/order';
import { Page, pageRequest, type PageArgs } from '../../common/pagination';
import { requireMaxItems, requireUuid, requireUuids } from '../../common/validation';
import { flushOrConflict } from '../../common/versioning';
import { requireKnownCountries } from '../members/country.service';
import { getMember } from '../members/member.service';
import { judgeProcurement } from './timber-compliance.rules';
import { commitmentPage, countCommitments } from './timber-commitment.list';
import { validCommitmentTerms } from './timber-commitment-terms.rules';
import { TimberCommitment } from './timber-commitment.entity';
import {
  type TimberCommitmentFilter,
  type TimberCommitmentInput,
  type TimberCommitmentOrder,
  TimberCommitmentOrderField,
} from './timber-commitment.inputs';
import { TimberProcurement } from './timber-procurement.entity';
import { commitmentById, commitmentByMember } from './timber.loaders';

const DEFAULT_ORDER: TimberCommitmentOrder = {
  field: TimberCommitmentOrderField.MEMBER_NAME,
  direction: OrderDirection.ASC,
};

async function validFilter(ctx: RequestContext, filter: TimberCommitmentFilter): Promise<TimberCommitmentFilter> {
  const checked = { ...filter };
  if (filter.memberIds) checked.memberIds = requireUuids('filter.memberIds', filter.memberIds);
  if (filter.countryCodes) {
    checked.countryCodes = await requireKnownCountries(ctx, 'filter.countryCodes', filter.countryCodes);
  }
  if (filter.policyLevels) requireMaxItems('filter.policyLevels', filter.policyLevels);
  if (filter.statuses) requireMaxItems('filter.statuses', filter.statuses);
  return checked;
}

export async function listTimberCommitments(
  ctx: RequestContext,
  args: PageArgs & { filter?: TimberCommitmentFilter | null; orderBy?: TimberCommitmentOrder | null },
  withTotalCount: boolean,
): Promise<Page<TimberCommitment>> {
  const page = pageRequest(args, 2);
  const filter = await validFilter(ctx, args.filter ?? {});
  const read = await commitmentPage(ctx.em, filter, args.orderBy ?? DEFAULT_ORDER, page, withTotalCount);
  const sortKeys = new Map<TimberCommitment, [string | number, string]>();
  const commitments = read.rows.map(({ sort_key: sortKey, total_count: _totalCount, ...columns }) => {
    const commitment = ctx.em.map(TimberCommitment, columns);
    sortKeys.set(commitment, [sortKey, commitment.id]);
    commitmentById(ctx).prime(commitment.id, commitment);
    commitmentByMember(ctx).prime(commitment.member.id, commitment);
    return commitment;
  });
  return new Page(
    commitments,
    page,
    (commitment) => sortKeys.get(commitment)!,
    () => read.totalCount ?? countCommitments(ctx.em, filter),
  );
}

export function memberTimberCommitment(ctx: RequestContext, memberId: string): Promise<TimberCommitment | null> {
  return commitmentByMember(ctx).load(memberId);
}

/**
 * Creates the member's commitment, or replaces its terms when `input.version` is current, and re-judges all its
 * procurements against the new terms, in one flush (one transaction).
 */
export async function setTimberCommitment(
  ctx: RequestContext,
  input: TimberCommitmentInput,
): Promise<TimberCommitment> {
  const action = 'setTimberCommitment';
  requireRole(ctx.viewer, action, ViewerRole.MEMBER_EDITOR);
  const memberId = requireUuid('input.memberId', input.memberId);
  requireMemberEditor(ctx.viewer, memberId, action);
  const member = await getMember(ctx, memberId);
  if (!member) throw new UserInputError('input.memberId', `no member has id ${memberId}`);
  const terms = validCommitmentTerms(input, member);

  const existing = await ctx.em.findOne(TimberCommitment, { member: memberId });
  const version = input.version ?? null;
  if (existing && version === null) {
    throw new UserInputError('input.version', `is required: the member has a commitment (version ${existing.version})`);
  }
  if (version !== null && existing?.version !== version)
    throw conflict('The timber commitment of member', memberId, version);

  const commitment = existing ?? ctx.em.create(TimberCommitment, { member: memberId, ...terms });
  if (existing) {
    Object.assign(existing, terms);
    const procurements = await ctx.em.find(TimberProcurement, { commitment: existing.id });
    for (const procurement of procurements) {
      const verdict = judgeProcurement(terms, procurement);
      procurement.compliance = verdict.compliance;
      procurement.nonComplianceReason = verdict.reason;
    }
  }
  // two first commitments of one member at once: the second insert breaks the unique member key
  await flushOrConflict(ctx.em, 'The timber commitment of member', memberId, version ?? 0, { insertRace: true });
  return commitment;
}
