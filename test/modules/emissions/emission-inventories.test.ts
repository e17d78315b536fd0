import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { SCENARIO_INVENTORIES } from '../../scenarios/emissions.scenario';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { allPages } from '../../support/all-pages';
import { startTestApp, type TestApp } from '../../support/test-app';

const INVENTORIES = `
  query Inventories($first: Int, $after: String, $filter: EmissionInventoryFilter) {
    emissionInventories(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id year standard isBaseline isPublic member { id } }
    }
  }`;

type Node = { id: string; year: number; standard: string; isPublic: boolean; member: { id: string } };

let api: TestApp;
let partnerKey: string;
beforeAll(async () => {
  api = await startTestApp();
  partnerKey = await api.createKey(Role.PARTNER);
});
afterAll(() => api.close());

const allInventories = (filter: Record<string, unknown>, key?: string, first = 50) =>
  allPages<Node>(api, INVENTORIES, (data) => data.emissionInventories, { filter }, { first, key });

const ids = (inventories: { id: string }[]) => inventories.map((inventory) => inventory.id).sort();

describe('emissionInventories', () => {
  it('pages through the public inventories, newest year first, for anonymous callers', async () => {
    const nodes = await allInventories({});
    expect(ids(nodes)).toEqual(ids(SCENARIO_INVENTORIES.filter((inventory) => inventory.isPublic)));
    const years = nodes.map((node) => node.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const first = await api.graphql(INVENTORIES, { first: 5 });
    expect(first.data!.emissionInventories.totalCount).toBe(nodes.length);
  });

  it('includes non-public inventories for API keys', async () => {
    const nodes = await allInventories({}, partnerKey, 100);
    expect(ids(nodes)).toEqual(ids(SCENARIO_INVENTORIES));
    expect(nodes.some((node) => !node.isPublic)).toBe(true);
  });

  it.each([
    [
      { memberIds: [NAMED_MEMBERS.frankfurt.id] },
      (i: (typeof SCENARIO_INVENTORIES)[number]) => i.memberId === NAMED_MEMBERS.frankfurt.id,
    ],
    [
      { countryCodes: ['de'] },
      (i: (typeof SCENARIO_INVENTORIES)[number]) =>
        [NAMED_MEMBERS.frankfurt.id, NAMED_MEMBERS.muenchen.id].includes(i.memberId as never),
    ],
    [
      { standards: ['COM_MEI', 'OTHER'] },
      (i: (typeof SCENARIO_INVENTORIES)[number]) => ['COM_MEI', 'OTHER'].includes(i.standard),
    ],
    [{ fromYear: 2005, toYear: 2019 }, (i: (typeof SCENARIO_INVENTORIES)[number]) => i.year >= 2005 && i.year <= 2019],
    [
      { isBaseline: true, countryCodes: ['LU'] },
      (i: (typeof SCENARIO_INVENTORIES)[number]) => i.isBaseline && i.memberId === NAMED_MEMBERS.mondercange.id,
    ],
    [{ verificationStatuses: ['VERIFIED'] }, () => false],
  ])('filters by %j', async (filter, keep) => {
    const nodes = await allInventories(filter, partnerKey, 100);
    expect(ids(nodes)).toEqual(ids(SCENARIO_INVENTORIES.filter(keep)));
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'nope' }, 'after'],
    [{ filter: { countryCodes: ['XX'] } }, 'filter.countryCodes[0]'],
    [{ filter: { memberIds: ['x'] } }, 'filter.memberIds[0]'],
    [{ filter: { fromYear: 2010, toYear: 2000 } }, 'filter.toYear'],
  ])('rejects %j naming the field', async (variables, field) => {
    const response = await api.graphql(INVENTORIES, variables);
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('costs the same SQL statements for 10 and 100 inventories with member, records and data source', async () => {
    const query = `query($first: Int) { emissionInventories(first: $first) { nodes {
      year member { name } records { sector emissionsTco2e } dataSource { name } } } }`;
    const counts: number[] = [];
    for (const first of [10, 100]) {
      api.resetStatementCount();
      const response = await api.graphql(query, { first });
      expect(response.errors).toBeUndefined();
      expect(response.data!.emissionInventories.nodes).toHaveLength(first);
      counts.push(api.statementCount());
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(4);
  });

  it('reads the totalCount in the statement of the page, also for the empty page past the end', async () => {
    const query = `query ($first: Int, $after: String) { emissionInventories(first: $first, after: $after) {
      totalCount pageInfo { endCursor } nodes { id } } }`;
    const measured = async (variables: Record<string, unknown>) => {
      api.resetStatementCount();
      const response = await api.graphql(query, variables);
      expect(response.errors).toBeUndefined();
      return { connection: response.data!.emissionInventories, statements: api.statementCount() };
    };
    const visible = SCENARIO_INVENTORIES.filter((inventory) => inventory.isPublic).length;
    let after: string | null = null;
    let seen = 0;
    while (seen < visible) {
      const page = await measured({ first: 100, after });
      expect(page.connection.nodes.length).toBeGreaterThan(0);
      expect(page.connection.totalCount).toBe(visible);
      expect(page.statements).toBe(1);
      seen += page.connection.nodes.length;
      after = page.connection.pageInfo.endCursor;
    }
    expect(seen).toBe(visible);
    const past = await measured({ first: 100, after });
    expect(past.connection.nodes).toEqual([]);
    expect(past.connection.totalCount).toBe(visible);
    expect(past.statements).toBe(1);
  });
});

describe('Member.inventories', () => {
  const QUERY = `query($id: ID!, $standard: InventoryStandard, $fromYear: Int, $toYear: Int) {
    member(id: $id) { inventories(standard: $standard, fromYear: $fromYear, toYear: $toYear) {
      year standard totalEmissionsTco2e records(sector: TRANSPORT) { energyCarrier emissionsTco2e } } } }`;

  it('lists what the viewer may see, oldest first, with several standards of a year in preference order', async () => {
    const anonymous = await api.graphql(QUERY, { id: NAMED_MEMBERS.klimaverein.id });
    expect(anonymous.data!.member.inventories.map((i: { year: number }) => i.year)).toEqual([1990]);
    const partner = await api.graphql(QUERY, { id: NAMED_MEMBERS.klimaverein.id }, { key: partnerKey });
    expect(partner.data!.member.inventories.map((i: { year: number }) => i.year)).toEqual([1990, 2022]);
    const frankfurt = await api.graphql(QUERY, { id: NAMED_MEMBERS.frankfurt.id });
    expect(
      frankfurt.data!.member.inventories.map((i: { year: number; standard: string }) => `${i.year} ${i.standard}`),
    ).toEqual(['1990 BISKO', '2019 BISKO', '2019 COM_MEI']);
  });

  it('narrows by standard and years, and records by sector', async () => {
    const response = await api.graphql(QUERY, {
      id: NAMED_MEMBERS.wien.id,
      standard: 'BISKO',
      fromYear: 2000,
      toYear: 2010,
    });
    expect(response.data!.member.inventories).toEqual([
      {
        year: 2005,
        standard: 'BISKO',
        totalEmissionsTco2e: 800,
        records: [{ energyCarrier: 'DIESEL', emissionsTco2e: 280 }],
      },
    ]);
    const none = await api.graphql(QUERY, { id: NAMED_MEMBERS.wien.id, standard: 'GPC_BASIC' });
    expect(none.data!.member.inventories).toEqual([]);
  });
});
