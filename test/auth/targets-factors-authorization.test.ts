import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { DEFAULT_FACTOR_SET_ID } from '../../seeds/emission-factors.seeder';
import { ORG } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';

const { frankfurt, muenchen } = NAMED_MEMBERS;
const COVENANT_MUENCHEN = '00000000-0000-4000-8005-100000000001';
const SET_TARGET = `mutation($input: ClimateTargetInput!) { setClimateTarget(input: $input) { id version } }`;
const REMOVE_TARGET = `mutation($id: ID!, $version: Int!) { removeClimateTarget(id: $id, version: $version) { id } }`;
const SUBMIT_BALANCE = `mutation($input: EnergyBalanceInput!) { submitEnergyBalance(input: $input) { id version } }`;
const RECOMPUTE = `mutation($id: ID!, $version: Int!) { recomputeEmissionInventory(id: $id, version: $version) { id version } }`;
const CREATE_SET = `mutation($input: EmissionFactorSetInput!) { createEmissionFactorSet(input: $input) { id version } }`;
const CORRECT_SET = `mutation($input: EmissionFactorCorrectionInput!) { correctEmissionFactorSet(input: $input) { id version } }`;

const target = (memberId: string) => ({
  memberId,
  origin: 'LOCAL_RESOLUTION',
  type: 'NET_ZERO',
  targetYear: 2040,
  legalStatus: 'COUNCIL_RESOLUTION',
});
const balance = (memberId: string) => ({
  memberId,
  year: 2023,
  standard: 'BISKO',
  lines: [{ sector: 'RESIDENTIAL', energyCarrier: 'NATURAL_GAS', scope: 'TERRITORIAL', finalEnergyMwh: 1000 }],
});
const factorSet = {
  name: 'Authorisation test set',
  standard: 'OTHER',
  sourceUrl: 'https://example.org/set',
  licence: 'CC0',
  factors: [{ energyCarrier: 'DIESEL', tco2ePerMwh: 0.3 }],
};

let api: TestApp;
const keys: Record<string, string | undefined> = {};
let balanceInventory: { id: string; version: number };

/** Every new mutation, as `who` would send it: member-scoped ones for Frankfurt's data. */
function operations(): [string, string, Record<string, unknown>][] {
  return [
    ['setClimateTarget', SET_TARGET, { input: target(frankfurt.id) }],
    ['removeClimateTarget', REMOVE_TARGET, { id: COVENANT_MUENCHEN, version: 1 }],
    ['submitEnergyBalance', SUBMIT_BALANCE, { input: balance(frankfurt.id) }],
    ['recomputeEmissionInventory', RECOMPUTE, balanceInventory],
    ['createEmissionFactorSet', CREATE_SET, { input: factorSet }],
    [
      'correctEmissionFactorSet',
      CORRECT_SET,
      { input: { setId: DEFAULT_FACTOR_SET_ID, factors: [{ energyCarrier: 'DIESEL', tco2ePerMwh: 0.3 }] } },
    ],
  ];
}

async function written(): Promise<Record<string, number>> {
  const [row] = await api.orm.em.getConnection().execute<Record<string, string>[]>(
    `select (select count(*) from climate_target) as targets, (select sum(version) from climate_target) as target_versions,
       (select count(*) from emission_inventory) as inventories, (select sum(version) from emission_inventory) as versions,
       (select count(*) from emission_factor_set) as sets, (select count(*) from inventory_recomputation) as recomputations`,
  );
  return Object.fromEntries(Object.entries(row).map(([name, value]) => [name, Number(value)]));
}

beforeAll(async () => {
  api = await startTestApp();
  keys.PARTNER = await api.createKey(Role.PARTNER);
  keys.ANALYST = await api.createKey(Role.ANALYST);
  keys.COICA_LIAISON = await api.createKey(Role.COICA_LIAISON);
  keys.INDIGENOUS_STEWARD = await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.aidesep });
  keys.frankfurtEditor = await api.createKey(Role.MEMBER_EDITOR, { memberId: frankfurt.id });
  keys.wienEditor = await api.createKey(Role.MEMBER_EDITOR, { memberId: NAMED_MEMBERS.wien.id });
  keys.muenchenEditor = await api.createKey(Role.MEMBER_EDITOR, { memberId: muenchen.id });
  const submitted = await api.graphql(SUBMIT_BALANCE, { input: balance(frankfurt.id) }, { key: TEST_ADMIN_SECRET });
  expect(submitted.errors).toBeUndefined();
  balanceInventory = submitted.data!.submitEnergyBalance;
});
afterAll(() => api.close());

describe('who may write targets, energy balances and factor sets', () => {
  it.each([
    ['anonymous', undefined, 'UNAUTHENTICATED'],
    ['PARTNER', 'PARTNER', 'FORBIDDEN'],
    ['ANALYST', 'ANALYST', 'FORBIDDEN'],
    ['COICA_LIAISON', 'COICA_LIAISON', 'FORBIDDEN'],
    ['INDIGENOUS_STEWARD', 'INDIGENOUS_STEWARD', 'FORBIDDEN'],
    ['the editor of another member', 'wienEditor', 'FORBIDDEN'],
  ])('refuses %s every new mutation, writes nothing, and audits each attempt', async (_who, keyName, code) => {
    const before = await written();
    const auditedBefore = await api.countRows('audit_log_entry', 'not succeeded');
    for (const [name, query, variables] of operations()) {
      const response = await api.graphql(query, variables, { key: keyName ? keys[keyName] : undefined });
      expect(response.errors?.[0].extensions?.code, name).toBe(code);
      const audited = await api.countRows('audit_log_entry', 'mutation = ? and not succeeded and error_code = ?', [
        name,
        code,
      ]);
      expect(audited, name).toBeGreaterThan(0);
    }
    expect(await written()).toEqual(before);
    expect(await api.countRows('audit_log_entry', 'not succeeded')).toBe(auditedBefore + operations().length);
  });

  it("refuses a member's editor the factor sets, which only ADMIN writes", async () => {
    const before = await written();
    for (const [name, query, variables] of operations().slice(4)) {
      const response = await api.graphql(query, variables, { key: keys.frankfurtEditor });
      expect(response.errors?.[0].extensions?.code, name).toBe('FORBIDDEN');
    }
    expect(await written()).toEqual(before);
  });

  it("lets a member's editor write its own targets and energy balances", async () => {
    const set = await api.graphql(SET_TARGET, { input: target(frankfurt.id) }, { key: keys.frankfurtEditor });
    expect(set.errors).toBeUndefined();
    const removeOwn = await api.graphql(
      REMOVE_TARGET,
      { id: set.data!.setClimateTarget.id, version: 1 },
      { key: keys.frankfurtEditor },
    );
    expect(removeOwn.errors).toBeUndefined();
    const removeCovenant = await api.graphql(
      REMOVE_TARGET,
      { id: COVENANT_MUENCHEN, version: 1 },
      { key: keys.muenchenEditor },
    );
    expect(removeCovenant.errors).toBeUndefined();
    const submitted = await api.graphql(
      SUBMIT_BALANCE,
      { input: balance(frankfurt.id) },
      { key: keys.frankfurtEditor },
    );
    expect(submitted.errors).toBeUndefined();
    const recomputed = await api.graphql(RECOMPUTE, submitted.data!.submitEnergyBalance, { key: keys.frankfurtEditor });
    expect(recomputed.errors).toBeUndefined();
    expect(recomputed.data!.recomputeEmissionInventory.version).toBe(submitted.data!.submitEnergyBalance.version + 1);
  });

  it('lets ADMIN do everything, for any member', async () => {
    const set = await api.graphql(SET_TARGET, { input: target(muenchen.id) }, { key: TEST_ADMIN_SECRET });
    expect(set.errors).toBeUndefined();
    const removed = await api.graphql(
      REMOVE_TARGET,
      { id: set.data!.setClimateTarget.id, version: 1 },
      { key: TEST_ADMIN_SECRET },
    );
    expect(removed.errors).toBeUndefined();
    const created = await api.graphql(CREATE_SET, { input: factorSet }, { key: TEST_ADMIN_SECRET });
    expect(created.errors).toBeUndefined();
    const corrected = await api.graphql(
      CORRECT_SET,
      {
        input: {
          setId: created.data!.createEmissionFactorSet.id,
          factors: [{ energyCarrier: 'DIESEL', tco2ePerMwh: 0.31 }],
        },
      },
      { key: TEST_ADMIN_SECRET },
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.correctEmissionFactorSet.version).toBe(2);
    const submitted = await api.graphql(SUBMIT_BALANCE, { input: balance(muenchen.id) }, { key: TEST_ADMIN_SECRET });
    expect(submitted.errors).toBeUndefined();
    const recomputed = await api.graphql(RECOMPUTE, submitted.data!.submitEnergyBalance, { key: TEST_ADMIN_SECRET });
    expect(recomputed.errors).toBeUndefined();
  });
});
