import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config/limits';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { send } from './support';

/** The bounds the README's "Response size" paragraph documents. */
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
const MAX_GROWTH_FOR_EIGHT_BYTES = 512 * 1024 * 1024;

const RECORD = 'records { sector energyCarrier scope finalEnergyMwh emissionsTco2e notationKey dataQuality }';
const INVENTORY = `id year standard totalEmissionsTco2e verificationStatus ${RECORD}`;

/**
 * The largest requests of each shape: those the old cost model let through (a few aliased pages of members with every
 * inventory and record: 15 MB and 1.5 GiB for eight at once on the demo data) and the largest the limits allow now.
 */
const LARGEST: [string, string][] = [
  [
    'four pages of 100 members with every inventory and record',
    `{ ${[0, 1, 2, 3]
      .map(
        (page) =>
          `p${page}: members(first: 100, filter: { populationMin: ${page} }) { nodes { name inventories { ${INVENTORY} } } }`,
      )
      .join(' ')} }`,
  ],
  [
    'two pages of 96 inventories with every record',
    `{ a: emissionInventories(first: 96, filter: { fromYear: 2008 }) { nodes { ${INVENTORY} } }
       b: emissionInventories(first: 96, filter: { toYear: 2007 }) { nodes { ${INVENTORY} } } }`,
  ],
  [
    'five members with every inventory and record',
    `{ members(first: 5) { nodes { name inventories { ${INVENTORY} } } } }`,
  ],
  [
    'fifteen aliased emission totals by country, year and sector',
    `{ ${Array.from({ length: 15 }, (_, i) => `t${i}: emissionTotals(groupBy: [COUNTRY, YEAR, SECTOR]) { countryCode year sector emissionsTco2e finalEnergyMwh memberCount }`).join(' ')} }`,
  ],
  [
    'emission totals by country, year and sector',
    '{ emissionTotals(groupBy: [COUNTRY, YEAR, SECTOR]) { countryCode year sector emissionsTco2e finalEnergyMwh memberCount }}',
  ],
];

let api: TestApp;

/** Three members with an inventory in every year and two standards, each with 100 records: the contract's maximum. */
async function fillInventories() {
  await api.orm.em.getConnection().execute(`
    with chosen as (select id from member order by name limit 3),
    inventories as (
      insert into emission_inventory (id, created_at, updated_at, member_id, year, standard, total_emissions_tco2e)
      select gen_random_uuid(), now(), now(), chosen.id, year, standard, 100
      from chosen, generate_series(1990, extract(year from now())::int) as year,
           unnest(array['COM_MEI', 'OTHER']::inventory_standard[]) as standard
      on conflict do nothing
      returning id)
    insert into emission_record (id, created_at, updated_at, inventory_id, sector, energy_carrier, scope, emissions_tco2e)
    select gen_random_uuid(), now(), now(), inventories.id, line.sector, line.carrier, line.scope, 1
    from inventories, (
      select sector, carrier, scope
      from unnest(enum_range(null::emission_sector)) as sector, unnest(enum_range(null::energy_carrier)) as carrier,
           unnest(enum_range(null::emission_scope)) as scope
      order by 1, 2, 3 limit 100) as line`);
}

beforeAll(async () => {
  api = await startTestApp();
  await fillInventories();
});
afterAll(() => api.close());

const ask = (query: string) => send(api, { query }, { key: TEST_ADMIN_SECRET });

describe('response size', () => {
  it('refuses each of the largest requests before building it, or answers under the documented maximum', async () => {
    expect(await api.countRows('emission_record')).toBeGreaterThan(3 * 70 * 100);
    const answered: number[] = [];
    for (const [name, query] of LARGEST) {
      const answer = await ask(query);
      const refused = answer.json!.errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED';
      if (refused) {
        expect(answer.status, name).toBe(400);
        expect(answer.json!.data, name).toBeUndefined();
      } else {
        expect(answer.json!.errors, name).toBeUndefined();
        answered.push(answer.body.length);
      }
      expect(answer.body.length, name).toBeLessThan(MAX_RESPONSE_BYTES);
    }
    // the largest allowed answers hold real data: two pages of 96 inventories × 100 records and more
    expect(Math.max(...answered)).toBeGreaterThan(1024 * 1024);
  });

  it('stops an answer whose data hold more list items than its cost assumed', async () => {
    const answer = await ask(
      `{ members(first: 3, orderBy: { field: NAME }) { nodes { inventories { ${INVENTORY} } } } }`,
    );
    expect(answer.json!.extensions.cost.requestedQueryCost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxQueryCost);
    expect(answer.status).toBe(400);
    expect(answer.json!.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/more than 20000 list items/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    expect(answer.json!.data).toBeUndefined();
  });

  it('keeps the memory of eight of the largest requests at once under the documented bound', async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const queries = Array.from({ length: 8 }, (_, i) => LARGEST[i % LARGEST.length][1]);
    const answers = await Promise.all(queries.map(ask));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    for (const answer of answers) {
      if (answer.status === 200) expect(answer.json!.errors).toBeUndefined();
      else expect([answer.status, answer.json!.errors[0].extensions.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    }
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(3);
    console.info(`eight largest requests at once: rss ${before >> 20} MiB before, ${peak >> 20} MiB at peak`);
    expect(peak - before).toBeLessThan(MAX_GROWTH_FOR_EIGHT_BYTES);
  });
});
