import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { allPages } from '../../support/all-pages';
import { startTestApp, type TestApp } from '../../support/test-app';

const MEMBERS = `
  query Members($first: Int, $after: String, $filter: MemberFilter, $orderBy: MemberOrder) {
    members(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name progress { status reductionPercent } }
    }
  }`;

type Node = { id: string; name: string; progress: { status: string; reductionPercent: number | null } };

let api: TestApp;
let partnerKey: string;
beforeAll(async () => {
  api = await startTestApp();
  partnerKey = await api.createKey(Role.PARTNER);
});
afterAll(() => api.close());

const allMembers = (variables: Record<string, unknown>, key?: string, first = 100) =>
  allPages<Node>(api, MEMBERS, (data) => data.members, variables, { first, key });

describe.each([
  ['anonymous', () => undefined],
  ['a partner', () => partnerKey],
])('members by Charter progress, for %s', (_viewer, key) => {
  it('filters by progress status in SQL exactly as Member.progress computes it', async () => {
    const everyone = await allMembers({}, key());
    const statuses = ['ON_TRACK', 'SLIGHTLY_OFF', 'OFF_TRACK', 'NO_DATA'];
    for (const status of statuses) {
      const filtered = await allMembers({ filter: { progressStatuses: [status] } }, key());
      const expected = everyone.filter((member) => member.progress.status === status).map((member) => member.id);
      expect(filtered.map((member) => member.id).sort(), status).toEqual(expected.sort());
      expect(filtered.every((member) => member.progress.status === status)).toBe(true);
    }
    const two = await api.graphql(MEMBERS, { filter: { progressStatuses: ['ON_TRACK', 'NO_DATA'] } }, { key: key() });
    const count = everyone.filter((m) => ['ON_TRACK', 'NO_DATA'].includes(m.progress.status)).length;
    expect(two.data!.members.totalCount).toBe(count);
  });

  it.each([
    {},
    { progressStatuses: ['OFF_TRACK', 'SLIGHTLY_OFF'], countryCodes: ['AT', 'DE'] },
    { progressStatuses: ['NO_DATA'], categories: ['MUNICIPALITY'] },
    { countryCodes: ['LU'], statuses: ['ACTIVE', 'LEFT'] },
    { progressStatuses: ['ON_TRACK'], statuses: ['LEFT'] },
  ])('counts the members of %j as the pages hold them', async (filter) => {
    const members = await allMembers({ filter }, key(), 50);
    // the test members hold some of each (a count of nothing would pass whatever the count read)
    expect(members.length).toBeGreaterThan(0);
    const answer = await api.graphql(MEMBERS, { filter, first: 1 }, { key: key() });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.members.totalCount).toBe(members.length);
  });

  it.each(['ASC', 'DESC'])(
    'orders by reduction percent %s across pages, members without one last',
    async (direction) => {
      const ordered = await allMembers({ orderBy: { field: 'REDUCTION_PERCENT', direction } }, key(), 7);
      const everyone = await allMembers({}, key());
      expect(ordered).toHaveLength(everyone.length);
      const sign = direction === 'ASC' ? 1 : -1;
      const expected = [...everyone].sort((a, b) => {
        const [x, y] = [a.progress.reductionPercent, b.progress.reductionPercent];
        if (x === null || y === null) return x === y ? sign * a.id.localeCompare(b.id) : x === null ? 1 : -1;
        return x === y ? sign * a.id.localeCompare(b.id) : sign * (x - y);
      });
      expect(ordered.map((member) => member.id)).toEqual(expected.map((member) => member.id));
    },
  );
});

describe('members by progress: combined and statement counts', () => {
  it('combines the progress filter with other filters and sort orders', async () => {
    const response = await api.graphql(MEMBERS, {
      first: 100,
      filter: { countryCodes: ['DE'], progressStatuses: ['OFF_TRACK'] },
      orderBy: { field: 'NAME' },
    });
    expect(response.data!.members.nodes.map((member: Node) => member.name)).toEqual(['Frankfurt am Main']);
  });

  const PAGE = `
    query Page($first: Int, $orderBy: MemberOrder) {
      members(first: $first, orderBy: $orderBy) {
        nodes {
          name
          progress { status baselineYear latestYear reductionPercent charterPathTco2e perCapitaTco2e }
          latestInventory { year standard totalEmissionsTco2e records { sector energyCarrier emissionsTco2e } }
          targets { origin }
        }
      }
    }`;

  it.each([
    ['by name', { field: 'NAME' }],
    ['by reduction percent', { field: 'REDUCTION_PERCENT', direction: 'DESC' }],
  ])(
    'costs the same SQL statements for 10 and 100 members with progress, latest inventory and records (%s)',
    async (_order, orderBy) => {
      const counts: number[] = [];
      for (const first of [10, 100]) {
        api.resetStatementCount();
        const response = await api.graphql(PAGE, { first, orderBy });
        expect(response.errors).toBeUndefined();
        expect(response.data!.members.nodes).toHaveLength(first);
        counts.push(api.statementCount());
      }
      expect(counts[1]).toBe(counts[0]);
      // page, progress, latest inventories, their records, targets
      expect(counts[0]).toBeLessThanOrEqual(5);
    },
  );
});
