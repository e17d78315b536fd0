import { describe, expect, it } from 'vitest';
import {
  type CommitmentTerms,
  compliantVolumePercent,
  judgeProcurement,
  type ProcurementFacts,
} from '../../../src/modules/timber/timber-compliance.rules';
import {
  CertificationClaim as Claim,
  CertificationScheme as Scheme,
  TimberPolicyLevel as Level,
  TimberProductCategory as Category,
} from '../../../src/modules/timber/timber.enums';

const terms = (policyLevel: Level, extra: Partial<CommitmentTerms> = {}): CommitmentTerms => ({
  policyLevel,
  scope: [Category.CONSTRUCTION, Category.FURNITURE],
  acceptedCertificationSchemes: [],
  requiresDueDiligenceReference: false,
  regionCountryCodes: [],
  ...extra,
});
const FSC_ONLY = terms(Level.CERTIFIED_ONLY_FSC, { acceptedCertificationSchemes: [Scheme.FSC] });
const FSC_PEFC = terms(Level.CERTIFIED_FSC_OR_PEFC, { acceptedCertificationSchemes: [Scheme.FSC, Scheme.PEFC] });
const ABSTAIN = terms(Level.FULL_TROPICAL_ABSTENTION);
const ABSTAIN_FSC = terms(Level.FULL_TROPICAL_ABSTENTION, { acceptedCertificationSchemes: [Scheme.FSC] });
const ABSTAIN_EUDR = terms(Level.FULL_TROPICAL_ABSTENTION, { requiresDueDiligenceReference: true });
const REGIONAL = terms(Level.REGIONAL_PREFERENCE, {
  regionCountryCodes: ['AT', 'DE'],
  acceptedCertificationSchemes: [Scheme.PEFC],
});
const NONE = terms(Level.NONE, { scope: [] });
const NONE_EUDR = terms(Level.NONE, { scope: [], requiresDueDiligenceReference: true });

const facts = (extra: Partial<ProcurementFacts> = {}): ProcurementFacts => ({
  productCategory: Category.CONSTRUCTION,
  isTropical: false,
  countryOfProductionCode: 'AT',
  certificationScheme: null,
  certificationClaim: null,
  dueDiligenceReference: null,
  ...extra,
});
const fsc = (claim = Claim.MIX) => ({ certificationScheme: Scheme.FSC, certificationClaim: claim });
const pefc = (claim = Claim.CERTIFIED_100_PERCENT) => ({ certificationScheme: Scheme.PEFC, certificationClaim: claim });
const tropical = (country = 'BR', ref: string | null = null) => ({
  isTropical: true,
  countryOfProductionCode: country,
  dueDiligenceReference: ref,
});

describe('judgeProcurement', () => {
  it.each([
    ['FSC only: FSC Mix', FSC_ONLY, facts(fsc()), 'COMPLIANT', null],
    ['FSC only: FSC Recycled', FSC_ONLY, facts(fsc(Claim.RECYCLED)), 'COMPLIANT', null],
    ['FSC only: PEFC certified', FSC_ONLY, facts(pefc()), 'NON_COMPLIANT', 'SCHEME_NOT_ACCEPTED'],
    ['FSC only: FSC Controlled Wood', FSC_ONLY, facts(fsc(Claim.CONTROLLED_SOURCES)), 'NON_COMPLIANT', 'NOT_CERTIFIED'],
    ['FSC only: uncertified', FSC_ONLY, facts(), 'NON_COMPLIANT', 'NOT_CERTIFIED'],
    [
      'FSC only: tropical FSC 100 %',
      FSC_ONLY,
      facts({ ...tropical(), ...fsc(Claim.CERTIFIED_100_PERCENT) }),
      'COMPLIANT',
      null,
    ],
    ['FSC only: paper is out of scope', FSC_ONLY, facts({ productCategory: Category.PAPER }), 'OUT_OF_SCOPE', null],
    ['FSC or PEFC: PEFC certified', FSC_PEFC, facts(pefc()), 'COMPLIANT', null],
    [
      'FSC or PEFC: PEFC Controlled Sources',
      FSC_PEFC,
      facts(pefc(Claim.CONTROLLED_SOURCES)),
      'NON_COMPLIANT',
      'NOT_CERTIFIED',
    ],
    ['FSC or PEFC: uncertified', FSC_PEFC, facts(), 'NON_COMPLIANT', 'NOT_CERTIFIED'],
    ['abstention: uncertified spruce', ABSTAIN, facts(), 'COMPLIANT', null],
    [
      'abstention: tropical, even FSC 100 %',
      ABSTAIN,
      facts({ ...tropical(), ...fsc(Claim.CERTIFIED_100_PERCENT) }),
      'NON_COMPLIANT',
      'TROPICAL_TIMBER',
    ],
    ['abstention + FSC: uncertified spruce', ABSTAIN_FSC, facts(), 'NON_COMPLIANT', 'NOT_CERTIFIED'],
    ['abstention + FSC: PEFC spruce', ABSTAIN_FSC, facts(pefc()), 'NON_COMPLIANT', 'SCHEME_NOT_ACCEPTED'],
    ['abstention + FSC: FSC spruce', ABSTAIN_FSC, facts(fsc()), 'COMPLIANT', null],
    [
      'abstention + EUDR: tropical without reference',
      ABSTAIN_EUDR,
      facts(tropical()),
      'NON_COMPLIANT',
      'MISSING_DUE_DILIGENCE',
    ],
    [
      'abstention + EUDR: tropical with reference',
      ABSTAIN_EUDR,
      facts(tropical('BR', 'X1')),
      'NON_COMPLIANT',
      'TROPICAL_TIMBER',
    ],
    [
      'abstention + EUDR: tropical out of scope',
      ABSTAIN_EUDR,
      facts({ ...tropical(), productCategory: Category.PAPER }),
      'OUT_OF_SCOPE',
      null,
    ],
    ['regional: uncertified from AT', REGIONAL, facts(), 'COMPLIANT', null],
    ['regional: uncertified from DE', REGIONAL, facts({ countryOfProductionCode: 'DE' }), 'COMPLIANT', null],
    [
      'regional: uncertified from RU',
      REGIONAL,
      facts({ countryOfProductionCode: 'RU' }),
      'NON_COMPLIANT',
      'NOT_REGIONAL',
    ],
    ['regional: PEFC from FI', REGIONAL, facts({ countryOfProductionCode: 'FI', ...pefc() }), 'COMPLIANT', null],
    [
      'regional: FSC (not accepted) from FI',
      REGIONAL,
      facts({ countryOfProductionCode: 'FI', ...fsc() }),
      'NON_COMPLIANT',
      'NOT_REGIONAL',
    ],
    ['regional: tropical uncertified', REGIONAL, facts(tropical('ID')), 'NON_COMPLIANT', 'NOT_REGIONAL'],
    ['none: tropical uncertified', NONE, facts(tropical('MY')), 'COMPLIANT', null],
    ['none: paper (empty scope covers all)', NONE, facts({ productCategory: Category.PAPER }), 'COMPLIANT', null],
    [
      'none + EUDR: tropical without reference',
      NONE_EUDR,
      facts(tropical('MY')),
      'NON_COMPLIANT',
      'MISSING_DUE_DILIGENCE',
    ],
    ['none + EUDR: spruce without reference', NONE_EUDR, facts(), 'COMPLIANT', null],
  ] as const)('%s → %s %s', (_name, commitment, procurement, compliance, reason) => {
    expect(judgeProcurement(commitment, procurement)).toEqual({ compliance, reason });
  });
});

describe('compliantVolumePercent', () => {
  it.each([
    [135, 4.5, 96.774],
    [22.25, 6, 78.761],
    [0, 10, 0],
    [10, 0, 100],
  ])('%d m³ compliant, %d m³ not → %d %%', (compliant, nonCompliant, percent) => {
    expect(compliantVolumePercent(compliant, nonCompliant)).toBeCloseTo(percent, 3);
  });

  it('is null when the policy covers no volume', () => {
    expect(compliantVolumePercent(0, 0)).toBeNull();
  });
});
