import { UserInputError } from '../../common/errors';
import { optionalText, requireDateOrder, requireMaxItems } from '../../common/validation';
import type { Member } from '../members/member.entity';
import { requireIsoCountryCode } from './iso-country-codes';
import type { CommitmentTerms } from './timber-compliance.rules';
import type { TimberCommitmentInput } from './timber-commitment.inputs';
import {
  CertificationScheme,
  type CommitmentStatus,
  TimberPolicyLevel,
  type TimberProductCategory,
} from './timber.enums';

export interface ValidTerms extends CommitmentTerms {
  scope: TimberProductCategory[];
  acceptedCertificationSchemes: CertificationScheme[];
  regionCountryCodes: string[];
  adoptedOn: string | null;
  resolutionRef: string | null;
  reviewDue: string | null;
  status: CommitmentStatus;
}

/** The only scheme lists these levels allow (and their defaults). */
const FIXED_SCHEMES: Partial<Record<TimberPolicyLevel, CertificationScheme[]>> = {
  [TimberPolicyLevel.CERTIFIED_ONLY_FSC]: [CertificationScheme.FSC],
  [TimberPolicyLevel.CERTIFIED_FSC_OR_PEFC]: [CertificationScheme.FSC, CertificationScheme.PEFC],
  [TimberPolicyLevel.NONE]: [],
};

function validSchemes(
  level: TimberPolicyLevel,
  given: CertificationScheme[] | null | undefined,
): CertificationScheme[] {
  const field = 'input.acceptedCertificationSchemes';
  const fixed = FIXED_SCHEMES[level];
  const schemes = given ? [...new Set(given)].sort() : (fixed ?? []);
  if (fixed && schemes.join() !== fixed.join()) {
    const expected = fixed.length ? fixed.join(' and ') : 'none';
    throw new UserInputError(field, `policy level ${level} accepts ${expected}, got ${schemes.join(', ') || 'none'}`);
  }
  return schemes;
}

function validRegion(level: TimberPolicyLevel, given: string[] | null | undefined, member: Member): string[] {
  const field = 'input.regionCountryCodes';
  if (level !== TimberPolicyLevel.REGIONAL_PREFERENCE) {
    if (given?.length) throw new UserInputError(field, 'applies only to policy level REGIONAL_PREFERENCE');
    return [];
  }
  if (!given) return [member.country.code];
  requireMaxItems(field, given, 50);
  if (!given.length) throw new UserInputError(field, 'must name at least one country');
  return [...new Set(given.map((code, index) => requireIsoCountryCode(`${field}[${index}]`, code)))];
}

/** Checks every field of a commitment input; nothing is written when one is wrong. */
export function validCommitmentTerms(input: TimberCommitmentInput, member: Member): ValidTerms {
  const level = input.policyLevel;
  const scope = [...new Set(input.scope ?? [])];
  if (level !== TimberPolicyLevel.NONE && !scope.length) {
    throw new UserInputError('input.scope', `must name at least one product category for policy level ${level}`);
  }
  const today = new Date().toISOString().slice(0, 10);
  if (input.adoptedOn && input.adoptedOn > today) {
    throw new UserInputError('input.adoptedOn', `${input.adoptedOn} is in the future`);
  }
  requireDateOrder('input.reviewDue', input.adoptedOn, input.reviewDue);
  return {
    policyLevel: level,
    adoptedOn: input.adoptedOn ?? null,
    resolutionRef: optionalText('input.resolutionRef', input.resolutionRef),
    scope,
    acceptedCertificationSchemes: validSchemes(level, input.acceptedCertificationSchemes),
    requiresDueDiligenceReference: input.requiresDueDiligenceReference,
    regionCountryCodes: validRegion(level, input.regionCountryCodes, member),
    reviewDue: input.reviewDue ?? null,
    status: input.status,
  };
}
