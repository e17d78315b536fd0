import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_MEMBER_COUNT, NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { allPages } from '../../support/all-pages';
import { startTestApp, type TestApp } from '../../support/test-app';

const TOTAL_MEMBERS = GENERATED_MEMBER_COUNT + Object.keys(NAMED_MEMBERS).length;

const MEMBERS = `
  query Members($first: Int, $after: String, $filter: MemberFilter, $orderBy: MemberOrder) {
    members(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id name population joinedOn country { code } coordinationOffice { name } } }
    }
  }`;

type MemberNode = { id: string; name: string; population: number | null; joinedOn: string | null };

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const allMembers = (variables: Record<string, unknown>, pageSize = 50) =>
  allPages<MemberNode>(
    api,
    MEMBERS,
    ({ members }) => ({
      nodes: members.edges.map((edge: { node: MemberNode }) => edge.node),
      pageInfo: members.pageInfo,
    }),
    variables,
    { first: pageSize },
  );

describe('members', () => {
  it('pages through every member exactly once, 20 by default', async () => {
    const first = await api.graphql(MEMBERS);
    expect(first.data!.members.edges).toHaveLength(20);
    expect(first.data!.members.totalCount).toBe(TOTAL_MEMBERS);
    expect(first.data!.members.pageInfo.hasPreviousPage).toBe(false);
    const all = await allMembers({});
    expect(all).toHaveLength(TOTAL_MEMBERS);
    expect(new Set(all.map((member) => member.id)).size).toBe(TOTAL_MEMBERS);
  });

  it('orders by name as the database collates', async () => {
    const all = await allMembers({ orderBy: { field: 'NAME', direction: 'ASC' } });
    const rows = await api.orm.em
      .getConnection()
      .execute<{ name: string }[]>('select name from member order by name, id');
    expect(all.map((member) => member.name)).toEqual(rows.map((row) => row.name));
  });

  it('orders by population descending with members without population last', async () => {
    const all = await allMembers({ orderBy: { field: 'POPULATION', direction: 'DESC' } }, 30);
    const populations = all.map((member) => member.population);
    expect(populations[0]).toBe(1_980_000);
    expect(populations.at(-1)).toBeNull();
    const known = populations.filter((p): p is number => p !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(populations.indexOf(null)).toBe(known.length);
  });

  it('orders by join date ascending with members that have not joined last', async () => {
    const all = await allMembers({ orderBy: { field: 'JOINED_ON', direction: 'ASC' } }, 40);
    expect(all[0].name).toBe('Frankfurt am Main');
    expect(all.at(-1)!.name).toBe('Klimaverein Test');
    const dates = all.map((member) => member.joinedOn).filter(Boolean) as string[];
    expect(dates).toEqual([...dates].sort());
  });

  it.each([
    [{ countryCodes: ['LU'] }, ['Contern', 'Mondercange']],
    [{ countryCodes: ['de', 'CH'] }, ['Altdorf', 'Frankfurt am Main', 'München']],
    [{ categories: ['CITY'] }, ['Frankfurt am Main', 'München', 'Wien']],
    [{ statuses: ['LEFT', 'APPLIED'] }, ['Altdorf', 'Klimaverein Test']],
    [{ membershipTypes: ['ASSOCIATE'] }, ['Contern', 'Klimaverein Test']],
    [{ nameContains: 'FURT' }, ['Frankfurt am Main']],
    [{ nameContains: '%' }, []],
    [{ populationMin: 770_000, populationMax: 1_500_000 }, ['Frankfurt am Main', 'München']],
    [{ joinedAfter: '1990-01-01', joinedBefore: '1992-12-31' }, ['Frankfurt am Main', 'München', 'Wien']],
    [
      { countryCodes: ['AT'], populationMin: 2_180 },
      ['Testgemeinde 118', 'Testgemeinde 119', 'Testgemeinde 120', 'Wien'],
    ],
  ])('filters by %j', async (filter, names) => {
    const response = await api.graphql(MEMBERS, { filter, first: 100 });
    expect(response.errors).toBeUndefined();
    expect(response.data!.members.edges.map((edge: { node: MemberNode }) => edge.node.name)).toEqual(names);
    expect(response.data!.members.totalCount).toBe(names.length);
  });

  it('costs the same number of SQL statements for 10 and 100 members with country and office', async () => {
    api.resetStatementCount();
    const ten = await api.graphql(MEMBERS, { first: 10 });
    const tenStatements = api.statementCount();
    api.resetStatementCount();
    const hundred = await api.graphql(MEMBERS, { first: 100 });
    expect(ten.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(ten.data!.members.edges).toHaveLength(10);
    expect(hundred.data!.members.edges).toHaveLength(100);
    expect(api.statementCount()).toBe(tenStatements);
    expect(tenStatements).toBeLessThanOrEqual(4);
  });
});

describe('members: bad input', () => {
  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: Buffer.from('["x"]').toString('base64url') }, 'after'],
    [{ filter: { countryCodes: ['XX'] } }, 'filter.countryCodes[0]'],
    [{ filter: { populationMin: -5 } }, 'filter.populationMin'],
    [{ filter: { countryCodes: Array.from({ length: 101 }, () => 'AT') } }, 'filter.countryCodes'],
  ])('rejects %j naming the field', async (variables, field) => {
    const response = await api.graphql(MEMBERS, variables);
    expect(response.data).toBeNull();
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('rejects a malformed date in a filter as bad input naming the field', async () => {
    const response = await api.graphql(MEMBERS, { filter: { joinedAfter: '2020-13-45' } });
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.joinedAfter' });
  });

  it('names the field of an unknown enum value inside a list', async () => {
    const response = await api.graphql(MEMBERS, { filter: { categories: ['CITY', 'VILLAGE'] } });
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.categories[1]' });
  });
});
