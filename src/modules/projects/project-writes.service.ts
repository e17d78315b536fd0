import { requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { Viewer } from '../../auth/viewer';
import type { RequestContext } from '../../common/context';
import { forbidden } from '../../common/errors';
import { findForUpdate, flushOrConflict } from '../../common/versioning';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { requireKnownOrganisation } from '../indigenous/indigenous-organisation.service';
import { Member } from '../members/member.entity';
import { BiodiversityProject } from './biodiversity-project.entity';
import { requireKnownMembers } from '../indigenous/known-ids';
import { validProjectChanges } from './project-change-validation.service';
import type { BiodiversityProjectInput, BiodiversityProjectUpdate } from './project.inputs';
import { ProjectSupport } from './project-support.entity';

/**
 * COICA_LIAISON and ADMIN write any project; an INDIGENOUS_STEWARD speaks for its own organisation only: the
 * project must be implemented and stewarded by it.
 */
function requireProjectWriter(viewer: Viewer, action: string, stewardId: string, implementingId: string): void {
  requireRole(viewer, action, ViewerRole.COICA_LIAISON, ViewerRole.INDIGENOUS_STEWARD);
  if (viewer.role !== ViewerRole.INDIGENOUS_STEWARD) return;
  if (viewer.organisationId !== stewardId || viewer.organisationId !== implementingId) {
    throw forbidden(
      `${action}: this key speaks for organisation ${viewer.organisationId} only, which must implement and steward the project`,
    );
  }
}

/** Replaces the supporting members: removes those not listed, adds the new ones (flushed with the project). */
function replaceSupporters(
  ctx: RequestContext,
  project: BiodiversityProject,
  memberIds: string[],
  existing: ProjectSupport[],
): void {
  for (const support of existing) if (!memberIds.includes(support.member.id)) ctx.em.remove(support);
  for (const memberId of memberIds) {
    if (existing.some((support) => support.member.id === memberId)) continue;
    ctx.em.persist(
      ctx.em.create(ProjectSupport, {
        project,
        member: ctx.em.getReference(Member, memberId, { wrapped: true }),
      }),
    );
  }
}

export async function createProject(
  ctx: RequestContext,
  input: BiodiversityProjectInput,
): Promise<BiodiversityProject> {
  requireRole(ctx.viewer, 'createBiodiversityProject', ViewerRole.COICA_LIAISON, ViewerRole.INDIGENOUS_STEWARD);
  const implementing = await requireKnownOrganisation(
    ctx,
    'input.implementingOrganisationId',
    input.implementingOrganisationId,
  );
  const steward = input.dataStewardOrganisationId
    ? await requireKnownOrganisation(ctx, 'input.dataStewardOrganisationId', input.dataStewardOrganisationId)
    : implementing;
  requireProjectWriter(ctx.viewer, 'createBiodiversityProject', steward.id, implementing.id);
  const project = new BiodiversityProject();
  project.implementingOrganisation = ctx.em.getReference(IndigenousOrganisation, implementing.id, { wrapped: true });
  project.dataSteward = ctx.em.getReference(IndigenousOrganisation, steward.id, { wrapped: true });
  const changes = await validProjectChanges(ctx, project, input);
  const supporters = await requireKnownMembers(ctx, 'input.supportingMemberIds', input.supportingMemberIds ?? []);
  Object.assign(project, changes);
  ctx.em.persist(project);
  replaceSupporters(ctx, project, supporters, []);
  await ctx.em.flush();
  return project;
}

export async function updateProject(
  ctx: RequestContext,
  id: string,
  version: number,
  input: BiodiversityProjectUpdate,
): Promise<BiodiversityProject> {
  requireRole(ctx.viewer, 'updateBiodiversityProject', ViewerRole.COICA_LIAISON, ViewerRole.INDIGENOUS_STEWARD);
  const project = await findForUpdate(ctx, BiodiversityProject, 'BiodiversityProject', id, version, (found) =>
    requireProjectWriter(
      ctx.viewer,
      'updateBiodiversityProject',
      found.dataSteward.id,
      found.implementingOrganisation.id,
    ),
  );
  const changes = await validProjectChanges(ctx, project, input);
  const supporters =
    input.supportingMemberIds &&
    (await requireKnownMembers(ctx, 'input.supportingMemberIds', input.supportingMemberIds));
  // a change of supporters alone is still a change of the project: its version must rise
  Object.assign(project, changes, { updatedAt: new Date() });
  if (supporters)
    replaceSupporters(ctx, project, supporters, await ctx.em.find(ProjectSupport, { project: project.id }));
  await flushOrConflict(ctx.em, 'BiodiversityProject', id, version);
  return project;
}
