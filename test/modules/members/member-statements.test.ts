import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_MEMBER_COUNT, NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

/** The statements of the benchmark's member reads: their number depends on the query's shape, not on its rows. */
const TOTAL_MEMBERS = GENERATED_MEMBER_COUNT + Object.keys(NAMED_MEMBERS).length;

const PAGE = `query ($first: Int, $after: String, $filter: MemberFilter, $orderBy: MemberOrder) {
  members(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { endCursor } nodes { id name population country { name } coordinationOffice { name } } } }`;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

/** Runs `query`, checks it answered without errors, and returns its data and the number of statements it sent. */
async function measured(query: string, variables: Record<string, unknown> = {}, key?: string) {
  api.resetStatementCount();
  const response = await api.graphql(query, variables, key ? { key } : {});
  expect(response.errors).toBeUndefined();
  return { data: response.data!, statements: api.statementCount() };
}

describe('a page of members with its totalCount is one statement', () => {
  it.each([2, 20, 100])('for a page of %i', async (first) => {
    const { data, statements } = await measured(PAGE, { first });
    expect(data.members.nodes).toHaveLength(first);
    expect(data.members.totalCount).toBe(TOTAL_MEMBERS);
    expect(statements).toBe(1);
  });

  it('counts the whole list on a later page, and on the empty page past the end', async () => {
    const first = await measured(PAGE, { first: 100 });
    const second = await measured(PAGE, { first: 100, after: first.data.members.pageInfo.endCursor });
    expect(second.data.members.nodes).toHaveLength(TOTAL_MEMBERS - 100);
    expect(second.data.members.totalCount).toBe(TOTAL_MEMBERS);
    expect(second.statements).toBe(1);
    const past = await measured(PAGE, { first: 100, after: second.data.members.pageInfo.endCursor });
    expect(past.data.members.nodes).toEqual([]);
    expect(past.data.members.pageInfo.endCursor).toBeNull();
    expect(past.data.members.totalCount).toBe(TOTAL_MEMBERS);
    expect(past.statements).toBe(1);
  });

  it('counts 0 when the filter matches nothing', async () => {
    const { data, statements } = await measured(PAGE, { filter: { nameContains: 'no such member anywhere' } });
    expect(data.members).toEqual({ totalCount: 0, pageInfo: { endCursor: null }, nodes: [] });
    expect(statements).toBe(1);
  });

  it('counts what a filter on population matches, ordered by population', async () => {
    const { data, statements } = await measured(PAGE, {
      filter: { populationMin: 770_000, populationMax: 1_500_000 },
      orderBy: { field: 'POPULATION', direction: 'DESC' },
    });
    expect(data.members.nodes.map((node: { name: string }) => node.name)).toEqual(['München', 'Frankfurt am Main']);
    expect(data.members.totalCount).toBe(2);
    expect(statements).toBe(1);
  });

  it('reads no count when totalCount is not asked', async () => {
    const sql: string[] = [];
    const listen = (query: { sql: string }) => sql.push(query.sql);
    api.orm.em.getKnex().on('query', listen);
    try {
      await measured('{ members(first: 5) { nodes { id name } } }');
    } finally {
      api.orm.em.getKnex().off('query', listen);
    }
    expect(sql).toHaveLength(1);
    expect(sql[0]).not.toContain('count(');
  });
});

describe('the statement of a page is built once per shape', () => {
  it('binds the values of each request to the same text: filters and cursors answer as asked', async () => {
    const sent: { sql: string; bindings: unknown[] }[] = [];
    // the country codes are read once per database, maybe here: only the pages count
    const listen = (query: { sql: string; bindings: unknown[] }) => {
      if (query.sql.includes('"member"')) sent.push(query);
    };
    api.orm.em.getKnex().on('query', listen);
    const names = (data: Record<string, any>) => data.members.nodes.map((node: { name: string }) => node.name);
    try {
      const wien = await measured(PAGE, { first: 5, filter: { nameContains: 'wien', countryCodes: ['AT'] } });
      const frankfurt = await measured(PAGE, { first: 5, filter: { nameContains: 'FURT', countryCodes: ['DE'] } });
      expect(names(wien.data)).toEqual(['Wien']);
      expect(names(frankfurt.data)).toEqual(['Frankfurt am Main']);
      const first = await measured(PAGE, { first: 3 });
      const next = await measured(PAGE, { first: 3, after: first.data.members.pageInfo.endCursor });
      const later = await measured(PAGE, { first: 3, after: next.data.members.pageInfo.endCursor });
      expect(new Set([...names(first.data), ...names(next.data), ...names(later.data)]).size).toBe(9);
    } finally {
      api.orm.em.getKnex().off('query', listen);
    }
    expect(sent).toHaveLength(5);
    expect(sent[1].sql).toBe(sent[0].sql);
    expect(sent[1].bindings).not.toEqual(sent[0].bindings);
    expect(sent[4].sql).toBe(sent[3].sql);
    expect(sent[4].bindings).not.toEqual(sent[3].bindings);
  });

  it('reads empty text in a filter as no condition, as before', async () => {
    const { data } = await measured(PAGE, { first: 1, filter: { nameContains: '', joinedAfter: null } });
    expect(data.members.totalCount).toBe(TOTAL_MEMBERS);
  });
});

describe('one member with targets and its inventory series', () => {
  it('is one statement', async () => {
    const query = `query ($id: ID!) { member(id: $id) { name
      targets { origin type baseYear targetYear reductionPercent }
      inventories { year standard totalEmissionsTco2e } } }`;
    const { data, statements } = await measured(query, { id: NAMED_MEMBERS.wien.id }, TEST_ADMIN_SECRET);
    expect(data.member.targets.length).toBeGreaterThan(0);
    expect(data.member.inventories.length).toBeGreaterThan(1);
    expect(statements).toBe(1);
  });
});
