import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOOR_STATEMENTS } from '../../bench/floor/statements.sql';
import type { Fixtures } from '../../bench/fixtures';
import { countItems } from '../../bench/items';
import { SCENARIOS } from '../../bench/scenarios';
import { loadConfig } from '../../src/config';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';

// The benchmark times the floor against our API only when both answers carry the same items; this keeps its
// hand-written statements honest without any load: same counts at every level, on the test data set.
const compared = SCENARIOS.filter((scenario) => scenario.floor);

describe('the benchmark floor statements', () => {
  let api: TestApp;
  let sql: Client;
  let fixtures: Fixtures;

  beforeAll(async () => {
    // as the benchmark starts our API: the fan-out is estimated above the default cost limit
    const { limits } = loadConfig({
      RATE_LIMIT_POINTS: '1000000000',
      RATE_LIMIT_ANONYMOUS_POINTS: '1000000000',
      GRAPHQL_MAX_COST: '100000',
    });
    api = await startTestApp({ limits });
    sql = new Client({ connectionString: api.orm.config.getClientUrl() });
    await sql.connect();
    const wien = await sql.query<{ id: string }>(`select id from member where name = 'Wien'`);
    const first = await sql.query<{ id: string }>('select id from member order by name, id limit 50');
    fixtures = { memberId: wien.rows[0].id, entityIds: first.rows.map((row) => row.id) };
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  it('cover every scenario the floor takes part in', () => {
    expect(compared.map((scenario) => scenario.name)).toEqual([
      'members-20',
      'austrian-100',
      'fan-out',
      'member-series',
      'entities-50',
      'members-20-cached',
      'members-20-304',
    ]);
    for (const scenario of compared) expect(FLOOR_STATEMENTS[scenario.floor!.statement]).toBeDefined();
  });

  it.each(compared.map((scenario) => [scenario.name, scenario] as const))(
    '%s: the floor answers with the same items as our API',
    async (_name, scenario) => {
      const ours = await api.graphql(
        scenario.ours.query,
        scenario.ours.variables?.(fixtures),
        scenario.ours.admin ? { key: TEST_ADMIN_SECRET } : {},
      );
      expect(ours.errors).toBeUndefined();
      const floor = await sql.query<{ body: string }>(
        FLOOR_STATEMENTS[scenario.floor!.statement],
        scenario.floor!.params?.(fixtures) ?? [],
      );
      const floorAnswer = JSON.parse(floor.rows[0].body) as { data: unknown };
      const oursCounts = scenario.ours.items.map((path) => countItems(ours.data, path));
      const floorCounts = scenario.ours.items.map((path) => countItems(floorAnswer.data, path));
      expect(oursCounts[0]).toBeGreaterThan(0);
      expect(floorCounts).toEqual(oursCounts);
    },
  );
});

describe('countItems', () => {
  it('sums the arrays found along a path through arrays, and counts a present object as one', () => {
    const data = {
      members: { nodes: [{ inventories: [{ records: [1, 2] }, { records: [3] }] }, { inventories: [] }] },
    };
    expect(countItems(data, 'members.nodes')).toBe(2);
    expect(countItems(data, 'members.nodes.inventories')).toBe(2);
    expect(countItems(data, 'members.nodes.inventories.records')).toBe(3);
    expect(countItems({ member: { name: 'Wien' } }, 'member')).toBe(1);
    expect(countItems({ member: null }, 'member')).toBe(0);
  });
});
