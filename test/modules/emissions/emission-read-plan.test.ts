import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';

let api: TestApp;
let partnerKey: string;
let statements: string[] = [];
beforeAll(async () => {
  api = await startTestApp();
  partnerKey = await api.createKey(Role.PARTNER);
  api.orm.em.getKnex().on('query', (query: { sql: string }) => statements.push(query.sql));
});
afterAll(() => api.close());

/** Runs an operation, checks it answered without errors, and returns its data and the SQL it sent. */
async function run(query: string, variables: Record<string, unknown>, key?: string) {
  statements = [];
  const response = await api.graphql(query, variables, { key });
  expect(response.errors).toBeUndefined();
  expect(response.data).toBeTruthy();
  return { data: response.data!, sql: statements };
}

/**
 * What the one statement reading `table` (as `alias`, within the members' statement) builds into JSON for its rows, as
 * `key: column` pairs: the columns it reads of them.
 */
function jsonOf(sql: string[], table: string, alias: string): string {
  const reads = sql.filter((statement) => statement.includes(` from ${table} as ${alias} `));
  expect(reads).toHaveLength(1);
  expect(reads[0]).toMatch(/ from "member" as "m"/);
  const pairs = [...reads[0].matchAll(new RegExp(`'(\\w+)', ${alias}\\.(\\w+)`, 'g'))];
  return pairs.map(([, key, column]) => `${key}: ${column}`).join(', ');
}

const SERIES = `query ($id: ID!) { member(id: $id) {
  targets { origin targetYear reductionPercent }
  inventories { year totalEmissionsTco2e records { sector emissionsTco2e } }
} }`;

describe("inventories, records and targets are read in the member's statement, only the columns a query selects", () => {
  it('reads the selected inventory, record and target columns, plus what the field arguments filter by', async () => {
    const { data, sql } = await run(SERIES, { id: NAMED_MEMBERS.muenchen.id });
    expect(jsonOf(sql, 'emission_inventory', 'm_inventories')).toBe(
      'year: year, standard: standard, totalEmissionsTco2e: total_emissions_tco2e',
    );
    expect(jsonOf(sql, 'emission_record', 'm_inventories_records')).toBe(
      'sector: sector, emissionsTco2e: emissions_tco2e',
    );
    expect(jsonOf(sql, 'climate_target', 'm_targets')).toBe(
      'origin: origin, targetYear: target_year, reductionPercent: reduction_percent',
    );
    expect(data.member.targets).toEqual([
      { origin: 'CLIMATE_ALLIANCE_CHARTER', targetYear: 2050, reductionPercent: 95 },
      { origin: 'COVENANT_OF_MAYORS', targetYear: 2030, reductionPercent: 55 },
    ]);
    expect(data.member.inventories).toEqual([
      { year: 2000, totalEmissionsTco2e: 5200, records: [{ sector: 'RESIDENTIAL', emissionsTco2e: 5200 }] },
      { year: 2005, totalEmissionsTco2e: 5000, records: [{ sector: 'RESIDENTIAL', emissionsTco2e: 5000 }] },
      { year: 2021, totalEmissionsTco2e: 3000, records: [{ sector: 'RESIDENTIAL', emissionsTco2e: 3000 }] },
    ]);
  });

  it('resolves the member, data source and filtered records of planned inventories', async () => {
    const query = `query ($id: ID!) { member(id: $id) {
      latestInventory { year member { name } dataSource { name } records(sector: TRANSPORT) { sector emissionsTco2e } }
      inventories(fromYear: 2020) { standard member { name } dataSource { name } }
    } }`;
    const { data } = await run(query, { id: NAMED_MEMBERS.wien.id });
    expect(data.member.latestInventory).toEqual({
      year: 2020,
      member: { name: 'Wien' },
      dataSource: { name: 'Klimaschutz-Planer export' },
      records: [{ sector: 'TRANSPORT', emissionsTco2e: 210 }],
    });
    expect(data.member.inventories).toEqual([
      { standard: 'BISKO', member: { name: 'Wien' }, dataSource: { name: 'Klimaschutz-Planer export' } },
    ]);
  });

  it('shows anonymous callers public inventories only, API keys all of them', async () => {
    const query = `query ($id: ID!) { member(id: $id) { latestInventory { year } inventories { year isPublic } } }`;
    const variables = { id: NAMED_MEMBERS.klimaverein.id };
    const anonymous = await run(query, variables);
    expect(anonymous.data.member).toEqual({
      latestInventory: { year: 1990 },
      inventories: [{ year: 1990, isPublic: true }],
    });
    const partner = await run(query, variables, partnerKey);
    expect(partner.data.member).toEqual({
      latestInventory: { year: 2022 },
      inventories: [
        { year: 1990, isPublic: true },
        { year: 2022, isPublic: false },
      ],
    });
  });

  it('lists members with public inventories only for anonymous callers after an API key listed them with all', async () => {
    // the same document for both: the list's plan is remembered across requests, never across what viewers may see
    const query = `query ($name: String) { members(first: 1, filter: { nameContains: $name }) {
      nodes { name latestInventory { year } inventories { year isPublic } } } }`;
    const variables = { name: NAMED_MEMBERS.klimaverein.name };
    const partner = await run(query, variables, partnerKey);
    expect(partner.data.members.nodes).toEqual([
      {
        name: NAMED_MEMBERS.klimaverein.name,
        latestInventory: { year: 2022 },
        inventories: [
          { year: 1990, isPublic: true },
          { year: 2022, isPublic: false },
        ],
      },
    ]);
    const anonymous = await run(query, variables);
    expect(anonymous.data.members.nodes).toEqual([
      {
        name: NAMED_MEMBERS.klimaverein.name,
        latestInventory: { year: 1990 },
        inventories: [{ year: 1990, isPublic: true }],
      },
    ]);
  });

  it('answers as the loaders do for members that no plan read, for anonymous callers and API keys', async () => {
    const lists = `name
      inventories { year standard isPublic totalEmissionsTco2e toolName records { sector energyCarrier scope emissionsTco2e } }
      bisko: inventories(standard: BISKO, fromYear: 2000) { year records(sector: TRANSPORT) { emissionsTco2e } }
      latestInventory { year verificationStatus publishedAt member { name } records { sector } }
      targets { origin type baseYear targetYear reductionPercent }`;
    const planned = `query ($id: ID!) { member(id: $id) { ${lists} } }`;
    const loaded = `query ($ids: [ID!]) { emissionInventories(first: 1, filter: { memberIds: $ids }) {
      nodes { member { ${lists} } } } }`;
    for (const member of [NAMED_MEMBERS.wien, NAMED_MEMBERS.klimaverein, NAMED_MEMBERS.muenchen]) {
      for (const key of [undefined, partnerKey]) {
        const viaPlan = await run(planned, { id: member.id }, key);
        const viaLoaders = await run(loaded, { ids: [member.id] }, key);
        expect(viaPlan.sql.filter((statement) => statement.includes('emission_record'))).toHaveLength(1);
        // the loaders read records in statements of their own
        expect(viaLoaders.sql.some((statement) => statement.includes(' from "emission_record"'))).toBe(true);
        expect(viaPlan.data.member.inventories.length).toBeGreaterThan(0);
        expect(viaLoaders.data.emissionInventories.nodes).toEqual([{ member: viaPlan.data.member }]);
      }
    }
  });

  it('plans each execution from its own variables, for every row of a list', async () => {
    const query = `query ($skip: Boolean!) { members(first: 3) { nodes {
      inventories { year toolName @skip(if: $skip) records { scope @include(if: $skip) } }
    } } }`;
    const skipped = await run(query, { skip: true }, partnerKey);
    expect(jsonOf(skipped.sql, 'emission_inventory', 'm_inventories')).not.toContain('tool_name');
    expect(jsonOf(skipped.sql, 'emission_record', 'm_inventories_records')).toContain('scope: scope');
    const included = await run(query, { skip: false }, partnerKey);
    expect(jsonOf(included.sql, 'emission_inventory', 'm_inventories')).toContain('toolName: tool_name');
    expect(jsonOf(included.sql, 'emission_record', 'm_inventories_records')).not.toContain('scope');
    const inventories = included.data.members.nodes.flatMap((member: { inventories: unknown[] }) => member.inventories);
    expect(inventories.length).toBeGreaterThan(0);
  });
});
