import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedMemberId, NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const FIGURES = `compliantVolumeM3 nonCompliantVolumeM3 outOfScopeVolumeM3
  compliantValueEur nonCompliantValueEur outOfScopeValueEur procurementCount nonCompliantCount`;
const COMPLIANCE = `compliance { total { ${FIGURES} } years { year ${FIGURES} compliantVolumePercent } }`;

const SET = `mutation($input: TimberCommitmentInput!) { setTimberCommitment(input: $input) { id version ${COMPLIANCE} } }`;
const RECORD = `mutation($input: TimberProcurementInput!) {
  recordTimberProcurement(input: $input) { id compliance nonComplianceReason } }`;
const MEMBER_COMPLIANCE = `query($id: ID!) { member(id: $id) { timberCommitment { ${COMPLIANCE} } } }`;

/** [compliant m³, non-compliant m³, out-of-scope m³, compliant EUR, non-compliant EUR, out-of-scope EUR, count, non-compliant count] */
type Figures = [number, number, number, number, number, number, number, number];

function figures([cm3, nm3, om3, ceur, neur, oeur, count, ncount]: Figures) {
  return {
    compliantVolumeM3: cm3,
    nonCompliantVolumeM3: nm3,
    outOfScopeVolumeM3: om3,
    compliantValueEur: ceur,
    nonCompliantValueEur: neur,
    outOfScopeValueEur: oeur,
    procurementCount: count,
    nonCompliantCount: ncount,
  };
}

let api: TestApp;
const admin = { key: TEST_ADMIN_SECRET };
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

describe('compliance of the München scenario (full tropical abstention, EUDR references required)', () => {
  it('matches the figures worked out by hand', async () => {
    const response = await api.graphql(MEMBER_COMPLIANCE, { id: NAMED_MEMBERS.muenchen.id });
    expect(response.errors).toBeUndefined();
    const compliance = response.data!.member.timberCommitment.compliance;
    // 2022: spruce 120 + robinia 15 comply; jatobá 4.5 is tropical; paper 30 is outside the scope
    // 2023: larch 22.25 complies; azobé 6 is tropical
    expect(compliance.years).toEqual([
      {
        year: 2022,
        ...figures([135, 4.5, 30, 63_750, 7_200, 21_000, 4, 1]),
        compliantVolumePercent: expect.any(Number),
      },
      { year: 2023, ...figures([22.25, 6, 0, 31_150, 13_800, 0, 2, 1]), compliantVolumePercent: expect.any(Number) },
    ]);
    expect(compliance.years[0].compliantVolumePercent).toBeCloseTo((135 / 139.5) * 100, 6);
    expect(compliance.years[1].compliantVolumePercent).toBeCloseTo((22.25 / 28.25) * 100, 6);
    expect(compliance.total).toEqual(figures([157.25, 10.5, 30, 94_900, 21_000, 21_000, 6, 2]));
  });

  it('is empty, not missing, for a commitment without procurements', async () => {
    const response = await api.graphql(MEMBER_COMPLIANCE, { id: NAMED_MEMBERS.wien.id });
    expect(response.data!.member.timberCommitment.compliance).toEqual({
      total: figures([0, 0, 0, 0, 0, 0, 0, 0]),
      years: [],
    });
  });
});

/** The same seven purchases under each policy level (scope CONSTRUCTION + FURNITURE; paper is out of it). */
const BASKET = [
  {
    year: 2022,
    productCategory: 'CONSTRUCTION',
    species: 'Spruce',
    isTropical: false,
    volumeM3: 100,
    valueEur: 40_000,
    countryOfProductionCode: 'AT',
    certificationScheme: 'FSC',
    certificationClaim: 'MIX',
    certificateCode: 'FSC-C000001',
  },
  {
    year: 2022,
    productCategory: 'CONSTRUCTION',
    species: 'Pine',
    isTropical: false,
    volumeM3: 50,
    valueEur: 17_500,
    countryOfProductionCode: 'PL',
    certificationScheme: 'PEFC',
    certificationClaim: 'CERTIFIED_100_PERCENT',
    certificateCode: 'PEFC/06-38-12',
  },
  {
    year: 2022,
    productCategory: 'FURNITURE',
    species: 'Oak',
    isTropical: false,
    volumeM3: 10,
    valueEur: 9_000,
    countryOfProductionCode: 'FR',
  },
  {
    year: 2023,
    productCategory: 'FURNITURE',
    species: 'Teak',
    isTropical: true,
    volumeM3: 2,
    valueEur: 8_000,
    countryOfProductionCode: 'ID',
    certificationScheme: 'FSC',
    certificationClaim: 'CERTIFIED_100_PERCENT',
    certificateCode: 'FSC-C123456',
    dueDiligenceReference: 'DDS-23-ID-0001',
  },
  {
    year: 2023,
    productCategory: 'CONSTRUCTION',
    species: 'Larch',
    isTropical: false,
    volumeM3: 30,
    valueEur: 15_000,
    countryOfProductionCode: 'AT',
  },
  {
    year: 2023,
    productCategory: 'PAPER',
    species: 'Pulp',
    isTropical: false,
    volumeM3: 20,
    valueEur: 6_000,
    countryOfProductionCode: 'SE',
  },
  {
    year: 2023,
    productCategory: 'FURNITURE',
    species: 'Meranti',
    isTropical: true,
    volumeM3: 1.5,
    valueEur: 3_000,
    countryOfProductionCode: 'MY',
    dueDiligenceReference: 'DDS-23-MY-0002',
  },
];

/** Worked out by hand from BASKET: per policy level, [2022 figures, 2023 figures]. */
const EXPECTED: [string, Record<string, unknown>, Figures, Figures][] = [
  // teak and meranti are tropical; everything else in scope complies
  ['FULL_TROPICAL_ABSTENTION', {}, [160, 0, 0, 66_500, 0, 0, 3, 0], [30, 3.5, 20, 15_000, 11_000, 6_000, 4, 2]],
  // only spruce (FSC Mix) and teak (FSC 100 %) comply: pine is PEFC, oak, larch and meranti are uncertified
  ['CERTIFIED_ONLY_FSC', {}, [100, 60, 0, 40_000, 26_500, 0, 3, 2], [2, 31.5, 20, 8_000, 18_000, 6_000, 4, 2]],
  // spruce, pine and teak comply
  ['CERTIFIED_FSC_OR_PEFC', {}, [150, 10, 0, 57_500, 9_000, 0, 3, 1], [2, 31.5, 20, 8_000, 18_000, 6_000, 4, 2]],
  // region = the member's country (AT), or FSC: spruce, larch (AT) and teak (FSC) comply; pine (PEFC, PL), oak, meranti not
  [
    'REGIONAL_PREFERENCE',
    { acceptedCertificationSchemes: ['FSC'] },
    [100, 60, 0, 40_000, 26_500, 0, 3, 2],
    [32, 1.5, 20, 23_000, 3_000, 6_000, 4, 1],
  ],
  // no policy, empty scope: everything complies
  ['NONE', {}, [160, 0, 0, 66_500, 0, 0, 3, 0], [53.5, 0, 0, 32_000, 0, 0, 4, 0]],
];

async function commitWithBasket(memberId: string, policyLevel: string, extra: Record<string, unknown>) {
  const scope = policyLevel === 'NONE' ? [] : ['CONSTRUCTION', 'FURNITURE'];
  const set = await api.graphql(SET, { input: { memberId, policyLevel, scope, ...extra } }, admin);
  expect(set.errors).toBeUndefined();
  const commitmentId = set.data!.setTimberCommitment.id;
  for (const procurement of BASKET) {
    const recorded = await api.graphql(RECORD, { input: { commitmentId, ...procurement } }, admin);
    expect(recorded.errors).toBeUndefined();
  }
  return set.data!.setTimberCommitment;
}

describe('compliance per policy level, from procurements recorded through the API', () => {
  it.each(EXPECTED.map((row, index) => [...row, generatedMemberId(111 + index)] as const))(
    '%s',
    async (policyLevel, extra, figures2022, figures2023, memberId) => {
      await commitWithBasket(memberId, policyLevel, extra);
      const response = await api.graphql(MEMBER_COMPLIANCE, { id: memberId });
      const { years, total } = response.data!.member.timberCommitment.compliance;
      expect(years.map(({ compliantVolumePercent: _p, ...rest }: any) => rest)).toEqual([
        { year: 2022, ...figures(figures2022) },
        { year: 2023, ...figures(figures2023) },
      ]);
      expect(total).toEqual(figures(figures2022.map((value, i) => value + figures2023[i]) as Figures));
    },
  );

  it('re-judges every procurement when the terms change, and refuses a stale version', async () => {
    const memberId = generatedMemberId(116);
    const created = await commitWithBasket(memberId, 'NONE', {});
    const input = { memberId, policyLevel: 'CERTIFIED_FSC_OR_PEFC', scope: ['CONSTRUCTION', 'FURNITURE'] };
    const changed = await api.graphql(SET, { input: { ...input, version: created.version } }, admin);
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.setTimberCommitment.version).toBe(created.version + 1);
    const [, , fscOrPefc2022, fscOrPefc2023] = EXPECTED[2];
    const years = changed.data!.setTimberCommitment.compliance.years;
    expect(years.map(({ compliantVolumePercent: _p, ...rest }: any) => rest)).toEqual([
      { year: 2022, ...figures(fscOrPefc2022) },
      { year: 2023, ...figures(fscOrPefc2023) },
    ]);

    const stale = await api.graphql(
      SET,
      { input: { ...input, policyLevel: 'NONE', scope: [], version: created.version } },
      admin,
    );
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    const after = await api.graphql(MEMBER_COMPLIANCE, { id: memberId });
    expect(after.data!.member.timberCommitment.compliance.years).toEqual(years);
  });
});
