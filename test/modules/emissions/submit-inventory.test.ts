import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { SCENARIO_DATA_SOURCE_ID } from '../../scenarios/emissions.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const SUBMIT = `
  mutation Submit($input: EmissionInventoryInput!) {
    submitEmissionInventory(input: $input) {
      id year standard isBaseline isPublic publishedAt verificationStatus version totalEmissionsTco2e totalFinalEnergyMwh toolName
      member { id } dataSource { id name url }
      records { sector energyCarrier scope emissionsTco2e finalEnergyMwh dataQuality notationKey notationExplanation }
    }
  }`;

const { mondercange, contern, wien } = NAMED_MEMBERS;
const GAS = { sector: 'RESIDENTIAL', energyCarrier: 'NATURAL_GAS', scope: 'SCOPE_1' };
const POWER = { sector: 'RESIDENTIAL', energyCarrier: 'ELECTRICITY', scope: 'SCOPE_2' };
const WASTE = { sector: 'WASTE', energyCarrier: 'NOT_ENERGY', scope: 'SCOPE_1' };

function input(overrides: Record<string, unknown> = {}) {
  return {
    memberId: mondercange.id,
    year: 2022,
    standard: 'COM_MEI',
    records: [
      { ...GAS, emissionsTco2e: 12.5, finalEnergyMwh: 50.25, dataQuality: 'A' },
      { ...POWER, emissionsTco2e: 7.25, finalEnergyMwh: 40 },
      { ...WASTE, notationKey: 'NE', notationExplanation: 'not estimated yet' },
    ],
    ...overrides,
  };
}

let api: TestApp;
let editorOfMondercange: string;
beforeAll(async () => {
  api = await startTestApp();
  editorOfMondercange = await api.createKey(Role.MEMBER_EDITOR, { memberId: mondercange.id });
});
afterAll(() => api.close());

/** Everything a submission could write, to compare before and after a refused one. */
async function snapshot() {
  const [row] = await api.orm.em.fork().getConnection().execute(`
    select (select count(*) from emission_inventory) as inventories,
           (select sum(version) from emission_inventory) as versions,
           (select sum(total_emissions_tco2e) from emission_inventory) as totals,
           (select count(*) from emission_record) as records,
           (select count(*) from data_source) as sources`);
  return row;
}

/** Inventories whose stored totals differ from the sums of their records: there must be none. */
async function totalsDisagreeing(): Promise<number> {
  const [row] = await api.orm.em.fork().getConnection().execute(`
    select count(*) as count from emission_inventory i
    where i.total_emissions_tco2e <> (select coalesce(sum(r.emissions_tco2e), 0) from emission_record r where r.inventory_id = i.id)
       or i.total_final_energy_mwh is distinct from (select sum(r.final_energy_mwh) from emission_record r where r.inventory_id = i.id)`);
  return Number(row.count);
}

describe('submitEmissionInventory: who may write', () => {
  it.each([
    ['anonymous', null, 'UNAUTHENTICATED'],
    ['a partner', Role.PARTNER, 'FORBIDDEN'],
    ['an analyst', Role.ANALYST, 'FORBIDDEN'],
    ['the editor of another member', Role.MEMBER_EDITOR, 'FORBIDDEN'],
  ])('refuses %s and writes nothing', async (_who, role, code) => {
    const key = role ? await api.createKey(role, { memberId: contern.id }) : undefined;
    const before = await snapshot();
    const response = await api.graphql(SUBMIT, { input: input() }, { key });
    expect(response.data).toBeNull();
    expect(response.errors![0].extensions!.code).toBe(code);
    expect(await snapshot()).toEqual(before);
  });

  it('lets the editor of the member and an admin write', async () => {
    const byEditor = await api.graphql(SUBMIT, { input: input() }, { key: editorOfMondercange });
    expect(byEditor.errors).toBeUndefined();
    const byAdmin = await api.graphql(SUBMIT, { input: input({ memberId: contern.id }) }, { key: TEST_ADMIN_SECRET });
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data!.submitEmissionInventory.member.id).toBe(contern.id);
  });
});

describe('submitEmissionInventory: create and replace', () => {
  it('creates an inventory whose totals are the sums of its records', async () => {
    const response = await api.graphql(
      SUBMIT,
      {
        input: input({
          year: 2023,
          isBaseline: true,
          isPublic: false,
          toolName: ' MyCovenant ',
          publishedAt: '2024-03-01T12:00:00.000Z',
          verificationStatus: 'VERIFIED',
        }),
      },
      { key: editorOfMondercange },
    );
    expect(response.errors).toBeUndefined();
    const inventory = response.data!.submitEmissionInventory;
    expect(inventory).toMatchObject({
      year: 2023,
      standard: 'COM_MEI',
      isBaseline: true,
      isPublic: false,
      version: 1,
      toolName: 'MyCovenant',
      publishedAt: '2024-03-01T12:00:00.000Z',
      verificationStatus: 'VERIFIED',
      totalEmissionsTco2e: 19.75,
      totalFinalEnergyMwh: 90.25,
      dataSource: null,
    });
    // by sector, then energy carrier and scope in the order of their enums
    expect(inventory.records).toEqual([
      {
        ...POWER,
        emissionsTco2e: 7.25,
        finalEnergyMwh: 40,
        dataQuality: null,
        notationKey: null,
        notationExplanation: null,
      },
      {
        ...GAS,
        emissionsTco2e: 12.5,
        finalEnergyMwh: 50.25,
        dataQuality: 'A',
        notationKey: null,
        notationExplanation: null,
      },
      {
        ...WASTE,
        emissionsTco2e: null,
        finalEnergyMwh: null,
        dataQuality: null,
        notationKey: 'NE',
        notationExplanation: 'not estimated yet',
      },
    ]);
    expect(await totalsDisagreeing()).toBe(0);
  });

  it('replaces the inventory of the same member, year and standard with all its records, in place', async () => {
    const first = await api.graphql(SUBMIT, { input: input({ year: 2021 }) }, { key: editorOfMondercange });
    const { id } = first.data!.submitEmissionInventory;
    const second = await api.graphql(
      SUBMIT,
      {
        input: input({
          year: 2021,
          dataSource: { name: 'Gemeinde report 2021', url: 'https://example.org/report.pdf', licence: 'CC0' },
          records: [{ ...POWER, emissionsTco2e: 3 }],
        }),
      },
      { key: editorOfMondercange },
    );
    expect(second.errors).toBeUndefined();
    expect(second.data!.submitEmissionInventory).toMatchObject({
      id,
      version: 2,
      totalEmissionsTco2e: 3,
      totalFinalEnergyMwh: null,
      dataSource: { name: 'Gemeinde report 2021', url: 'https://example.org/report.pdf' },
      records: [{ ...POWER, emissionsTco2e: 3 }],
    });
    const [row] = await api.orm.em
      .fork()
      .getConnection()
      .execute('select count(*) as count from emission_record where inventory_id = ?', [id]);
    expect(Number(row.count)).toBe(1);
    expect(await totalsDisagreeing()).toBe(0);
  });

  it('links an existing data source and keeps other standards of that year apart', async () => {
    const response = await api.graphql(
      SUBMIT,
      { input: input({ memberId: wien.id, year: 2020, standard: 'COM_MEI', dataSourceId: SCENARIO_DATA_SOURCE_ID }) },
      { key: TEST_ADMIN_SECRET },
    );
    expect(response.data!.submitEmissionInventory.dataSource.id).toBe(SCENARIO_DATA_SOURCE_ID);
    const member = await api.graphql(
      `query($id: ID!) { member(id: $id) { inventories(fromYear: 2020) { standard totalEmissionsTco2e } } }`,
      {
        id: wien.id,
      },
    );
    expect(member.data!.member.inventories).toEqual([
      { standard: 'BISKO', totalEmissionsTco2e: 600 },
      { standard: 'COM_MEI', totalEmissionsTco2e: 19.75 },
    ]);
  });
});

describe('submitEmissionInventory: validation (nothing is written when any rule fails)', () => {
  const records = input().records;
  const thisYear = new Date().getUTCFullYear();
  it.each([
    ['a year before 1990', { year: 1989 }, 'input.year'],
    ['a year after this one', { year: thisYear + 1 }, 'input.year'],
    [
      'a negative value',
      { records: [records[0], { ...POWER, emissionsTco2e: -1 }] },
      'input.records[1].emissionsTco2e',
    ],
    [
      'negative energy',
      { records: [{ ...GAS, emissionsTco2e: 1, finalEnergyMwh: -0.5 }] },
      'input.records[0].finalEnergyMwh',
    ],
    ['an absurdly large value', { records: [{ ...GAS, emissionsTco2e: 1e13 }] }, 'input.records[0].emissionsTco2e'],
    ['neither value nor notation key', { records: [records[0], { ...POWER }] }, 'input.records[1].emissionsTco2e'],
    [
      'both a value and a notation key',
      {
        records: [records[0], records[1], { ...WASTE, emissionsTco2e: 1, notationKey: 'IE', notationExplanation: 'x' }],
      },
      'input.records[2].notationKey',
    ],
    [
      'a notation key without explanation',
      { records: [{ ...WASTE, notationKey: 'NO' }] },
      'input.records[0].notationExplanation',
    ],
    [
      'an explanation without a notation key',
      { records: [{ ...GAS, emissionsTco2e: 1, notationExplanation: 'why' }] },
      'input.records[0].notationExplanation',
    ],
    [
      'energy with a notation key',
      { records: [{ ...WASTE, notationKey: 'C', notationExplanation: 'confidential', finalEnergyMwh: 3 }] },
      'input.records[0].finalEnergyMwh',
    ],
    [
      'a data quality with a notation key',
      { records: [{ ...WASTE, notationKey: 'C', notationExplanation: 'confidential', dataQuality: 'B' }] },
      'input.records[0].dataQuality',
    ],
    [
      'a duplicate sector × carrier × scope',
      { records: [records[0], records[1], { ...records[0] }] },
      'input.records[2]',
    ],
    ['no records', { records: [] }, 'input.records'],
    [
      'more than 500 records',
      { records: Array.from({ length: 501 }, (_, i) => ({ ...GAS, emissionsTco2e: i })) },
      'input.records',
    ],
    ['an invalid member id', { memberId: 'mondercange' }, 'input.memberId'],
    [
      'both dataSourceId and dataSource',
      { dataSourceId: SCENARIO_DATA_SOURCE_ID, dataSource: { name: 'x' } },
      'input.dataSource',
    ],
    ['an unknown data source', { dataSourceId: '00000000-0000-4000-8000-00000000dead' }, 'input.dataSourceId'],
    ['a data source without a name', { dataSource: { name: '  ' } }, 'input.dataSource.name'],
    ['a data source URL that is not http(s)', { dataSource: { name: 'x', url: 'ftp://x' } }, 'input.dataSource.url'],
  ])('refuses %s', async (_rule, overrides, field) => {
    const before = await snapshot();
    const response = await api.graphql(SUBMIT, { input: input(overrides) }, { key: TEST_ADMIN_SECRET });
    expect(response.data).toBeNull();
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors![0].message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown member with NOT_FOUND', async () => {
    const before = await snapshot();
    const response = await api.graphql(
      SUBMIT,
      { input: input({ memberId: '00000000-0000-4000-8000-0000000000ff' }) },
      { key: TEST_ADMIN_SECRET },
    );
    expect(response.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.memberId' });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'a sector that is not in the enum',
      { records: [{ ...GAS, sector: 'SPACE', emissionsTco2e: 1 }] },
      'input.records[0].sector',
    ],
    ['a standard that is not in the enum', { standard: 'ISO_14064' }, 'input.standard'],
  ])('refuses %s before it reaches the resolver', async (_rule, overrides, path) => {
    const before = await snapshot();
    const response = await api.graphql(SUBMIT, { input: input(overrides) }, { key: TEST_ADMIN_SECRET });
    expect(response.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toContain(`at "${path}"`);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a value that is not finite (1e400 in JSON is Infinity)', async () => {
    const payload = JSON.stringify({
      query: SUBMIT,
      variables: { input: input({ records: [{ ...GAS, emissionsTco2e: 1 }] }) },
    });
    const response = await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_SECRET}` },
      payload: payload.replace('"emissionsTco2e":1', '"emissionsTco2e":1e400'),
    });
    expect(response.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.json().errors[0].message).toContain('input.records[0].emissionsTco2e');
  });
});
