import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { MUENCHEN_PROCUREMENTS } from '../../scenarios/timber.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const PUBLIC = `query($id: ID!) { member(id: $id) { timberCommitment {
  policyLevel status adoptedOn compliance { total { compliantVolumeM3 nonCompliantValueEur } } } } }`;
const DETAIL = `query($id: ID!, $year: Int) { member(id: $id) { timberCommitment {
  policyLevel procurements(year: $year) { year species volumeM3 valueEur certificateCode dueDiligenceReference
    compliance nonComplianceReason } } } }`;
const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Member { name timberCommitment { procurements { valueEur } } } } }`;

const muenchen = { id: NAMED_MEMBERS.muenchen.id };

let api: TestApp;
const keys: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApp();
  keys.PARTNER = await api.createKey(Role.PARTNER);
  keys.ANALYST = await api.createKey(Role.ANALYST);
  keys.MEMBER_EDITOR = await api.createKey(Role.MEMBER_EDITOR, { memberId: NAMED_MEMBERS.wien.id });
  keys.INDIGENOUS_STEWARD = await api.createKey(Role.INDIGENOUS_STEWARD, {
    organisationId: '00000000-0000-4000-8000-00000000c01c',
  });
  keys.COICA_LIAISON = await api.createKey(Role.COICA_LIAISON);
  keys.ADMIN = TEST_ADMIN_SECRET;
});
afterAll(() => api.close());

describe('timber visibility', () => {
  it('serves commitment terms and compliance to anonymous callers', async () => {
    const response = await api.graphql(PUBLIC, muenchen);
    expect(response.errors).toBeUndefined();
    expect(response.data!.member.timberCommitment).toEqual({
      policyLevel: 'FULL_TROPICAL_ABSTENTION',
      status: 'ACTIVE',
      adoptedOn: '1996-07-24',
      compliance: { total: { compliantVolumeM3: 157.25, nonCompliantValueEur: 21_000 } },
    });
  });

  it('refuses procurement detail to anonymous callers', async () => {
    const response = await api.graphql(DETAIL, muenchen);
    expect(response.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(response.errors![0].path).toEqual(['member', 'timberCommitment', 'procurements']);
    expect(response.data!.member.timberCommitment).toBeNull();
  });

  it('refuses procurement detail to anonymous callers through _entities too', async () => {
    const response = await api.graphql(ENTITIES, { representations: [{ __typename: 'Member', ...muenchen }] });
    expect(response.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(response.data!._entities[0].timberCommitment).toBeNull();
  });

  it.each(['PARTNER', 'ANALYST', 'MEMBER_EDITOR', 'INDIGENOUS_STEWARD', 'COICA_LIAISON', 'ADMIN'])(
    'serves procurement detail to %s (network-visible)',
    async (role) => {
      const response = await api.graphql(DETAIL, muenchen, { key: keys[role] });
      expect(response.errors).toBeUndefined();
      const procurements = response.data!.member.timberCommitment.procurements;
      expect(procurements.map((p: any) => p.valueEur)).toEqual(MUENCHEN_PROCUREMENTS.map((p) => p.valueEur));
      expect(procurements[2]).toEqual({
        year: 2022,
        species: 'Jatobá',
        volumeM3: 4.5,
        valueEur: 7_200,
        certificateCode: 'FSC-C104523',
        dueDiligenceReference: '22DEMUC0000017',
        compliance: 'NON_COMPLIANT',
        nonComplianceReason: 'TROPICAL_TIMBER',
      });
      const entities = await api.graphql(
        ENTITIES,
        { representations: [{ __typename: 'Member', ...muenchen }] },
        { key: keys[role] },
      );
      expect(entities.errors).toBeUndefined();
      expect(entities.data!._entities[0].timberCommitment.procurements).toHaveLength(MUENCHEN_PROCUREMENTS.length);
    },
  );

  it('filters procurements by year and checks the year', async () => {
    const response = await api.graphql(DETAIL, { ...muenchen, year: 2023 }, { key: keys.PARTNER });
    expect(response.data!.member.timberCommitment.procurements.map((p: any) => p.species)).toEqual([
      'Larch',
      'Azobé (Lophira alata)',
    ]);
    const bad = await api.graphql(DETAIL, { ...muenchen, year: 1989 }, { key: keys.PARTNER });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});
