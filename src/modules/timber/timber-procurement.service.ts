import { requireMemberEditor, requireRole, seesNetworkData } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { unauthenticated, UserInputError } from '../../common/errors';
import { requireIntInRange, requireUuid } from '../../common/validation';
import { judgeProcurement } from './timber-compliance.rules';
import { TimberCommitment } from './timber-commitment.entity';
import { FIRST_PROCUREMENT_YEAR, validProcurement } from './timber-procurement-facts.rules';
import { TimberProcurement } from './timber-procurement.entity';
import type { TimberProcurementInput } from './timber-procurement.inputs';
import { procurementsByCommitment } from './timber.loaders';

/** Records a procurement under a commitment, judged against the commitment's terms. */
export async function recordTimberProcurement(
  ctx: RequestContext,
  input: TimberProcurementInput,
): Promise<TimberProcurement> {
  const action = 'recordTimberProcurement';
  requireRole(ctx.viewer, action, ViewerRole.MEMBER_EDITOR);
  const commitmentId = requireUuid('input.commitmentId', input.commitmentId);
  const commitment = await ctx.em.findOne(TimberCommitment, { id: commitmentId });
  if (!commitment) throw new UserInputError('input.commitmentId', `no timber commitment has id ${commitmentId}`);
  requireMemberEditor(ctx.viewer, commitment.member.id, action);
  const facts = validProcurement(input, commitment);
  const verdict = judgeProcurement(commitment, facts);
  const procurement = ctx.em.create(TimberProcurement, {
    commitment,
    ...facts,
    compliance: verdict.compliance,
    nonComplianceReason: verdict.reason,
  });
  await ctx.em.flush();
  return procurement;
}

/**
 * A commitment's procurements, optionally of one year. Item detail (values, certificates, EUDR references) is
 * network-visible: any API key may read it, anonymous callers may not.
 */
export async function commitmentProcurements(
  ctx: RequestContext,
  commitmentId: string,
  year: number | null,
): Promise<TimberProcurement[]> {
  if (!seesNetworkData(ctx.viewer)) {
    throw unauthenticated('TimberCommitment.procurements is network-visible: send an API key (PARTNER or above)');
  }
  if (year !== null) requireIntInRange('year', year, FIRST_PROCUREMENT_YEAR, new Date().getUTCFullYear());
  const procurements = await procurementsByCommitment(ctx).load(commitmentId);
  return year === null ? procurements : procurements.filter((procurement) => procurement.year === year);
}
