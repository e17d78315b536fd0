import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { DEFAULT_FACTOR_SET_ID } from '../../../seeds/emission-factors.seeder';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const INVENTORY_FIELDS = `id version year standard totalEmissionsTco2e totalFinalEnergyMwh
  records { sector energyCarrier finalEnergyMwh emissionsTco2e emissionFactorTco2ePerMwh
    emissionFactorSet { id name version licence sourceUrl } }
  recomputations { previousTotalEmissionsTco2e totalEmissionsTco2e factorSet { id version }
    previousRecords { energyCarrier finalEnergyMwh emissionsTco2e emissionFactorTco2ePerMwh emissionFactorSetId } }`;
const SUBMIT = `mutation Submit($input: EnergyBalanceInput!) { submitEnergyBalance(input: $input) { ${INVENTORY_FIELDS} } }`;
const RECOMPUTE = `mutation Recompute($id: ID!, $version: Int!, $factorSetId: ID) {
  recomputeEmissionInventory(id: $id, version: $version, factorSetId: $factorSetId) { ${INVENTORY_FIELDS} } }`;
const CREATE_SET = `mutation Create($input: EmissionFactorSetInput!) {
  createEmissionFactorSet(input: $input) { id name version standard licence sourceUrl factors { energyCarrier tco2ePerMwh } } }`;
const CORRECT_SET = `mutation Correct($input: EmissionFactorCorrectionInput!) {
  correctEmissionFactorSet(input: $input) { id name version description licence factors { energyCarrier tco2ePerMwh } } }`;
const PROGRESS = `query($id: ID!) { member(id: $id) { progress { status latestYear latestEmissionsTco2e }
  latestInventory { year totalEmissionsTco2e } } }`;

const gas = (finalEnergyMwh: number) => ({
  sector: 'RESIDENTIAL',
  energyCarrier: 'NATURAL_GAS',
  scope: 'TERRITORIAL',
  finalEnergyMwh,
});

let api: TestApp;
let frankfurtEditor: string;
beforeAll(async () => {
  api = await startTestApp();
  frankfurtEditor = await api.createKey(Role.MEMBER_EDITOR, { memberId: NAMED_MEMBERS.frankfurt.id });
});
afterAll(() => api.close());

async function ok(query: string, variables: Record<string, unknown>, key?: string) {
  const response = await api.graphql(query, variables, { key });
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function writtenRows() {
  return {
    inventories: await api.countRows('emission_inventory'),
    records: await api.countRows('emission_record'),
    sets: await api.countRows('emission_factor_set'),
    factors: await api.countRows('emission_factor'),
    recomputations: await api.countRows('inventory_recomputation'),
    versions: await api.countRows('emission_inventory', 'version > 1'),
  };
}

describe('the default factor set', () => {
  it('is public, sourced and versioned, with the member countries’ electricity mix', async () => {
    const data = await ok(
      `query { emissionFactorSets(standard: BISKO) { id name version licence sourceUrl
        factors(energyCarrier: ELECTRICITY, countryCode: "LU") { countryCode year tco2ePerMwh } } }`,
      {},
    );
    const set = data.emissionFactorSets.find((s: { id: string }) => s.id === DEFAULT_FACTOR_SET_ID);
    expect(set).toMatchObject({ version: 1, sourceUrl: expect.stringMatching(/^https:\/\//) });
    expect(set.licence).toContain('CC BY 4.0');
    expect(set.factors.map((f: { year: number }) => f.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('computes a balance of Mondercange (LU) with it by default, and totals and progress count it', async () => {
    const before = (await ok(PROGRESS, { id: NAMED_MEMBERS.mondercange.id })).member;
    // only the 2010 baseline: no progress yet
    expect(before.progress.status).toBe('NO_DATA');
    const input = {
      memberId: NAMED_MEMBERS.mondercange.id,
      year: 2023,
      standard: 'BISKO',
      lines: [
        { sector: 'RESIDENTIAL', energyCarrier: 'ELECTRICITY', scope: 'TERRITORIAL', finalEnergyMwh: 1000 },
        gas(2000),
      ],
    };
    const inventory = (await ok(SUBMIT, { input }, TEST_ADMIN_SECRET)).submitEnergyBalance;
    // LU 2023: 0.09 t/MWh × 1000 = 90 t; natural gas 0.247 × 2000 = 494 t
    expect(inventory.records).toEqual([
      expect.objectContaining({ energyCarrier: 'ELECTRICITY', emissionsTco2e: 90, emissionFactorTco2ePerMwh: 0.09 }),
      expect.objectContaining({ energyCarrier: 'NATURAL_GAS', emissionsTco2e: 494, emissionFactorTco2ePerMwh: 0.247 }),
    ]);
    expect(inventory.records[0].emissionFactorSet).toMatchObject({ id: DEFAULT_FACTOR_SET_ID, version: 1 });
    expect(inventory).toMatchObject({ totalEmissionsTco2e: 584, totalFinalEnergyMwh: 3000 });
    const after = (await ok(PROGRESS, { id: NAMED_MEMBERS.mondercange.id })).member;
    expect(after.latestInventory).toEqual({ year: 2023, totalEmissionsTco2e: 584 });
    expect(after.progress).toMatchObject({ status: 'OFF_TRACK', latestYear: 2023, latestEmissionsTco2e: 584 });
    const totals = await ok(
      `query($ids: [ID!]) { emissionTotals(groupBy: [YEAR], filter: { memberIds: $ids, fromYear: 2023 }) {
        year emissionsTco2e } }`,
      { ids: [NAMED_MEMBERS.mondercange.id] },
    );
    expect(JSON.stringify(totals)).toContain('584');
  });
});

describe('an energy balance with a named set, recomputed with a corrected version', () => {
  let setId: string;
  let inventory: { id: string; version: number };

  it('10,000 MWh of natural gas at 0.247 t/MWh = 2,470 t, with the factor and the set version on the record', async () => {
    const created = await ok(
      CREATE_SET,
      {
        input: {
          name: 'Test gas factors',
          standard: 'OTHER',
          sourceUrl: 'https://example.org/factors',
          licence: 'CC BY 4.0',
          factors: [{ energyCarrier: 'NATURAL_GAS', tco2ePerMwh: 0.247 }],
        },
      },
      TEST_ADMIN_SECRET,
    );
    setId = created.createEmissionFactorSet.id;
    expect(created.createEmissionFactorSet).toMatchObject({ version: 1, standard: 'OTHER' });
    const input = {
      memberId: NAMED_MEMBERS.frankfurt.id,
      year: 2023,
      standard: 'OTHER',
      factorSetId: setId,
      lines: [gas(10_000)],
    };
    const submitted = (await ok(SUBMIT, { input }, frankfurtEditor)).submitEnergyBalance;
    expect(submitted).toMatchObject({
      version: 1,
      totalEmissionsTco2e: 2470,
      totalFinalEnergyMwh: 10_000,
      recomputations: [],
    });
    expect(submitted.records).toEqual([
      {
        sector: 'RESIDENTIAL',
        energyCarrier: 'NATURAL_GAS',
        finalEnergyMwh: 10_000,
        emissionsTco2e: 2470,
        emissionFactorTco2ePerMwh: 0.247,
        emissionFactorSet: {
          id: setId,
          name: 'Test gas factors',
          version: 1,
          licence: 'CC BY 4.0',
          sourceUrl: 'https://example.org/factors',
        },
      },
    ]);
    inventory = submitted;
  });

  it('a corrected set is a new version; recomputing is explicit, and the old figures stay traceable', async () => {
    const corrected = (
      await ok(
        CORRECT_SET,
        {
          input: {
            setId,
            description: 'gas corrected',
            factors: [{ energyCarrier: 'NATURAL_GAS', tco2ePerMwh: 0.201 }],
          },
        },
        TEST_ADMIN_SECRET,
      )
    ).correctEmissionFactorSet;
    expect(corrected).toMatchObject({
      name: 'Test gas factors',
      version: 2,
      description: 'gas corrected',
      licence: 'CC BY 4.0',
    });
    expect(corrected.factors).toEqual([{ energyCarrier: 'NATURAL_GAS', tco2ePerMwh: 0.201 }]);
    // the inventory keeps its figures until recomputed
    const unchanged = await ok(`query($id: ID!) { emissionFactorSet(id: $id) { version factors { tco2ePerMwh } } }`, {
      id: setId,
    });
    expect(unchanged.emissionFactorSet).toEqual({ version: 1, factors: [{ tco2ePerMwh: 0.247 }] });
    const versions = await ok(`query { emissionFactorSets(name: "Test gas factors") { version } }`, {});
    expect(versions.emissionFactorSets).toEqual([{ version: 2 }, { version: 1 }]);
    const newest = await ok(`query { emissionFactorSets(standard: OTHER) { name version } }`, {});
    expect(newest.emissionFactorSets).toEqual([{ name: 'Test gas factors', version: 2 }]);

    const recomputed = (
      await ok(RECOMPUTE, { id: inventory.id, version: inventory.version, factorSetId: corrected.id }, frankfurtEditor)
    ).recomputeEmissionInventory;
    // 10,000 MWh × 0.201 = 2,010 t
    expect(recomputed).toMatchObject({ version: 2, totalEmissionsTco2e: 2010 });
    expect(recomputed.records[0]).toMatchObject({
      emissionsTco2e: 2010,
      emissionFactorTco2ePerMwh: 0.201,
      emissionFactorSet: { id: corrected.id, version: 2 },
    });
    expect(recomputed.recomputations).toEqual([
      {
        previousTotalEmissionsTco2e: 2470,
        totalEmissionsTco2e: 2010,
        factorSet: { id: corrected.id, version: 2 },
        previousRecords: [
          {
            energyCarrier: 'NATURAL_GAS',
            finalEnergyMwh: 10_000,
            emissionsTco2e: 2470,
            emissionFactorTco2ePerMwh: 0.247,
            emissionFactorSetId: setId,
          },
        ],
      },
    ]);
    const audit = await api.countRows('audit_log_entry', "mutation = 'recomputeEmissionInventory' and succeeded");
    expect(audit).toBe(1);

    const stale = await api.graphql(
      RECOMPUTE,
      { id: inventory.id, version: 1, factorSetId: corrected.id },
      { key: frankfurtEditor },
    );
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    const forked = await api.graphql(
      CORRECT_SET,
      { input: { setId, factors: [{ energyCarrier: 'NATURAL_GAS', tco2ePerMwh: 0.2 }] } },
      { key: TEST_ADMIN_SECRET },
    );
    expect(forked.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('exports the factor and the set version with each computed record', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: `/export/emissions.ndjson?memberIds=${NAMED_MEMBERS.frankfurt.id}&fromYear=2023&toYear=2023`,
      headers: { authorization: `Bearer ${TEST_ADMIN_SECRET}` },
    });
    expect(response.statusCode).toBe(200);
    const rows = response.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toEqual([
      expect.objectContaining({
        year: 2023,
        standard: 'OTHER',
        energy_carrier: 'NATURAL_GAS',
        final_energy_mwh: 10_000,
        emissions_tco2e: 2010,
        emission_factor_tco2e_per_mwh: 0.201,
        emission_factor_set: 'Test gas factors',
        emission_factor_set_version: 2,
      }),
    ]);
  });

  it('refuses to recompute an inventory entered as tCO2e', async () => {
    const wien = await ok(`query($id: ID!) { member(id: $id) { latestInventory { id version } } }`, {
      id: NAMED_MEMBERS.wien.id,
    });
    const { id, version } = wien.member.latestInventory;
    const response = await api.graphql(RECOMPUTE, { id, version }, { key: TEST_ADMIN_SECRET });
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('bad input is refused naming the field, and nothing is written', () => {
  const balance = { memberId: NAMED_MEMBERS.frankfurt.id, year: 2022, standard: 'BISKO', lines: [gas(100)] };
  const electricity = { sector: 'RESIDENTIAL', energyCarrier: 'ELECTRICITY', scope: 'TERRITORIAL', finalEnergyMwh: 10 };
  it.each([
    ['a negative energy', { lines: [gas(-5)] }, 'input.lines[0].finalEnergyMwh'],
    [
      'NOT_ENERGY',
      { lines: [gas(1), { sector: 'WASTE', energyCarrier: 'NOT_ENERGY', scope: 'TERRITORIAL', finalEnergyMwh: 1 }] },
      'input.lines[1].energyCarrier',
    ],
    [
      'a carrier the set has no factor for (district heating is local in BISKO)',
      { lines: [gas(1), { ...electricity, energyCarrier: 'DISTRICT_HEATING' }] },
      'input.lines[1].energyCarrier',
    ],
    [
      'electricity of a year before the set’s first',
      { year: 2010, lines: [electricity] },
      'input.lines[0].energyCarrier',
    ],
    ['an unknown factor set', { factorSetId: '00000000-0000-4000-8000-0000000fac70' }, 'input.factorSetId'],
    ['a malformed factor set id', { factorSetId: 'nope' }, 'input.factorSetId'],
    ['no factor set for the standard', { standard: 'GPC_BASIC' }, 'input.factorSetId'],
    ['the same line twice', { lines: [gas(1), gas(2)] }, 'input.lines[1]'],
    ['no lines', { lines: [] }, 'input.lines'],
  ])('submitEnergyBalance: %s', async (_case, change, field) => {
    const before = await writtenRows();
    const response = await api.graphql(SUBMIT, { input: { ...balance, ...change } }, { key: TEST_ADMIN_SECRET });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await writtenRows()).toEqual(before);
  });

  const set = {
    name: 'Another set',
    standard: 'GPC_BASIC',
    sourceUrl: 'https://example.org/other',
    licence: 'CC0',
    factors: [{ energyCarrier: 'DIESEL', tco2ePerMwh: 0.3 }],
  };
  it.each([
    [
      'a factor for NOT_ENERGY',
      { factors: [{ energyCarrier: 'NOT_ENERGY', tco2ePerMwh: 1 }] },
      'input.factors[0].energyCarrier',
    ],
    [
      'an unknown country',
      { factors: [{ energyCarrier: 'ELECTRICITY', countryCode: 'XX', year: 2022, tco2ePerMwh: 0.4 }] },
      'input.factors[0].countryCode',
    ],
    [
      'a negative factor',
      { factors: [{ energyCarrier: 'DIESEL', tco2ePerMwh: -0.1 }] },
      'input.factors[0].tco2ePerMwh',
    ],
    [
      'the same factor twice',
      {
        factors: [
          { energyCarrier: 'DIESEL', tco2ePerMwh: 0.3 },
          { energyCarrier: 'DIESEL', tco2ePerMwh: 0.31 },
        ],
      },
      'input.factors[1]',
    ],
    ['no source URL', { sourceUrl: 'somewhere' }, 'input.sourceUrl'],
    ['no licence', { licence: ' ' }, 'input.licence'],
    ['a name in use', { name: 'BISKO default (Climate Alliance)' }, 'input.name'],
  ])('createEmissionFactorSet: %s', async (_case, change, field) => {
    const before = await writtenRows();
    const response = await api.graphql(CREATE_SET, { input: { ...set, ...change } }, { key: TEST_ADMIN_SECRET });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await writtenRows()).toEqual(before);
  });
});
