import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG, PARTNERSHIP } from '../../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';
import { indigenousKeys, type IndigenousKeys, type KeyName } from '../../scenarios/indigenous-keys';

const PARTNERSHIPS = `
  query Partnerships($filter: PartnershipFilter) {
    partnerships(first: 100, filter: $filter) {
      totalCount
      nodes { id type startedOn visibility organisation { acronym } member { name } coordinationOffice { name } }
    }
  }`;

const MEMBER_PARTNERSHIPS = `
  query Member($id: ID!) {
    member(id: $id) { partnerships { id organisation { acronym } contributions { year amount currency member { name } } } }
  }`;

const CREATE = `
  mutation Create($input: PartnershipInput!) {
    createPartnership(input: $input) { id version type startedOn endedOn visibility member { name } organisation { acronym } }
  }`;

const UPDATE = `
  mutation Update($id: ID!, $version: Int!, $input: PartnershipUpdate!) {
    updatePartnership(id: $id, version: $version, input: $input) { id version endedOn description }
  }`;

const VALID = {
  organisationId: ORG.orau,
  memberId: NAMED_MEMBERS.mondercange.id,
  type: 'KNOWLEDGE_EXCHANGE',
  startedOn: '2020-05-01',
};

let api: TestApp;
let keys: IndigenousKeys;
beforeAll(async () => {
  api = await startTestApp();
  keys = await indigenousKeys(api);
});
afterAll(() => api.close());

const partnershipCount = () => api.countRows('partnership');

describe('partnerships', () => {
  it('names Klimabündnis Österreich with FOIRN since 1993 and München with the Asháninka since 1997', async () => {
    const { data } = await api.graphql(PARTNERSHIPS, { filter: { organisationIds: [ORG.foirn, ORG.cart] } });
    expect(data!.partnerships.nodes).toEqual([
      expect.objectContaining({
        id: PARTNERSHIP.office,
        startedOn: '1993-01-01',
        organisation: { acronym: 'FOIRN' },
        member: null,
        coordinationOffice: { name: 'Klimabündnis Österreich' },
      }),
      expect.objectContaining({
        id: PARTNERSHIP.muenchen,
        startedOn: '1997-01-01',
        organisation: { acronym: 'CART' },
        member: { name: 'München' },
        coordinationOffice: null,
      }),
    ]);
  });

  it.each<[KeyName, string[]]>([
    ['anonymous', [PARTNERSHIP.office, PARTNERSHIP.muenchen]],
    ['partner', [PARTNERSHIP.office, PARTNERSHIP.muenchen, PARTNERSHIP.network]],
    ['editorMuenchen', [PARTNERSHIP.office, PARTNERSHIP.muenchen, PARTNERSHIP.network]],
    ['editorWien', [PARTNERSHIP.office, PARTNERSHIP.muenchen, PARTNERSHIP.network, PARTNERSHIP.restricted]],
    ['stewardFenamad', [PARTNERSHIP.office, PARTNERSHIP.muenchen, PARTNERSHIP.network, PARTNERSHIP.restricted]],
    ['stewardFoirn', [PARTNERSHIP.office, PARTNERSHIP.muenchen, PARTNERSHIP.network]],
    ['liaison', [PARTNERSHIP.office, PARTNERSHIP.muenchen, PARTNERSHIP.network, PARTNERSHIP.restricted]],
    ['admin', [PARTNERSHIP.office, PARTNERSHIP.muenchen, PARTNERSHIP.network, PARTNERSHIP.restricted]],
  ])('shows %s the partnerships it may see, oldest first', async (keyName, ids) => {
    const { data } = await api.graphql(PARTNERSHIPS, {}, { key: keys[keyName] });
    expect(data!.partnerships.nodes.map((n: { id: string }) => n.id)).toEqual(ids);
    expect(data!.partnerships.totalCount).toBe(ids.length);
  });

  it('gives a member its partnerships with the contributions by year', async () => {
    const { data, errors } = await api.graphql(MEMBER_PARTNERSHIPS, { id: NAMED_MEMBERS.muenchen.id });
    expect(errors).toBeUndefined();
    expect(data!.member.partnerships).toEqual([
      {
        id: PARTNERSHIP.muenchen,
        organisation: { acronym: 'CART' },
        contributions: [
          { year: 2022, amount: 30000, currency: 'EUR', member: { name: 'München' } },
          { year: 2023, amount: 32500.5, currency: 'EUR', member: { name: 'München' } },
        ],
      },
    ]);
  });

  it('hides a restricted partnership in Member.partnerships from those who may not see it', async () => {
    const anonymous = await api.graphql(MEMBER_PARTNERSHIPS, { id: NAMED_MEMBERS.wien.id });
    expect(anonymous.data!.member.partnerships).toEqual([]);
    const editor = await api.graphql(MEMBER_PARTNERSHIPS, { id: NAMED_MEMBERS.wien.id }, { key: keys.editorWien });
    expect(editor.data!.member.partnerships.map((p: { id: string }) => p.id)).toEqual([PARTNERSHIP.restricted]);
  });

  it('lists members with their partnerships in a fixed number of statements', async () => {
    const query = `query M($first: Int) { members(first: $first) { nodes { partnerships { organisation { acronym } } } } }`;
    api.resetStatementCount();
    const five = await api.graphql(query, { first: 5 }, { key: keys.admin });
    const few = api.statementCount();
    api.resetStatementCount();
    const hundred = await api.graphql(query, { first: 100 }, { key: keys.admin });
    expect(five.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    // Frankfurt am Main, among the first five by name, has a partnership: both pages load organisations
    expect(five.data!.members.nodes.some((n: any) => n.partnerships.length > 0)).toBe(true);
    expect(api.statementCount()).toBe(few);
  });
});

describe('createPartnership and updatePartnership', () => {
  it.each<[KeyName, string | null]>([
    ['anonymous', 'UNAUTHENTICATED'],
    ['partner', 'FORBIDDEN'],
    ['editorMuenchen', 'FORBIDDEN'],
    ['stewardFoirn', 'FORBIDDEN'],
    ['liaison', null],
    ['admin', null],
  ])('createPartnership by %s: %s', async (keyName, code) => {
    const before = await partnershipCount();
    const { data, errors } = await api.graphql(CREATE, { input: VALID }, { key: keys[keyName] });
    if (code) {
      expect(errors![0].extensions!.code).toBe(code);
      expect(await partnershipCount()).toBe(before);
    } else {
      expect(errors).toBeUndefined();
      expect(data!.createPartnership).toMatchObject({
        version: 1,
        type: 'KNOWLEDGE_EXCHANGE',
        visibility: 'PUBLIC',
        member: { name: 'Mondercange' },
        organisation: { acronym: 'ORAU' },
      });
      expect(await partnershipCount()).toBe(before + 1);
    }
  });

  it.each([
    [{ organisationId: '00000000-0000-4000-8000-00000000abcd' }, 'input.organisationId'],
    [{ memberId: '00000000-0000-4000-8000-00000000abcd' }, 'input.memberId'],
    [{ memberId: null }, 'input.memberId'],
    [{ coordinationOfficeId: '00000000-0000-4000-8000-00000000abcd' }, 'input.coordinationOfficeId'],
    [{ endedOn: '2019-12-31' }, 'input.endedOn'],
  ])('rejects %j naming the field, writing nothing', async (change, field) => {
    const before = await partnershipCount();
    const { errors } = await api.graphql(CREATE, { input: { ...VALID, ...change } }, { key: keys.liaison });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await partnershipCount()).toBe(before);
  });

  it('updates with the current version; a stale version is a CONFLICT', async () => {
    const created = await api.graphql(CREATE, { input: VALID }, { key: keys.liaison });
    const id = created.data!.createPartnership.id;
    const updated = await api.graphql(
      UPDATE,
      { id, version: 1, input: { endedOn: '2024-12-31', description: 'Ended after the school exchange' } },
      { key: keys.liaison },
    );
    expect(updated.data!.updatePartnership).toEqual({
      id,
      version: 2,
      endedOn: '2024-12-31',
      description: 'Ended after the school exchange',
    });
    const stale = await api.graphql(UPDATE, { id, version: 1, input: { endedOn: null } }, { key: keys.liaison });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    const refused = await api.graphql(UPDATE, { id, version: 2, input: {} }, { key: keys.partner });
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
