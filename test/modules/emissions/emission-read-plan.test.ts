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

/** The select list of the one statement reading `table`. */
function selectListOf(sql: string[], table: string): string {
  const reads = sql.filter((statement) => statement.includes(` from "${table}" as `));
  expect(reads).toHaveLength(1);
  return reads[0].slice(reads[0].indexOf('select ') + 'select '.length, reads[0].indexOf(' from '));
}

const SERIES = `query ($id: ID!) { member(id: $id) {
  targets { origin targetYear reductionPercent }
  inventories { year totalEmissionsTco2e records { sector emissionsTco2e } }
} }`;

describe('inventories, records and targets read only the columns a query selects', () => {
  it('reads the selected inventory, record and target columns, plus the keys they are grouped and sorted by', async () => {
    const { data, sql } = await run(SERIES, { id: NAMED_MEMBERS.muenchen.id });
    expect(selectListOf(sql, 'emission_inventory')).toBe(
      '"i"."id" as "i__id", "i"."year" as "i__year", "i"."standard" as "i__standard", ' +
        '"i"."total_emissions_tco2e" as "i__totalEmissionsTco2e", "i"."member_id" as "i__member"',
    );
    expect(selectListOf(sql, 'emission_record')).toBe(
      '"r"."id" as "r__id", "r"."sector" as "r__sector", "r"."emissions_tco2e" as "r__emissionsTco2e", ' +
        '"r"."inventory_id" as "r__inventory"',
    );
    expect(selectListOf(sql, 'climate_target')).toBe(
      '"t"."id" as "t__id", "t"."origin" as "t__origin", "t"."target_year" as "t__targetYear", ' +
        '"t"."reduction_percent" as "t__reductionPercent", "t"."member_id" as "t__member"',
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

  it('plans each execution from its own variables, for every row of a list', async () => {
    const query = `query ($skip: Boolean!) { members(first: 3) { nodes {
      inventories { year toolName @skip(if: $skip) records { scope @include(if: $skip) } }
    } } }`;
    const skipped = await run(query, { skip: true }, partnerKey);
    expect(selectListOf(skipped.sql, 'emission_inventory')).not.toContain('tool_name');
    expect(selectListOf(skipped.sql, 'emission_record')).toContain('"r"."scope"');
    const included = await run(query, { skip: false }, partnerKey);
    expect(selectListOf(included.sql, 'emission_inventory')).toContain('"i"."tool_name"');
    expect(selectListOf(included.sql, 'emission_record')).not.toContain('scope');
    const inventories = included.data.members.nodes.flatMap((member: { inventories: unknown[] }) => member.inventories);
    expect(inventories.length).toBeGreaterThan(0);
  });
});
