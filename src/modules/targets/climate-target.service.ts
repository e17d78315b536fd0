import { requireMemberEditor, requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { conflict, notFound, UserInputError } from '../../common/errors';
import { requireUuid } from '../../common/validation';
import { flushOrConflict } from '../../common/versioning';
import { memberById } from '../members/member.loaders';
import type { ClimateTargetInput } from './climate-target.inputs';
import { ClimateTarget } from './climate-target.entity';
import { refreshMemberTargetProgress } from './member-figures.service';
import { validTargetTerms } from './target-terms.rules';
import { TargetOrigin } from './target.enums';

/** The target `id` at `version`, for a write by this viewer: NOT_FOUND, FORBIDDEN, the Charter refused, or CONFLICT. */
async function targetForUpdate(ctx: RequestContext, action: string, field: string, id: string, version: number) {
  const target = await ctx.em.findOne(ClimateTarget, { id: requireUuid(field, id) });
  if (!target) throw notFound(field, 'ClimateTarget', id);
  requireMemberEditor(ctx.viewer, target.member.id, action);
  if (target.origin === TargetOrigin.CLIMATE_ALLIANCE_CHARTER) {
    throw new UserInputError(field, 'the Charter target is implied for every member and cannot be changed');
  }
  if (target.version !== version) throw conflict('ClimateTarget', id, version);
  return target;
}

/**
 * Adds a target to a member, or replaces the terms of one (`input.id` at `input.version`), and recomputes the progress of
 * the member's targets in the same transaction. Everything is checked before the first write.
 */
export async function setClimateTarget(ctx: RequestContext, input: ClimateTargetInput): Promise<ClimateTarget> {
  const action = 'setClimateTarget';
  requireRole(ctx.viewer, action, ViewerRole.MEMBER_EDITOR);
  const memberId = requireUuid('input.memberId', input.memberId);
  requireMemberEditor(ctx.viewer, memberId, action);
  const terms = validTargetTerms(input);
  if (!(await memberById(ctx).load(memberId))) throw notFound('input.memberId', 'Member', memberId);
  let target: ClimateTarget;
  if (input.id != null) {
    if (input.version == null) throw new UserInputError('input.version', 'is required to change a target');
    target = await targetForUpdate(ctx, action, 'input.id', input.id, input.version);
    if (target.member.id !== memberId) {
      throw new UserInputError('input.memberId', `target ${target.id} belongs to member ${target.member.id}`);
    }
    Object.assign(target, terms);
    await flushOrConflict(ctx.em, 'ClimateTarget', target.id, input.version);
  } else {
    if (input.version != null) throw new UserInputError('input.version', 'is only given with input.id');
    target = ctx.em.create(ClimateTarget, { member: memberId, ...terms });
    await ctx.em.flush();
  }
  await refreshMemberTargetProgress(ctx.em, [memberId]);
  return target;
}

/** Removes a target (not the Charter's) at its current `version`, and its progress. */
export async function removeClimateTarget(ctx: RequestContext, id: string, version: number): Promise<ClimateTarget> {
  const action = 'removeClimateTarget';
  requireRole(ctx.viewer, action, ViewerRole.MEMBER_EDITOR);
  const target = await targetForUpdate(ctx, action, 'id', id, version);
  const removed = { ...target };
  ctx.em.remove(target);
  await flushOrConflict(ctx.em, 'ClimateTarget', target.id, version);
  await refreshMemberTargetProgress(ctx.em, [target.member.id]);
  return Object.assign(new ClimateTarget(), removed);
}
