import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { generatedMemberId, NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { NAMED_COMMITMENTS } from '../../scenarios/timber.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const SET = `mutation($input: TimberCommitmentInput!) { setTimberCommitment(input: $input) {
  id version policyLevel scope acceptedCertificationSchemes regionCountryCodes requiresDueDiligenceReference status
  member { name } } }`;
const RECORD = `mutation($input: TimberProcurementInput!) { recordTimberProcurement(input: $input) {
  id year certificateCode countryOfProductionCode compliance nonComplianceReason commitment { id } } }`;

const spruce = {
  year: 2024,
  productCategory: 'CONSTRUCTION',
  species: 'Spruce',
  isTropical: false,
  volumeM3: 12.5,
  valueEur: 5_600,
  countryOfProductionCode: 'de',
  certificationScheme: 'FSC',
  certificationClaim: 'MIX',
  certificateCode: ' sgsch-coc-004242 ',
};

let api: TestApp;
const keys: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApp();
  keys.PARTNER = await api.createKey(Role.PARTNER);
  keys.ANALYST = await api.createKey(Role.ANALYST);
  keys.COICA_LIAISON = await api.createKey(Role.COICA_LIAISON);
  keys.INDIGENOUS_STEWARD = await api.createKey(Role.INDIGENOUS_STEWARD, {
    organisationId: '00000000-0000-4000-8000-00000000c01c',
  });
  keys.wienEditor = await api.createKey(Role.MEMBER_EDITOR, { memberId: NAMED_MEMBERS.wien.id });
  keys.frankfurtEditor = await api.createKey(Role.MEMBER_EDITOR, { memberId: NAMED_MEMBERS.frankfurt.id });
  keys.mondercangeEditor = await api.createKey(Role.MEMBER_EDITOR, { memberId: NAMED_MEMBERS.mondercange.id });
});
afterAll(() => api.close());

async function rowCounts(): Promise<{ commitments: number; procurements: number; versions: number }> {
  const [row] = await api.orm.em.getConnection().execute<{ c: string; p: string; v: string }[]>(
    `select (select count(*) from timber_commitment) as c, (select count(*) from timber_procurement) as p,
       (select sum(version) from timber_commitment) as v`,
  );
  return { commitments: Number(row.c), procurements: Number(row.p), versions: Number(row.v) };
}

describe('who may write timber data', () => {
  const mondercange = {
    memberId: NAMED_MEMBERS.mondercange.id,
    policyLevel: 'CERTIFIED_FSC_OR_PEFC',
    scope: ['PAPER'],
  };
  const frankfurtSpruce = { commitmentId: NAMED_COMMITMENTS.frankfurt.id, ...spruce };

  it.each([
    ['anonymous', undefined, 'UNAUTHENTICATED'],
    ['PARTNER', 'PARTNER', 'FORBIDDEN'],
    ['ANALYST', 'ANALYST', 'FORBIDDEN'],
    ['COICA_LIAISON', 'COICA_LIAISON', 'FORBIDDEN'],
    ['INDIGENOUS_STEWARD', 'INDIGENOUS_STEWARD', 'FORBIDDEN'],
    ['the editor of another member', 'wienEditor', 'FORBIDDEN'],
  ])('refuses %s, writing nothing', async (_who, keyName, code) => {
    const before = await rowCounts();
    const key = keyName ? keys[keyName] : undefined;
    const set = await api.graphql(SET, { input: mondercange }, { key });
    expect(set.errors![0].extensions!.code).toBe(code);
    const record = await api.graphql(
      RECORD,
      { input: frankfurtSpruce },
      { key: keyName === 'wienEditor' ? keys.mondercangeEditor : key },
    );
    expect(record.errors![0].extensions!.code).toBe(code);
    expect(await rowCounts()).toEqual(before);
  });

  it("lets a member's editor set its commitment and record its procurement", async () => {
    const set = await api.graphql(SET, { input: mondercange }, { key: keys.mondercangeEditor });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setTimberCommitment).toMatchObject({
      version: 1,
      policyLevel: 'CERTIFIED_FSC_OR_PEFC',
      scope: ['PAPER'],
      acceptedCertificationSchemes: ['FSC', 'PEFC'],
      regionCountryCodes: [],
      requiresDueDiligenceReference: false,
      status: 'ACTIVE',
      member: { name: 'Mondercange' },
    });
    const record = await api.graphql(RECORD, { input: frankfurtSpruce }, { key: keys.frankfurtEditor });
    expect(record.errors).toBeUndefined();
    expect(record.data!.recordTimberProcurement).toMatchObject({
      year: 2024,
      certificateCode: 'SGSCH-COC-004242',
      countryOfProductionCode: 'DE',
      compliance: 'COMPLIANT',
      nonComplianceReason: null,
      commitment: { id: NAMED_COMMITMENTS.frankfurt.id },
    });
  });

  it('lets ADMIN write for any member; regional preference defaults to the member’s country', async () => {
    const set = await api.graphql(
      SET,
      { input: { memberId: NAMED_MEMBERS.klimaverein.id, policyLevel: 'REGIONAL_PREFERENCE', scope: ['FURNITURE'] } },
      { key: TEST_ADMIN_SECRET },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setTimberCommitment.regionCountryCodes).toEqual(['AT']);
    const record = await api.graphql(
      RECORD,
      { input: { ...frankfurtSpruce, certificationScheme: null, certificationClaim: null, certificateCode: null } },
      { key: TEST_ADMIN_SECRET },
    );
    expect(record.data!.recordTimberProcurement).toMatchObject({
      compliance: 'NON_COMPLIANT',
      nonComplianceReason: 'NOT_CERTIFIED',
    });
  });
});

describe('setTimberCommitment: versions', () => {
  const wien = { memberId: NAMED_MEMBERS.wien.id, policyLevel: 'CERTIFIED_ONLY_FSC', scope: ['PAPER'] };

  it('needs the version to replace an existing commitment, and refuses a stale one', async () => {
    const before = await rowCounts();
    const missing = await api.graphql(SET, { input: wien }, { key: keys.wienEditor });
    expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.version' });
    const stale = await api.graphql(SET, { input: { ...wien, version: 7 } }, { key: keys.wienEditor });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    const none = await api.graphql(
      SET,
      { input: { ...wien, memberId: generatedMemberId(120), version: 1 } },
      { key: TEST_ADMIN_SECRET },
    );
    expect(none.errors![0].extensions!.code).toBe('CONFLICT');
    expect(await rowCounts()).toEqual(before);

    const updated = await api.graphql(
      SET,
      { input: { ...wien, version: 1, status: 'LAPSED' } },
      { key: keys.wienEditor },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.setTimberCommitment).toMatchObject({
      id: NAMED_COMMITMENTS.wien.id,
      version: 2,
      status: 'LAPSED',
      scope: ['PAPER'],
    });
    expect(await rowCounts()).toEqual({ ...before, versions: before.versions + 1 });
  });
});
