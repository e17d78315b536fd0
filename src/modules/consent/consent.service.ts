import type { RequestContext } from '../../common/context';
import { notFound, UserInputError } from '../../common/errors';
import { optionalText, requireDateOrder, requireUrl, requireUuid } from '../../common/validation';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { IndigenousTerritory } from '../indigenous/indigenous-territory.entity';
import { requireKnownMembers, requireKnownOrganisations } from '../indigenous/known-ids';
import { ConsentScope, ConsentStatus, ConsentSubjectType } from '../governance/consent-decision.enums';
import { BiodiversityProject } from '../projects/biodiversity-project.entity';
import { requireOwnOrganisation, requireStewardKey } from './consent-authority.rules';
import type { ConsentInput } from './consent.inputs';
import { ConsentRecord } from './consent-record.entity';

const DECIDABLE = [ConsentStatus.GRANTED, ConsentStatus.WITHHELD, ConsentStatus.PENDING];

function validPrecision(input: ConsentInput): ConsentRecord['locationPrecision'] {
  const isLocationGrant = input.scope === ConsentScope.LOCATION_DISCLOSURE && input.status === ConsentStatus.GRANTED;
  if (isLocationGrant && !input.locationPrecision) {
    throw new UserInputError('input.locationPrecision', 'a LOCATION_DISCLOSURE grant must say up to which precision');
  }
  if (!isLocationGrant && input.locationPrecision) {
    throw new UserInputError('input.locationPrecision', 'applies only to a GRANTED LOCATION_DISCLOSURE');
  }
  return input.locationPrecision ?? null;
}

/** The id of the organisation that stewards a consent subject; bad input naming `input.subjectId` when unknown. */
async function stewardOfSubject(ctx: RequestContext, type: ConsentSubjectType, rawId: string): Promise<string> {
  const id = requireUuid('input.subjectId', rawId);
  let steward: string | undefined;
  switch (type) {
    case ConsentSubjectType.PROJECT:
      steward = (await ctx.em.findOne(BiodiversityProject, { id }))?.dataSteward.id;
      break;
    case ConsentSubjectType.TERRITORY:
      steward = (await ctx.em.findOne(IndigenousTerritory, { id }))?.stewardOrganisation.id;
      break;
    case ConsentSubjectType.ORGANISATION:
      steward = (await ctx.em.findOne(IndigenousOrganisation, { id }))?.id;
      break;
  }
  if (!steward) throw new UserInputError('input.subjectId', `no ${type.toLowerCase()} has id ${id}`);
  return steward;
}

/** Records a decision of the steward organisation; every field is checked before anything is written. */
export async function recordConsent(ctx: RequestContext, input: ConsentInput): Promise<ConsentRecord> {
  const viewerOrganisation = requireStewardKey(ctx.viewer, 'recordConsent');
  const stewardId = requireUuid('input.stewardOrganisationId', input.stewardOrganisationId);
  requireOwnOrganisation(viewerOrganisation, stewardId, 'input.stewardOrganisationId');
  const subjectSteward = await stewardOfSubject(ctx, input.subjectType, input.subjectId);
  if (subjectSteward !== stewardId) {
    throw new UserInputError(
      'input.stewardOrganisationId',
      `organisation ${stewardId} is not the steward of this ${input.subjectType.toLowerCase()} (its steward is ${subjectSteward})`,
    );
  }
  if (!DECIDABLE.includes(input.status)) {
    throw new UserInputError('input.status', `record GRANTED, WITHHELD or PENDING; use withdrawConsent to withdraw`);
  }
  const organisationIds = await requireKnownOrganisations(
    ctx,
    'input.grantedToOrganisationIds',
    input.grantedToOrganisationIds,
  );
  const memberIds = await requireKnownMembers(ctx, 'input.grantedToMemberIds', input.grantedToMemberIds);
  if (!input.grantedToRoles.length && !organisationIds.length && !memberIds.length) {
    throw new UserInputError('input.grantedToRoles', 'name at least one role, organisation or member');
  }
  requireDateOrder('input.validUntil', input.validFrom, input.validUntil);
  const record = ctx.em.create(ConsentRecord, {
    stewardOrganisation: stewardId,
    subjectType: input.subjectType,
    subjectId: requireUuid('input.subjectId', input.subjectId),
    scope: input.scope,
    status: input.status,
    grantedToRoles: [...new Set(input.grantedToRoles)],
    grantedToOrganisationIds: organisationIds,
    grantedToMemberIds: memberIds,
    locationPrecision: validPrecision(input),
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    consultationProtocolUrl: input.consultationProtocolUrl
      ? requireUrl('input.consultationProtocolUrl', input.consultationProtocolUrl, 500)
      : null,
    notes: optionalText('input.notes', input.notes, 5000),
  });
  await ctx.em.persistAndFlush(record);
  return record;
}

/** Withdraws a given (or pending) consent: it stops applying from the next request on. */
export async function withdrawConsent(ctx: RequestContext, id: string, reason: string | null): Promise<ConsentRecord> {
  const viewerOrganisation = requireStewardKey(ctx.viewer, 'withdrawConsent');
  const record = await ctx.em.findOne(ConsentRecord, { id: requireUuid('id', id) });
  if (!record) throw notFound('id', 'Consent record', id);
  requireOwnOrganisation(viewerOrganisation, record.stewardOrganisation.id, 'id');
  if (record.status !== ConsentStatus.GRANTED && record.status !== ConsentStatus.PENDING) {
    throw new UserInputError('id', `the consent is ${record.status}; only GRANTED or PENDING consent can be withdrawn`);
  }
  const notes = optionalText('reason', reason, 5000);
  record.status = ConsentStatus.WITHDRAWN;
  record.withdrawnAt = new Date();
  if (notes) record.notes = record.notes ? `${record.notes}\n${notes}` : notes;
  await ctx.em.flush();
  return record;
}
