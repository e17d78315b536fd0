import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { NAMED_COMMITMENTS } from '../../scenarios/timber.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const SET = `mutation($input: TimberCommitmentInput!) { setTimberCommitment(input: $input) { id } }`;
const RECORD = `mutation($input: TimberProcurementInput!) { recordTimberProcurement(input: $input) { id } }`;
const admin = { key: TEST_ADMIN_SECRET };
const nextYear = new Date().getUTCFullYear() + 1;
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

async function snapshot(): Promise<unknown> {
  return api.orm.em.getConnection().execute(
    `select (select count(*) from timber_procurement) as procurements,
         (select json_agg(tc order by tc.id) from timber_commitment tc) as commitments`,
  );
}

function expectBadInput(response: { data?: unknown; errors?: { extensions?: Record<string, any> }[] }, field: string) {
  expect(response.data).toBeNull();
  expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
}

describe('recordTimberProcurement: bad input names the field and writes nothing', () => {
  // München requires EUDR references for tropical timber
  const valid = {
    commitmentId: NAMED_COMMITMENTS.muenchen.id,
    year: 2024,
    productCategory: 'JOINERY',
    species: 'Oak',
    isTropical: false,
    volumeM3: 3,
    valueEur: 4_200,
    countryOfProductionCode: 'DE',
    certificationScheme: 'PEFC',
    certificationClaim: 'MIX',
    certificateCode: 'BV-PEFC-COC-123456',
  };

  it.each([
    ['malformed commitment id', { commitmentId: 'abc' }, 'input.commitmentId'],
    ['unknown commitment id', { commitmentId: '00000000-0000-4000-8000-0000000000ff' }, 'input.commitmentId'],
    ['year before 1990', { year: 1989 }, 'input.year'],
    ['year in the future', { year: nextYear }, 'input.year'],
    ['empty species', { species: '  ' }, 'input.species'],
    ['negative volume', { volumeM3: -0.5 }, 'input.volumeM3'],
    ['absurd volume', { volumeM3: 2e9 }, 'input.volumeM3'],
    ['negative value', { valueEur: -1 }, 'input.valueEur'],
    ['unknown country code', { countryOfProductionCode: 'XX' }, 'input.countryOfProductionCode'],
    ['country name for a code', { countryOfProductionCode: 'Germany' }, 'input.countryOfProductionCode'],
    ['scheme without claim', { certificationClaim: null }, 'input.certificationClaim'],
    ['claim without scheme', { certificationScheme: null, certificateCode: null }, 'input.certificationScheme'],
    ['certified claim without certificate code', { certificateCode: null }, 'input.certificateCode'],
    [
      'controlled sources without certificate code',
      { certificationClaim: 'CONTROLLED_SOURCES', certificateCode: '' },
      'input.certificateCode',
    ],
    ['FSC code under PEFC', { certificateCode: 'FSC-C012345' }, 'input.certificateCode'],
    ['PEFC licence in the wrong format', { certificateCode: 'PEFC-06-38-12' }, 'input.certificateCode'],
    [
      'FSC licence with five digits',
      { certificationScheme: 'FSC', certificateCode: 'FSC-C12345' },
      'input.certificateCode',
    ],
    [
      'certificate code without scheme',
      { certificationScheme: null, certificationClaim: null },
      'input.certificateCode',
    ],
    [
      'tropical timber without the required EUDR reference',
      { isTropical: true, countryOfProductionCode: 'CM' },
      'input.dueDiligenceReference',
    ],
    [
      'blank EUDR reference on tropical timber',
      { isTropical: true, dueDiligenceReference: ' ' },
      'input.dueDiligenceReference',
    ],
  ])('%s', async (_name, change, field) => {
    const before = await snapshot();
    expectBadInput(await api.graphql(RECORD, { input: { ...valid, ...change } }, admin), field);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects an infinite volume written as a literal', async () => {
    const before = await snapshot();
    const response = await api.graphql(
      `mutation { recordTimberProcurement(input: { commitmentId: "${valid.commitmentId}", year: 2024,
        productCategory: JOINERY, species: "Oak", isTropical: false, volumeM3: 1e400, valueEur: 1,
        countryOfProductionCode: "DE" }) { id } }`,
      {},
      admin,
    );
    expectBadInput(response, 'input.volumeM3');
    expect(await snapshot()).toEqual(before);
  });

  it('accepts the valid input, and tropical timber where no EUDR reference is required', async () => {
    expect((await api.graphql(RECORD, { input: valid }, admin)).errors).toBeUndefined();
    const frankfurt = {
      ...valid,
      commitmentId: NAMED_COMMITMENTS.frankfurt.id,
      isTropical: true,
      countryOfProductionCode: 'GA',
    };
    expect((await api.graphql(RECORD, { input: frankfurt }, admin)).errors).toBeUndefined();
  });
});

describe('setTimberCommitment: bad input names the field and writes nothing', () => {
  const valid = { memberId: NAMED_MEMBERS.mondercange.id, policyLevel: 'CERTIFIED_ONLY_FSC', scope: ['PAPER'] };

  it.each([
    ['malformed member id', { memberId: 'x' }, 'input.memberId'],
    ['unknown member id', { memberId: '00000000-0000-4000-8000-0000000000ff' }, 'input.memberId'],
    ['empty scope under a policy', { scope: [] }, 'input.scope'],
    ['PEFC for FSC only', { acceptedCertificationSchemes: ['PEFC'] }, 'input.acceptedCertificationSchemes'],
    [
      'FSC alone for FSC or PEFC',
      { policyLevel: 'CERTIFIED_FSC_OR_PEFC', acceptedCertificationSchemes: ['FSC'] },
      'input.acceptedCertificationSchemes',
    ],
    [
      'schemes under no policy',
      { policyLevel: 'NONE', acceptedCertificationSchemes: ['FSC'] },
      'input.acceptedCertificationSchemes',
    ],
    ['region outside regional preference', { regionCountryCodes: ['LU'] }, 'input.regionCountryCodes'],
    ['empty region', { policyLevel: 'REGIONAL_PREFERENCE', regionCountryCodes: [] }, 'input.regionCountryCodes'],
    [
      'unknown region country',
      { policyLevel: 'REGIONAL_PREFERENCE', regionCountryCodes: ['LU', 'QQ'] },
      'input.regionCountryCodes[1]',
    ],
    ['adopted in the future', { adoptedOn: tomorrow }, 'input.adoptedOn'],
    ['review before adoption', { adoptedOn: '2020-01-01', reviewDue: '2019-12-31' }, 'input.reviewDue'],
    ['resolution reference too long', { resolutionRef: 'x'.repeat(201) }, 'input.resolutionRef'],
  ])('%s', async (_name, change, field) => {
    const before = await snapshot();
    expectBadInput(await api.graphql(SET, { input: { ...valid, ...change } }, admin), field);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a malformed date as bad input', async () => {
    const response = await api.graphql(SET, { input: { ...valid, adoptedOn: '2020-02-30' } }, admin);
    expect(response.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
