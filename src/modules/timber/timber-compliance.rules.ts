import {
  CertificationClaim,
  type CertificationScheme,
  NonComplianceReason,
  ProcurementCompliance,
  TimberPolicyLevel,
  type TimberProductCategory,
} from './timber.enums';

/** The terms of a commitment that decide compliance. */
export interface CommitmentTerms {
  policyLevel: TimberPolicyLevel;
  scope: readonly TimberProductCategory[];
  acceptedCertificationSchemes: readonly CertificationScheme[];
  requiresDueDiligenceReference: boolean;
  regionCountryCodes: readonly string[];
}

/** What a procurement record says about the timber bought. */
export interface ProcurementFacts {
  productCategory: TimberProductCategory;
  isTropical: boolean;
  countryOfProductionCode: string;
  certificationScheme: CertificationScheme | null;
  certificationClaim: CertificationClaim | null;
  dueDiligenceReference: string | null;
}

export interface ComplianceVerdict {
  compliance: ProcurementCompliance;
  reason: NonComplianceReason | null;
}

const CERTIFIED_CLAIMS: readonly CertificationClaim[] = [
  CertificationClaim.CERTIFIED_100_PERCENT,
  CertificationClaim.MIX,
  CertificationClaim.RECYCLED,
];

export function isCertifiedClaim(claim: CertificationClaim | null): boolean {
  return claim !== null && CERTIFIED_CLAIMS.includes(claim);
}

/** Why the timber fails "certified under an accepted scheme", or null when it passes. */
function certificationFailure(terms: CommitmentTerms, facts: ProcurementFacts): NonComplianceReason | null {
  if (!facts.certificationScheme || !isCertifiedClaim(facts.certificationClaim))
    return NonComplianceReason.NOT_CERTIFIED;
  if (!terms.acceptedCertificationSchemes.includes(facts.certificationScheme)) {
    return NonComplianceReason.SCHEME_NOT_ACCEPTED;
  }
  return null;
}

function policyFailure(terms: CommitmentTerms, facts: ProcurementFacts): NonComplianceReason | null {
  switch (terms.policyLevel) {
    case TimberPolicyLevel.NONE:
      return null;
    case TimberPolicyLevel.FULL_TROPICAL_ABSTENTION:
      if (facts.isTropical) return NonComplianceReason.TROPICAL_TIMBER;
      return terms.acceptedCertificationSchemes.length ? certificationFailure(terms, facts) : null;
    case TimberPolicyLevel.CERTIFIED_ONLY_FSC:
    case TimberPolicyLevel.CERTIFIED_FSC_OR_PEFC:
      return certificationFailure(terms, facts);
    case TimberPolicyLevel.REGIONAL_PREFERENCE:
      if (terms.regionCountryCodes.includes(facts.countryOfProductionCode)) return null;
      return certificationFailure(terms, facts) ? NonComplianceReason.NOT_REGIONAL : null;
  }
}

/**
 * Judges one procurement against a commitment's terms. Outside a non-empty scope: OUT_OF_SCOPE. Otherwise the
 * first failing rule decides: a required EUDR reference missing on tropical timber, then the policy level's rule.
 */
export function judgeProcurement(terms: CommitmentTerms, facts: ProcurementFacts): ComplianceVerdict {
  if (terms.scope.length && !terms.scope.includes(facts.productCategory)) {
    return { compliance: ProcurementCompliance.OUT_OF_SCOPE, reason: null };
  }
  const reason =
    terms.requiresDueDiligenceReference && facts.isTropical && !facts.dueDiligenceReference
      ? NonComplianceReason.MISSING_DUE_DILIGENCE
      : policyFailure(terms, facts);
  return reason
    ? { compliance: ProcurementCompliance.NON_COMPLIANT, reason }
    : { compliance: ProcurementCompliance.COMPLIANT, reason: null };
}

/** The compliant share of the volume the policy covers, in percent; null when it covers none. */
export function compliantVolumePercent(compliantM3: number, nonCompliantM3: number): number | null {
  const covered = compliantM3 + nonCompliantM3;
  return covered > 0 ? (100 * compliantM3) / covered : null;
}
