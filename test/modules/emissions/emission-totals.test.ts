import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { SCENARIO_INVENTORIES } from '../../scenarios/emissions.scenario';
import { GENERATED_MEMBER_COUNT, generatedMemberId, NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';

const TOTALS = `
  query Totals($groupBy: [EmissionDimension!]!, $filter: EmissionTotalsFilter) {
    emissionTotals(groupBy: $groupBy, filter: $filter) {
      countryCode memberId memberCategory year sector energyCarrier standard
      emissionsTco2e finalEnergyMwh memberCount
    }
  }`;

type Filter = {
  countryCodes?: string[];
  memberIds?: string[];
  memberCategories?: string[];
  fromYear?: number;
  toYear?: number;
  sectors?: string[];
  energyCarriers?: string[];
  standards?: string[];
  scopes?: string[];
};

const MEMBERS = new Map<string, { countryCode: string; category: string }>([
  ...Object.values(NAMED_MEMBERS).map((m) => [m.id, { countryCode: m.countryCode, category: m.category }] as const),
  ...Array.from(
    { length: GENERATED_MEMBER_COUNT },
    (_, i) => [generatedMemberId(i + 1), { countryCode: 'AT', category: 'MUNICIPALITY' }] as const,
  ),
]);
const PREFERENCE = ['BISKO', 'COM_BEI', 'COM_MEI', 'GPC_BASIC', 'GPC_BASIC_PLUS', 'OTHER'];
const FIELDS: Record<string, string> = {
  COUNTRY: 'countryCode',
  MEMBER: 'memberId',
  MEMBER_CATEGORY: 'memberCategory',
  YEAR: 'year',
  SECTOR: 'sector',
  ENERGY_CARRIER: 'energyCarrier',
  STANDARD: 'standard',
};
const has = (list: string[] | undefined, value: string) => !list?.length || list.includes(value);

/** The totals computed in plain JavaScript from the scenario's records, as the API documents them. */
function expectedTotals(groupBy: string[], filter: Filter, publicOnly: boolean) {
  const inventories = SCENARIO_INVENTORIES.filter((inventory) => {
    const member = MEMBERS.get(inventory.memberId)!;
    return (
      (!publicOnly || inventory.isPublic) &&
      has(filter.countryCodes, member.countryCode) &&
      has(filter.memberIds, inventory.memberId) &&
      has(filter.memberCategories, member.category) &&
      inventory.year >= (filter.fromYear ?? 0) &&
      inventory.year <= (filter.toYear ?? 9999) &&
      has(filter.standards, inventory.standard)
    );
  });
  const counted = groupBy.includes('STANDARD')
    ? inventories
    : inventories.filter(
        (inventory) =>
          !inventories.some(
            (other) =>
              other.memberId === inventory.memberId &&
              other.year === inventory.year &&
              PREFERENCE.indexOf(other.standard) < PREFERENCE.indexOf(inventory.standard),
          ),
      );
  const groups = new Map<string, Record<string, unknown> & { members: Set<string> }>();
  for (const inventory of counted) {
    const member = MEMBERS.get(inventory.memberId)!;
    for (const record of inventory.records) {
      if (!has(filter.sectors, record.sector) || !has(filter.energyCarriers, record.energyCarrier)) continue;
      if (!has(filter.scopes, record.scope)) continue;
      const values: Record<string, unknown> = {
        countryCode: member.countryCode,
        memberId: inventory.memberId,
        memberCategory: member.category,
        year: inventory.year,
        sector: record.sector,
        energyCarrier: record.energyCarrier,
        standard: inventory.standard,
      };
      const dims: Record<string, unknown> = Object.fromEntries(Object.values(FIELDS).map((field) => [field, null]));
      for (const dimension of groupBy) dims[FIELDS[dimension]] = values[FIELDS[dimension]];
      const key = JSON.stringify(dims);
      const group = groups.get(key) ?? { ...dims, emissionsTco2e: 0, finalEnergyMwh: null, members: new Set() };
      group.emissionsTco2e = (group.emissionsTco2e as number) + (record.emissionsTco2e ?? 0);
      if (record.finalEnergyMwh !== null) {
        group.finalEnergyMwh = ((group.finalEnergyMwh as number | null) ?? 0) + record.finalEnergyMwh;
      }
      group.members.add(inventory.memberId);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ members, ...group }) => ({ ...group, memberCount: members.size }));
}

const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

let api: TestApp;
let partnerKey: string;
beforeAll(async () => {
  api = await startTestApp();
  partnerKey = await api.createKey(Role.PARTNER);
});
afterAll(() => api.close());

describe('emissionTotals against sums computed from the scenario', () => {
  const { frankfurt, muenchen } = NAMED_MEMBERS;
  it.each([
    [['YEAR'], {}],
    [['COUNTRY', 'MEMBER_CATEGORY'], {}],
    // grouped by MEMBER and YEAR, a filter naming the members keeps the cost (one point a group) under the limit
    [['MEMBER', 'YEAR'], { countryCodes: ['DE'], memberIds: [frankfurt.id, muenchen.id] }],
    [['SECTOR', 'ENERGY_CARRIER'], { fromYear: 2000 }],
    [['STANDARD', 'YEAR'], {}],
    [[], { sectors: ['TRANSPORT'], scopes: ['SCOPE_1', 'TERRITORIAL'] }],
    [['COUNTRY'], { standards: ['COM_MEI', 'COM_BEI'] }],
    [['YEAR', 'SECTOR'], { memberIds: [frankfurt.id, muenchen.id], energyCarriers: ['HEATING_OIL', 'NATURAL_GAS'] }],
    [['MEMBER'], { memberCategories: ['ASSOCIATION_NGO'] }],
    // several values of a line column: summed from the network totals, each member counted once
    [['YEAR'], { energyCarriers: ['ELECTRICITY', 'NATURAL_GAS'] }],
    [['COUNTRY', 'YEAR'], { energyCarriers: ['ELECTRICITY', 'NATURAL_GAS', 'DIESEL'], scopes: ['SCOPE_1'] }],
    [['ENERGY_CARRIER', 'YEAR'], { scopes: ['SCOPE_1', 'SCOPE_2'] }],
    [['YEAR'], { scopes: ['SCOPE_1', 'SCOPE_2'], countryCodes: ['DE', 'AT'] }],
    [['SECTOR', 'YEAR'], { scopes: ['SCOPE_1', 'TERRITORIAL'], sectors: ['RESIDENTIAL', 'TRANSPORT', 'WASTE'] }],
    [['MEMBER_CATEGORY', 'YEAR'], { sectors: ['RESIDENTIAL', 'TRANSPORT'] }],
    // several standards: the preferred inventory among them
    [['YEAR'], { standards: ['BISKO', 'COM_MEI'] }],
    [['COUNTRY', 'YEAR'], { standards: ['COM_MEI', 'COM_BEI', 'GPC_BASIC'], fromYear: 2000 }],
    [['STANDARD', 'YEAR'], { standards: ['BISKO', 'COM_MEI'], sectors: ['RESIDENTIAL', 'TRANSPORT'] }],
    // not by year: still the lines
    [['COUNTRY'], { standards: ['BISKO', 'COM_MEI'], energyCarriers: ['ELECTRICITY', 'NATURAL_GAS'] }],
    // by energy carrier, scope or standard over a range of years: each member counted once
    [['ENERGY_CARRIER'], { fromYear: 2005 }],
    [['COUNTRY', 'ENERGY_CARRIER'], { scopes: ['SCOPE_1'], toYear: 2020 }],
    [['COUNTRY'], { scopes: ['SCOPE_2'], fromYear: 1995, toYear: 2022 }],
    [['SECTOR'], { scopes: ['SCOPE_1'] }],
    [['STANDARD'], { fromYear: 2000 }],
    [['STANDARD', 'SECTOR'], {}],
    [['MEMBER_CATEGORY'], { standards: ['COM_MEI'] }],
  ])('groupBy %j with filter %j', async (groupBy, filter) => {
    for (const [key, publicOnly] of [
      [undefined, true],
      [partnerKey, false],
    ] as const) {
      const response = await api.graphql(TOTALS, { groupBy, filter }, { key });
      expect(response.errors).toBeUndefined();
      expect(sorted(response.data!.emissionTotals)).toEqual(sorted(expectedTotals(groupBy, filter, publicOnly)));
    }
  });
});

describe('emissionTotals: worked by hand', () => {
  const { frankfurt, wien, klimaverein } = NAMED_MEMBERS;
  const totals = async (groupBy: string[], filter: Filter, key?: string) => {
    const response = await api.graphql(TOTALS, { groupBy, filter }, { key });
    expect(response.errors).toBeUndefined();
    return response.data!.emissionTotals;
  };

  it('counts one inventory per member and year (BISKO over COM_MEI), unless grouped by standard', async () => {
    const [total] = await totals([], { memberIds: [frankfurt.id] });
    expect(total).toMatchObject({ year: null, emissionsTco2e: 2000 + 1500, memberCount: 1 });
    const byStandard = await totals(['STANDARD'], { memberIds: [frankfurt.id] });
    expect(
      byStandard.map((row: { standard: string; emissionsTco2e: number }) => [row.standard, row.emissionsTco2e]),
    ).toEqual([
      ['BISKO', 3500],
      ['COM_MEI', 1200],
    ]);
    const [covenantOnly] = await totals([], { memberIds: [frankfurt.id], standards: ['COM_MEI'] });
    expect(covenantOnly.emissionsTco2e).toBe(1200);
  });

  it('adds nothing for a notation key, in order of the grouped dimension', async () => {
    const rows = await totals(['SECTOR'], { memberIds: [wien.id], fromYear: 1990, toYear: 1990 });
    expect(rows).toEqual([
      { ...rows[0], sector: 'RESIDENTIAL', emissionsTco2e: 400, finalEnergyMwh: 1600, memberCount: 1 },
      { ...rows[1], sector: 'COMMERCIAL_SERVICES', emissionsTco2e: 250, finalEnergyMwh: 1000, memberCount: 1 },
      { ...rows[2], sector: 'TRANSPORT', emissionsTco2e: 350, finalEnergyMwh: 1400, memberCount: 1 },
      { ...rows[3], sector: 'WASTE', emissionsTco2e: 0, finalEnergyMwh: null, memberCount: 1 },
    ]);
  });

  it('sums public inventories only for anonymous callers', async () => {
    const anonymous = await totals(['YEAR'], { memberIds: [klimaverein.id] });
    expect(anonymous.map((row: { year: number }) => row.year)).toEqual([1990]);
    const partner = await totals(['YEAR'], { memberIds: [klimaverein.id] }, partnerKey);
    expect(partner.map((row: { year: number; emissionsTco2e: number }) => [row.year, row.emissionsTco2e])).toEqual([
      [1990, 20],
      [2022, 10],
    ]);
  });

  it('gives one grand total row without groupBy, zero when nothing matches', async () => {
    const rows = await totals([], { memberIds: [NAMED_MEMBERS.contern.id] });
    expect(rows).toEqual([{ ...rows[0], emissionsTco2e: 0, finalEnergyMwh: null, memberCount: 0 }]);
  });

  it('aggregates in one SQL statement', async () => {
    api.resetStatementCount();
    await totals(['COUNTRY', 'YEAR', 'SECTOR'], {});
    expect(api.statementCount()).toBe(1);
  });

  it('aggregates several values of a line column in one SQL statement', async () => {
    api.resetStatementCount();
    await totals(['ENERGY_CARRIER', 'YEAR'], { scopes: ['SCOPE_1', 'SCOPE_2'] });
    expect(api.statementCount()).toBe(1);
    api.resetStatementCount();
    await totals(['YEAR'], { standards: ['BISKO', 'COM_MEI'] });
    expect(api.statementCount()).toBe(1);
  });

  it.each([
    [{ countryCodes: ['XX'] }, 'filter.countryCodes[0]'],
    [{ memberIds: ['not-a-uuid'] }, 'filter.memberIds[0]'],
    [{ fromYear: 2020, toYear: 2019 }, 'filter.toYear'],
    [{ sectors: Array.from({ length: 101 }, () => 'WASTE') }, 'filter.sectors'],
  ])('rejects %j naming the field', async (filter, field) => {
    const response = await api.graphql(TOTALS, { groupBy: ['YEAR'], filter });
    expect(response.data).toBeNull();
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
