import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { GENERATED_2020_SHARES, SCENARIO_INVENTORIES } from '../../scenarios/emissions.scenario';
import { GENERATED_MEMBER_COUNT, NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';

const ALLIANCE = `
  query Alliance($filter: AllianceProgressFilter) {
    allianceProgress(filter: $filter) {
      memberCount onTrackCount slightlyOffCount offTrackCount noDataCount
      years { year emissionsTco2e reportingMembers }
    }
  }`;

// worked out by hand from the scenario: 1990 → 2020 shares of 0.4 and 0.5 are at or below the path (0.525),
// 0.55 is within 10 % above it, 0.7 is further off
const STATUS_OF_SHARE: Record<number, string> = { 0.4: 'ON', 0.5: 'ON', 0.55: 'SLIGHTLY', 0.7: 'OFF' };

function expectedCounts(klimavereinStatus: 'NO_DATA' | 'SLIGHTLY') {
  const counts = { ON: 1, SLIGHTLY: 0, OFF: 3, NO_DATA: 2 }; // München; Wien, Frankfurt, zero-baseline 001; Mondercange, Contern
  counts[klimavereinStatus === 'NO_DATA' ? 'NO_DATA' : 'SLIGHTLY']++;
  for (let i = 2; i <= GENERATED_MEMBER_COUNT; i++) {
    counts[STATUS_OF_SHARE[GENERATED_2020_SHARES[i % 4]] as keyof typeof counts]++;
  }
  return counts;
}

const PREFERENCE = ['BISKO', 'COM_BEI', 'COM_MEI', 'GPC_BASIC', 'GPC_BASIC_PLUS', 'OTHER'];

/** Per year: the sum over current members of their preferred inventory's records, and how many report. */
function expectedYears(publicOnly: boolean, fromYear = 0, toYear = 9999) {
  const chosen = new Map<string, (typeof SCENARIO_INVENTORIES)[number]>();
  for (const inventory of SCENARIO_INVENTORIES) {
    if (inventory.memberId === NAMED_MEMBERS.altdorf.id || (publicOnly && !inventory.isPublic)) continue;
    if (inventory.year < fromYear || inventory.year > toYear) continue;
    const key = `${inventory.memberId}/${inventory.year}`;
    const other = chosen.get(key);
    if (!other || PREFERENCE.indexOf(inventory.standard) < PREFERENCE.indexOf(other.standard))
      chosen.set(key, inventory);
  }
  const years = new Map<number, { year: number; emissionsTco2e: number; reportingMembers: number }>();
  for (const inventory of chosen.values()) {
    const row = years.get(inventory.year) ?? { year: inventory.year, emissionsTco2e: 0, reportingMembers: 0 };
    row.emissionsTco2e += inventory.records.reduce((sum, record) => sum + (record.emissionsTco2e ?? 0), 0);
    row.reportingMembers++;
    years.set(inventory.year, row);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

let api: TestApp;
let analystKey: string;
beforeAll(async () => {
  api = await startTestApp();
  analystKey = await api.createKey(Role.ANALYST);
});
afterAll(() => api.close());

describe('allianceProgress', () => {
  it('counts members per Charter status and sums public emissions per year for anonymous callers', async () => {
    const response = await api.graphql(ALLIANCE);
    expect(response.errors).toBeUndefined();
    const counts = expectedCounts('NO_DATA');
    expect(response.data!.allianceProgress).toEqual({
      memberCount: Object.keys(NAMED_MEMBERS).length - 1 + GENERATED_MEMBER_COUNT,
      onTrackCount: counts.ON,
      slightlyOffCount: counts.SLIGHTLY,
      offTrackCount: counts.OFF,
      noDataCount: counts.NO_DATA,
      years: expectedYears(true),
    });
  });

  it('counts non-public inventories for API keys', async () => {
    const response = await api.graphql(ALLIANCE, {}, { key: analystKey });
    const counts = expectedCounts('SLIGHTLY');
    expect(response.data!.allianceProgress).toMatchObject({
      slightlyOffCount: counts.SLIGHTLY,
      noDataCount: counts.NO_DATA,
      years: expectedYears(false),
    });
    expect(response.data!.allianceProgress.years.find((y: { year: number }) => y.year === 2022)).toEqual({
      year: 2022,
      emissionsTco2e: 10,
      reportingMembers: 1,
    });
  });

  it('narrows by year range, country, category and membership status', async () => {
    const years = await api.graphql(ALLIANCE, { filter: { fromYear: 2005, toYear: 2020 } });
    expect(years.data!.allianceProgress.years).toEqual(expectedYears(true, 2005, 2020));

    const cities = await api.graphql(ALLIANCE, { filter: { countryCodes: ['de', 'AT'], memberCategories: ['CITY'] } });
    expect(cities.data!.allianceProgress).toMatchObject({ memberCount: 3, onTrackCount: 1, offTrackCount: 2 });
    expect(cities.data!.allianceProgress.years[0]).toEqual({ year: 1990, emissionsTco2e: 3000, reportingMembers: 2 });

    const left = await api.graphql(ALLIANCE, { filter: { memberStatuses: ['LEFT'] } });
    expect(left.data!.allianceProgress).toMatchObject({ memberCount: 1, onTrackCount: 1 });
    expect(left.data!.allianceProgress.years).toEqual([
      { year: 2000, emissionsTco2e: 50, reportingMembers: 1 },
      { year: 2008, emissionsTco2e: 40, reportingMembers: 1 },
    ]);
  });

  it.each([
    [{ countryCodes: ['XX'] }, 'filter.countryCodes[0]'],
    [{ fromYear: 2020, toYear: 2010 }, 'filter.toYear'],
  ])('rejects %j naming the field', async (filter, field) => {
    const response = await api.graphql(ALLIANCE, { filter });
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
