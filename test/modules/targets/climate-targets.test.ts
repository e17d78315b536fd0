import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { allPages } from '../../support/all-pages';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const COVENANT_MUENCHEN = '00000000-0000-4000-8005-100000000001';
const PROGRESS_FIELDS = `status measure baselineYear baselineEmissionsTco2e latestYear latestEmissionsTco2e baselineValue
  latestValue targetValue pathValue reductionPercent residualValue requiredAnnualReductionPercent requiredAnnualCut
  perCapitaSeries { year tco2e population perCapitaTco2e }`;
const TARGETS = `query Targets($id: ID!) { member(id: $id) {
  progress { status charterPathTco2e requiredAnnualReductionPercent reductionPercent baselineYear latestYear }
  targets { id version origin type baseYear targetYear reductionPercent perCapitaTargetT levelTco2e
    progress { ${PROGRESS_FIELDS} } } } }`;
const SET = `mutation Set($input: ClimateTargetInput!) { setClimateTarget(input: $input) {
  id version origin type baseYear targetYear reductionPercent perCapitaTargetT levelTco2e legalStatus
  progress { ${PROGRESS_FIELDS} } } }`;
const REMOVE = `mutation Remove($id: ID!, $version: Int!) { removeClimateTarget(id: $id, version: $version) {
  id origin progress { status } } }`;
const MEMBERS = `query Members($first: Int, $after: String, $filter: MemberFilter) {
  members(first: $first, after: $after, filter: $filter) {
    pageInfo { hasNextPage endCursor }
    nodes { id targets { origin type targetYear progress { status pathValue latestValue } } } } }`;

let api: TestApp;
let muenchenEditor: string;
beforeAll(async () => {
  api = await startTestApp();
  muenchenEditor = await api.createKey(Role.MEMBER_EDITOR, { memberId: NAMED_MEMBERS.muenchen.id });
});
afterAll(() => api.close());

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, key?: string) {
  const response = await api.graphql<T>(query, variables, { key });
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function targetsOf(memberId: string) {
  return (await ok(TARGETS, { id: memberId })).member;
}

describe('ClimateTarget.progress through GraphQL', () => {
  it('München, Covenant −55 % by 2030 from 2005: path 3240 t in 2021, ON_TRACK, 3.15 % a year needed', async () => {
    const { targets } = await targetsOf(NAMED_MEMBERS.muenchen.id);
    const covenant = targets.find((target: { id: string }) => target.id === COVENANT_MUENCHEN);
    expect(covenant).toMatchObject({ origin: 'COVENANT_OF_MAYORS', baseYear: 2005, targetYear: 2030 });
    const progress = covenant.progress;
    // 2005 BEI = 5000 t, 2021 MEI = 3000 t; L = 5000·0.45; path = 5000·(1 − 0.55·16/25)
    expect(progress).toMatchObject({
      status: 'ON_TRACK',
      measure: 'TOTAL_TCO2E',
      baselineYear: 2005,
      baselineEmissionsTco2e: 5000,
      latestYear: 2021,
      latestEmissionsTco2e: 3000,
      targetValue: 2250,
      residualValue: 750,
      perCapitaSeries: null,
    });
    expect(progress.pathValue).toBeCloseTo(3240, 6);
    expect(progress.reductionPercent).toBeCloseTo(40, 6);
    // 1 − 0.75^(1/9) and 750 t over 9 years
    expect(progress.requiredAnnualReductionPercent).toBeCloseTo(3.14592, 4);
    expect(progress.requiredAnnualCut).toBeCloseTo(83.3333, 3);
  });

  it("gives the Charter target the member's Charter progress", async () => {
    for (const memberId of [NAMED_MEMBERS.wien.id, NAMED_MEMBERS.muenchen.id, NAMED_MEMBERS.mondercange.id]) {
      const member = await targetsOf(memberId);
      const charter = member.targets.find((target: { origin: string }) => target.origin === 'CLIMATE_ALLIANCE_CHARTER');
      expect(charter.progress.status, memberId).toBe(member.progress.status);
      expect(charter.progress.baselineYear, memberId).toBe(member.progress.baselineYear);
      expect(charter.progress.pathValue, memberId).toBe(member.progress.charterPathTco2e);
    }
  });

  it('filters members by a target and its progress in SQL as the field computes it (Covenant on track for 2030)', async () => {
    const every = await allPages<any>(api, MEMBERS, (data) => data.members, {}, { first: 100 });
    const filter = { targetProgress: { origins: ['COVENANT_OF_MAYORS'], targetYear: 2030, statuses: ['ON_TRACK'] } };
    const filtered = await allPages<any>(api, MEMBERS, (data) => data.members, { filter }, { first: 100 });
    const expected = every
      .filter((member) =>
        member.targets.some(
          (target: any) =>
            target.origin === 'COVENANT_OF_MAYORS' &&
            target.targetYear === 2030 &&
            target.progress.status === 'ON_TRACK',
        ),
      )
      .map((member) => member.id);
    expect(expected).toContain(NAMED_MEMBERS.muenchen.id);
    expect(filtered.map((member) => member.id).sort()).toEqual(expected.sort());
    for (const status of ['NO_DATA', 'OFF_TRACK']) {
      const others = await allPages<any>(
        api,
        MEMBERS,
        (data) => data.members,
        { filter: { targetProgress: { types: ['NET_ZERO', 'PER_CAPITA_LEVEL'], statuses: [status] } } },
        { first: 100 },
      );
      const wanted = every.filter((member) =>
        member.targets.some(
          (target: any) => ['NET_ZERO', 'PER_CAPITA_LEVEL'].includes(target.type) && target.progress.status === status,
        ),
      );
      expect(others.map((member) => member.id).sort(), status).toEqual(wanted.map((member) => member.id).sort());
    }
  });

  it('reads the targets and their progress of a page of members in a fixed number of statements', async () => {
    const query = `query($first: Int) { members(first: $first) { nodes { id
      targets { origin progress { status pathValue requiredAnnualCut } } } } }`;
    const counts: number[] = [];
    for (const first of [10, 100]) {
      api.resetStatementCount();
      const data = await ok(query, { first });
      expect(data.members.nodes).toHaveLength(first);
      counts.push(api.statementCount());
    }
    expect(counts[1]).toBe(counts[0]);
    // the page, the targets, their progress
    expect(counts[0]).toBeLessThanOrEqual(3);
  });
});

describe('setClimateTarget and removeClimateTarget', () => {
  it('a per-capita level: 8 t per inhabitant in 2005, 5 t in 2020, 2 t by 2040 → ON_TRACK', async () => {
    const created = await ok(
      `mutation { createMember(input: { name: "Zweitonnenstadt", category: MUNICIPALITY, countryCode: "DE",
        populations: [{ year: 2005, population: 100000 }, { year: 2020, population: 110000 }] }) { id } }`,
      {},
      TEST_ADMIN_SECRET,
    );
    const memberId = created.createMember.id;
    for (const [year, tco2e] of [
      [2005, 800_000],
      [2020, 550_000],
    ]) {
      await ok(
        `mutation($input: EmissionInventoryInput!) { submitEmissionInventory(input: $input) { id } }`,
        {
          input: {
            memberId,
            year,
            standard: 'BISKO',
            isBaseline: year === 2005,
            records: [
              { sector: 'RESIDENTIAL', energyCarrier: 'NATURAL_GAS', scope: 'TERRITORIAL', emissionsTco2e: tco2e },
            ],
          },
        },
        TEST_ADMIN_SECRET,
      );
    }
    const editor = await api.createKey(Role.MEMBER_EDITOR, { memberId });
    const input = {
      memberId,
      origin: 'LOCAL_RESOLUTION',
      type: 'PER_CAPITA_LEVEL',
      targetYear: 2040,
      perCapitaTargetT: 2,
      legalStatus: 'COUNCIL_RESOLUTION',
    };
    const target = (await ok(SET, { input }, editor)).setClimateTarget;
    expect(target).toMatchObject({ version: 1, type: 'PER_CAPITA_LEVEL', baseYear: null, perCapitaTargetT: 2 });
    // v(2005) = 8, v(2020) = 5; path(2020) = 8 + (2 − 8)·15/35 = 5.428571; 1 − (2/5)^(1/20) = 4.4781 %
    expect(target.progress).toMatchObject({
      status: 'ON_TRACK',
      measure: 'TCO2E_PER_CAPITA',
      baselineYear: 2005,
      baselineValue: 8,
      latestYear: 2020,
      latestValue: 5,
      targetValue: 2,
      residualValue: 3,
      perCapitaSeries: [
        { year: 2005, tco2e: 800000, population: 100000, perCapitaTco2e: 8 },
        { year: 2020, tco2e: 550000, population: 110000, perCapitaTco2e: 5 },
      ],
    });
    expect(target.progress.pathValue).toBeCloseTo(5.428571, 5);
    expect(target.progress.requiredAnnualReductionPercent).toBeCloseTo(4.47809, 4);
    expect(target.progress.requiredAnnualCut).toBeCloseTo(0.15, 9);

    // tightened to 1 t: path(2020) = 8 − 7·15/35 = 5; 5 ≤ 5 still ON_TRACK; 0.5 t: path 4.786, 5 ≤ 5.264 → SLIGHTLY_OFF
    const tightened = await ok(SET, { input: { ...input, id: target.id, version: 1, perCapitaTargetT: 0.5 } }, editor);
    expect(tightened.setClimateTarget).toMatchObject({ version: 2, perCapitaTargetT: 0.5 });
    expect(tightened.setClimateTarget.progress.status).toBe('SLIGHTLY_OFF');
    expect(tightened.setClimateTarget.progress.pathValue).toBeCloseTo(8 - (7.5 * 15) / 35, 9);
  });

  it('changes a target at its current version, refuses a stale one with CONFLICT', async () => {
    const input = {
      id: COVENANT_MUENCHEN,
      version: 1,
      memberId: NAMED_MEMBERS.muenchen.id,
      origin: 'COVENANT_OF_MAYORS',
      type: 'BASE_YEAR_ABSOLUTE',
      baseYear: 2005,
      targetYear: 2030,
      reductionPercent: 70,
      legalStatus: 'COUNCIL_RESOLUTION',
    };
    const changed = await ok(SET, { input }, muenchenEditor);
    // path(2021) = 5000·(1 − 0.7·16/25) = 2760 < 3000 ≤ 3036
    expect(changed.setClimateTarget).toMatchObject({ version: 2, reductionPercent: 70 });
    expect(changed.setClimateTarget.progress.status).toBe('SLIGHTLY_OFF');
    expect(changed.setClimateTarget.progress.pathValue).toBeCloseTo(2760, 6);

    const stale = await api.graphql(SET, { input: { ...input, reductionPercent: 40 } }, { key: muenchenEditor });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    const staleRemove = await api.graphql(REMOVE, { id: COVENANT_MUENCHEN, version: 1 }, { key: muenchenEditor });
    expect(staleRemove.errors![0].extensions!.code).toBe('CONFLICT');
    expect(
      (await targetsOf(NAMED_MEMBERS.muenchen.id)).targets.find((t: any) => t.id === COVENANT_MUENCHEN),
    ).toMatchObject({ version: 2, reductionPercent: 70 });
  });

  it('removes a target and its progress; the Charter target can be neither set, changed nor removed', async () => {
    const removed = await ok(REMOVE, { id: COVENANT_MUENCHEN, version: 2 }, muenchenEditor);
    expect(removed.removeClimateTarget).toEqual({
      id: COVENANT_MUENCHEN,
      origin: 'COVENANT_OF_MAYORS',
      progress: null,
    });
    expect(await api.countRows('climate_target', 'id = ?', [COVENANT_MUENCHEN])).toBe(0);
    expect(await api.countRows('climate_target_progress', 'target_id = ?', [COVENANT_MUENCHEN])).toBe(0);

    const { targets } = await targetsOf(NAMED_MEMBERS.muenchen.id);
    const charter = targets.find((target: any) => target.origin === 'CLIMATE_ALLIANCE_CHARTER');
    const removeCharter = await api.graphql(
      REMOVE,
      { id: charter.id, version: charter.version },
      { key: muenchenEditor },
    );
    expect(removeCharter.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const changeCharter = await api.graphql(
      SET,
      {
        input: {
          id: charter.id,
          version: charter.version,
          memberId: NAMED_MEMBERS.muenchen.id,
          origin: 'NATIONAL_LAW',
          type: 'NET_ZERO',
          targetYear: 2045,
          legalStatus: 'LEGALLY_BINDING',
        },
      },
      { key: muenchenEditor },
    );
    expect(changeCharter.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect((await targetsOf(NAMED_MEMBERS.muenchen.id)).targets).toContainEqual(charter);
  });

  const valid = {
    memberId: NAMED_MEMBERS.muenchen.id,
    origin: 'LOCAL_RESOLUTION',
    type: 'BASE_YEAR_ABSOLUTE',
    baseYear: 1990,
    targetYear: 2035,
    reductionPercent: 80,
    legalStatus: 'COUNCIL_RESOLUTION',
  };
  it.each([
    ['the Charter origin', { origin: 'CLIMATE_ALLIANCE_CHARTER' }, 'input.origin'],
    ['no base year for BASE_YEAR_ABSOLUTE', { baseYear: null }, 'input.baseYear'],
    ['a base year after the target year', { baseYear: 2020, targetYear: 2019 }, 'input.baseYear'],
    ['a base year before 1990', { baseYear: 1989 }, 'input.baseYear'],
    ['a target year after 2100', { targetYear: 2101 }, 'input.targetYear'],
    ['a reduction above 100 %', { reductionPercent: 120 }, 'input.reductionPercent'],
    ['a reduction of 0 %', { reductionPercent: 0 }, 'input.reductionPercent'],
    ['no reduction for BASE_YEAR_ABSOLUTE', { reductionPercent: null }, 'input.reductionPercent'],
    ['a per-capita level on BASE_YEAR_ABSOLUTE', { perCapitaTargetT: 1 }, 'input.perCapitaTargetT'],
    ['a reduction on PER_CAPITA_LEVEL', { type: 'PER_CAPITA_LEVEL', perCapitaTargetT: 1 }, 'input.reductionPercent'],
    ['no level on PER_CAPITA_LEVEL', { type: 'PER_CAPITA_LEVEL', reductionPercent: null }, 'input.perCapitaTargetT'],
    [
      'a level of 0 per inhabitant',
      { type: 'PER_CAPITA_LEVEL', reductionPercent: null, perCapitaTargetT: 0 },
      'input.perCapitaTargetT',
    ],
    ['no level for FIXED_LEVEL', { type: 'FIXED_LEVEL', reductionPercent: null }, 'input.levelTco2e'],
    ['a negative level for NET_ZERO', { type: 'NET_ZERO', reductionPercent: null, levelTco2e: -1 }, 'input.levelTco2e'],
    ['an id without its version', { id: COVENANT_MUENCHEN }, 'input.version'],
    ['a version without an id', { version: 1 }, 'input.version'],
    ['a malformed member id', { memberId: 'x' }, 'input.memberId'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, change, field) => {
    const before = await api.countRows('climate_target');
    const progressBefore = await api.countRows('climate_target_progress');
    const response = await api.graphql(SET, { input: { ...valid, ...change } }, { key: TEST_ADMIN_SECRET });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await api.countRows('climate_target')).toBe(before);
    expect(await api.countRows('climate_target_progress')).toBe(progressBefore);
  });
});
