import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { GENERATED_COMMITMENT_COUNT, NAMED_COMMITMENTS } from '../../scenarios/timber.scenario';
import { allPages } from '../../support/all-pages';
import { startTestApp, type TestApp } from '../../support/test-app';

const TOTAL = GENERATED_COMMITMENT_COUNT + Object.keys(NAMED_COMMITMENTS).length;

const LIST = `
  query Commitments($first: Int, $after: String, $filter: TimberCommitmentFilter, $orderBy: TimberCommitmentOrder) {
    timberCommitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id policyLevel status adoptedOn reviewDue member { name } }
    }
  }`;

type Node = {
  id: string;
  policyLevel: string;
  status: string;
  adoptedOn: string | null;
  reviewDue: string | null;
  member: { name: string };
};

let api: TestApp;
let partnerKey: string;
beforeAll(async () => {
  api = await startTestApp();
  partnerKey = await api.createKey(Role.PARTNER);
});
afterAll(() => api.close());

const allCommitments = (variables: Record<string, unknown>, pageSize = 40) =>
  allPages<Node>(api, LIST, (data) => data.timberCommitments, variables, { first: pageSize });

describe('timberCommitments', () => {
  it('pages through every commitment once, by member name by default', async () => {
    const all = await allCommitments({});
    expect(all).toHaveLength(TOTAL);
    expect(new Set(all.map((node) => node.id)).size).toBe(TOTAL);
    const rows = await api.orm.em
      .getConnection()
      .execute<{ name: string }[]>(
        'select m.name from timber_commitment tc join member m on m.id = tc.member_id order by m.name, tc.id',
      );
    expect(all.map((node) => node.member.name)).toEqual(rows.map((row) => row.name));
  });

  it('orders by review date descending, commitments without one last', async () => {
    const all = await allCommitments({ orderBy: { field: 'REVIEW_DUE', direction: 'DESC' } }, 30);
    const dates = all.map((node) => node.reviewDue);
    const known = dates.filter((date): date is string => date !== null);
    expect(known).toEqual([...known].sort().reverse());
    expect(dates.indexOf(null)).toBe(known.length);
    expect(dates.slice(known.length).every((date) => date === null)).toBe(true);
  });

  it('orders by adoption date ascending', async () => {
    const all = await allCommitments({ orderBy: { field: 'ADOPTED_ON' } }, 50);
    expect(all[0].member.name).toBe('München');
    const dates = all.map((node) => node.adoptedOn).filter(Boolean) as string[];
    expect(dates).toEqual([...dates].sort());
    expect(all.at(-1)!.adoptedOn).toBeNull();
  });

  it.each([
    [{ countryCodes: ['DE'] }, ['Frankfurt am Main', 'München']],
    [{ countryCodes: ['lu', 'CH'] }, ['Altdorf', 'Contern']],
    [{ memberIds: [NAMED_MEMBERS.wien.id, NAMED_MEMBERS.mondercange.id] }, ['Wien']],
    [
      { policyLevels: ['CERTIFIED_ONLY_FSC'], countryCodes: ['AT', 'DE'], memberIds: [NAMED_MEMBERS.wien.id] },
      ['Wien'],
    ],
    [
      { statuses: ['REVOKED'] },
      ['Altdorf', 'Testgemeinde 025', 'Testgemeinde 050', 'Testgemeinde 075', 'Testgemeinde 100'],
    ],
    [{ statuses: ['LAPSED'], policyLevels: ['REGIONAL_PREFERENCE', 'CERTIFIED_ONLY_FSC'] }, ['Contern']],
  ])('filters by %j', async (filter, names) => {
    const response = await api.graphql(LIST, { filter, first: 100 });
    expect(response.errors).toBeUndefined();
    expect(response.data!.timberCommitments.nodes.map((node: Node) => node.member.name)).toEqual(names);
    expect(response.data!.timberCommitments.totalCount).toBe(names.length);
  });

  it('counts policy levels as the database does', async () => {
    const response = await api.graphql(LIST, { filter: { policyLevels: ['NONE'] }, first: 100 });
    const [row] = await api.orm.em
      .getConnection()
      .execute<{ count: string }[]>(`select count(*) from timber_commitment where policy_level = 'NONE'`);
    expect(response.data!.timberCommitments.totalCount).toBe(Number(row.count));
    expect(response.data!.timberCommitments.nodes.every((node: Node) => node.policyLevel === 'NONE')).toBe(true);
  });

  it.each([
    ['first 0', { first: 0 }, 'first'],
    ['first 101', { first: 101 }, 'first'],
    ['a made-up cursor', { after: 'nonsense' }, 'after'],
    ['an unknown country', { filter: { countryCodes: ['XX'] } }, 'filter.countryCodes[0]'],
    ['a malformed member id', { filter: { memberIds: ['not-a-uuid'] } }, 'filter.memberIds[0]'],
    [
      '101 member ids',
      { filter: { memberIds: Array.from({ length: 101 }, () => NAMED_MEMBERS.wien.id) } },
      'filter.memberIds',
    ],
  ])('rejects %s naming the field', async (_name, variables, field) => {
    const response = await api.graphql(LIST, variables);
    expect(response.data).toBeNull();
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('Member.timberCommitment', () => {
  const MEMBER = `query($id: ID!) { member(id: $id) { timberCommitment { id policyLevel status scope
      acceptedCertificationSchemes requiresDueDiligenceReference regionCountryCodes resolutionRef version } } }`;

  it("gives the member's commitment with its terms", async () => {
    const response = await api.graphql(MEMBER, { id: NAMED_MEMBERS.contern.id });
    expect(response.data!.member.timberCommitment).toEqual({
      id: NAMED_COMMITMENTS.contern.id,
      policyLevel: 'REGIONAL_PREFERENCE',
      status: 'LAPSED',
      scope: ['CONSTRUCTION', 'OUTDOOR_FACILITIES'],
      acceptedCertificationSchemes: ['FSC', 'PEFC'],
      requiresDueDiligenceReference: false,
      regionCountryCodes: ['LU', 'BE', 'DE', 'FR'],
      resolutionRef: null,
      version: 1,
    });
  });

  it('is null for a member without one', async () => {
    const response = await api.graphql(MEMBER, { id: NAMED_MEMBERS.mondercange.id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.member.timberCommitment).toBeNull();
  });

  it('loads commitments for a page of members in one statement', async () => {
    const query = `query($first: Int) { members(first: $first) { nodes { name timberCommitment { policyLevel } } } }`;
    api.resetStatementCount();
    const page = await api.graphql(query, { first: 10 });
    const ten = api.statementCount();
    api.resetStatementCount();
    const response = await api.graphql(query, { first: 100 });
    expect(page.errors).toBeUndefined();
    expect(response.errors).toBeUndefined();
    expect(api.statementCount()).toBe(ten);
  });
});

describe('statement counts', () => {
  const DASHBOARD = `query($first: Int) {
    timberCommitments(first: $first) {
      nodes {
        member { name country { code } }
        procurements { volumeM3 valueEur certificateCode commitment { id } }
        compliance { total { compliantVolumeM3 } years { year compliantVolumeM3 nonCompliantValueEur } }
      }
    }
  }`;

  it('costs the same for 10 and 100 commitments with members, procurements and compliance', async () => {
    api.resetStatementCount();
    const ten = await api.graphql(DASHBOARD, { first: 10 }, { key: partnerKey });
    const tenStatements = api.statementCount();
    api.resetStatementCount();
    const hundred = await api.graphql(DASHBOARD, { first: 100 }, { key: partnerKey });
    expect(ten.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(ten.data!.timberCommitments.nodes).toHaveLength(10);
    expect(hundred.data!.timberCommitments.nodes).toHaveLength(100);
    const procurements = hundred.data!.timberCommitments.nodes.flatMap((node: any) => node.procurements);
    expect(procurements.length).toBeGreaterThan(150);
    expect(api.statementCount()).toBe(tenStatements);
    // key lookup, page, members, countries, procurements, compliance
    expect(tenStatements).toBeLessThanOrEqual(6);
  });
});
