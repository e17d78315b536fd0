import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSeed, seededRandom } from '../../../seeds/random';
import { rebuildAllFigures } from '../../../src/modules/targets/member-figures.service';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';
import { type AllianceOracleFilter, oracleAllianceProgress } from './alliance-oracle';
import { oracleEmissionTotals, type OracleFilter } from './figures-oracle';

const SUBMIT = `mutation Submit($input: EmissionInventoryInput!) { submitEmissionInventory(input: $input) { id } }`;
const CREATE = `mutation Create($input: MemberInput!) { createMember(input: $input) { id } }`;
const UPDATE = `mutation Update($id: ID!, $version: Int!, $input: MemberUpdate!) {
  updateMember(id: $id, version: $version, input: $input) { id } }`;
const TOTALS = `query Totals($groupBy: [EmissionDimension!]!, $filter: EmissionTotalsFilter) {
  emissionTotals(groupBy: $groupBy, filter: $filter) {
    countryCode memberCategory memberId year sector energyCarrier standard emissionsTco2e finalEnergyMwh memberCount } }`;

const ALLIANCE = `query Alliance($filter: AllianceProgressFilter) { allianceProgress(filter: $filter) {
  memberCount onTrackCount slightlyOffCount offTrackCount noDataCount years { year emissionsTco2e reportingMembers } } }`;
/** allianceProgress filters, compared with the old SQL after every write: by default every member but those who left. */
const ALLIANCE_FILTERS: AllianceOracleFilter[] = [
  {},
  { memberStatuses: ['LEFT'] },
  { memberStatuses: [] },
  { memberStatuses: ['ACTIVE', 'SUSPENDED'], fromYear: 2010 },
  { countryCodes: ['AT', 'DE'], toYear: 2018 },
  { memberCategories: ['CITY', 'MUNICIPALITY'], memberStatuses: ['APPLIED', 'ACTIVE', 'LEFT'] },
  { countryCodes: ['LU'], memberCategories: ['MUNICIPALITY'], fromYear: 2006, toYear: 2021 },
];
const YEARS = [1990, 2005, 2012, 2018, 2021, 2023];
const STANDARDS = ['BISKO', 'COM_BEI', 'COM_MEI', 'GPC_BASIC'];
const LINES = [
  { sector: 'RESIDENTIAL', energyCarrier: 'NATURAL_GAS', scope: 'SCOPE_1' },
  { sector: 'RESIDENTIAL', energyCarrier: 'ELECTRICITY', scope: 'SCOPE_2' },
  { sector: 'TRANSPORT', energyCarrier: 'DIESEL', scope: 'SCOPE_1' },
  { sector: 'WASTE', energyCarrier: 'NOT_ENERGY', scope: 'SCOPE_1' },
];
const GROUPINGS: [string[], OracleFilter][] = [
  [['MEMBER', 'YEAR'], {}],
  [['MEMBER', 'SECTOR', 'YEAR'], { fromYear: 2010 }],
  [['MEMBER', 'STANDARD', 'YEAR'], {}],
  [['COUNTRY', 'YEAR'], { standards: ['COM_BEI', 'COM_MEI', 'GPC_BASIC'] }],
  [['MEMBER'], { sectors: ['RESIDENTIAL'] }],
  [['SECTOR', 'YEAR'], {}],
];
/** Groupings the network totals answer (no memberIds filter): over every member of the test data. */
const NETWORK_GROUPINGS: [string[], OracleFilter][] = [
  [['COUNTRY', 'YEAR'], {}],
  [['MEMBER_CATEGORY', 'YEAR'], { countryCodes: ['AT', 'LU'] }],
  [['SECTOR', 'YEAR'], { fromYear: 2010 }],
  [['COUNTRY', 'MEMBER_CATEGORY', 'SECTOR', 'YEAR'], { sectors: ['RESIDENTIAL', 'TRANSPORT'] }],
  [['YEAR'], { sectors: ['WASTE'] }],
  // not by year: each member counted once over the years of the range
  [[], {}],
  [['COUNTRY'], { fromYear: 2010 }],
  [['MEMBER_CATEGORY'], { fromYear: 2006, toYear: 2020 }],
  [['SECTOR'], { toYear: 2019 }],
  [['COUNTRY'], { sectors: ['RESIDENTIAL'], fromYear: 2015 }],
  // the network line totals: by energy carrier, scope or standard
  [['ENERGY_CARRIER', 'YEAR'], {}],
  [['ENERGY_CARRIER', 'YEAR'], { scopes: ['SCOPE_1'], countryCodes: ['AT'] }],
  [['YEAR'], { scopes: ['SCOPE_1'], sectors: ['TRANSPORT'] }],
  [['COUNTRY', 'YEAR'], { scopes: ['SCOPE_2'] }],
  [['STANDARD', 'YEAR'], { fromYear: 2005 }],
  [['STANDARD', 'SECTOR', 'YEAR'], {}],
  [['MEMBER_CATEGORY', 'YEAR'], { standards: ['COM_MEI'] }],
  // several values of a line column: members counted once from network_line_mask_total
  [['YEAR'], { energyCarriers: ['NATURAL_GAS', 'ELECTRICITY'] }],
  [['ENERGY_CARRIER', 'COUNTRY', 'YEAR'], { scopes: ['SCOPE_1', 'SCOPE_2'] }],
  [['SECTOR', 'YEAR'], { sectors: ['RESIDENTIAL', 'WASTE'], scopes: ['SCOPE_1', 'SCOPE_2'] }],
  [['YEAR'], { sectors: ['RESIDENTIAL', 'TRANSPORT'], countryCodes: ['AT', 'LU'] }],
  [['COUNTRY', 'YEAR'], { standards: ['COM_MEI', 'GPC_BASIC', 'BISKO'] }],
  [['YEAR'], { standards: ['COM_BEI', 'COM_MEI'], fromYear: 2010 }],
  [['STANDARD', 'YEAR'], { sectors: ['RESIDENTIAL', 'TRANSPORT'] }],
  // and over a range, not by year: each member counted once (network_member_line_year_count)
  [['ENERGY_CARRIER'], { fromYear: 2010 }],
  [['COUNTRY'], { scopes: ['SCOPE_1'], fromYear: 2006, toYear: 2021 }],
  [['SECTOR'], { scopes: ['SCOPE_2'] }],
  [['MEMBER_CATEGORY'], { energyCarriers: ['DIESEL'], scopes: ['SCOPE_1'], toYear: 2020 }],
  [['STANDARD'], {}],
  [['STANDARD', 'SECTOR'], { fromYear: 2012 }],
  [[], { standards: ['COM_MEI'], fromYear: 2005 }],
];
const CATEGORIES = ['MUNICIPALITY', 'CITY', 'DISTRICT_COUNTY'];
const STEPS = 48;
/** Every write is compared with a rebuild from scratch, and 30 groupings with the oracle every fifth: slow on a busy machine. */
const TIMEOUT_MS = 180_000;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

/** Every maintained figure row, in a fixed order. */
async function figureRows(em: EntityManager) {
  return {
    lines: await em.execute('select * from inventory_line_total order by inventory_id, sector, energy_carrier, scope'),
    years: await em.execute('select * from member_year_total order by member_id, year, public_only'),
    sectors: await em.execute('select * from member_year_sector_total order by member_id, year, public_only, sector'),
    progress: await em.execute('select * from member_charter_progress order by member_id, public_only'),
    targets: await em.execute('select * from climate_target_progress order by target_id, public_only'),
    groups: await em.execute('select * from member_figure_group order by member_id'),
    networkYears: await em.execute(
      'select * from network_year_total order by public_only, year, country_code, member_category',
    ),
    networkSectors: await em.execute(
      'select * from network_year_sector_total order by public_only, year, sector, country_code, member_category',
    ),
    networkStatusYears: await em.execute(
      'select * from network_status_year_total order by public_only, year, country_code, member_category, member_status',
    ),
    networkCharterStatuses: await em.execute(
      `select * from network_charter_status_count
       order by public_only, country_code, member_category, member_status, status`,
    ),
    networkLines: await em.execute(
      `select * from network_line_total
       order by public_only, year, standard, sector, energy_carrier, scope, country_code, member_category`,
    ),
    networkLineMasks: await em.execute(
      `select * from network_line_mask_total
       order by public_only, year, country_code, member_category, standard, better_standards, carrier_scope, sector_scope`,
    ),
    networkMemberLines: await em.execute(
      `select * from network_member_line_year_count
       order by public_only, shape, standard, sector, energy_carrier, scope, previous_year, year, country_code,
         member_category`,
    ),
  };
}

/** The figures recomputed from scratch from the records, in a transaction that is rolled back. */
async function rebuiltFigureRows() {
  const em = api.orm.em.fork();
  await em.begin();
  try {
    await rebuildAllFigures(em);
    return await figureRows(em);
  } finally {
    await em.rollback();
  }
}

function randomRecords(random: Random) {
  const lines = LINES.filter(() => random() < 0.6);
  return (lines.length ? lines : [LINES[0]]).map((line) =>
    random() < 0.15
      ? { ...line, notationKey: pick(random, ['NO', 'IE', 'NE', 'C']), notationExplanation: 'random gap' }
      : {
          ...line,
          emissionsTco2e: Math.round(random() * 1_000_000) / 1000,
          finalEnergyMwh: random() < 0.2 ? null : Math.round(random() * 5_000_000) / 1000,
        },
  );
}

async function ok(response: Promise<{ errors?: unknown[]; data?: any }>) {
  const answer = await response;
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data;
}

async function updateMember(memberId: string, input: Record<string, unknown>): Promise<string> {
  const [{ version }] = await api.orm.em
    .fork()
    .execute<{ version: number }[]>('select version from member where id = ?', [memberId]);
  await ok(api.graphql(UPDATE, { id: memberId, version, input }, { key: TEST_ADMIN_SECRET }));
  return `updateMember ${memberId} ${JSON.stringify(input)}`;
}

async function submitInventory(random: Random, memberId: string): Promise<string> {
  const input = {
    memberId,
    year: pick(random, YEARS),
    standard: pick(random, STANDARDS),
    isBaseline: random() < 0.3,
    isPublic: random() < 0.7,
    verificationStatus: 'SELF_REPORTED',
    records: randomRecords(random),
  };
  await ok(api.graphql(SUBMIT, { input }, { key: TEST_ADMIN_SECRET }));
  return `submit ${input.year} ${input.standard} public=${input.isPublic} baseline=${input.isBaseline}`;
}

/** The first writes, before the random ones: a member leaves, reports while gone, and comes back. */
const OPENING: (Record<string, unknown> | 'submit')[] = [{ status: 'LEFT' }, 'submit', { status: 'SUSPENDED' }];

/** One random write through GraphQL: a new or replaced inventory, a new member, or a member leaving or changing. */
async function randomStep(random: Random, members: string[], step: number): Promise<string> {
  if (step < OPENING.length) {
    const opening = OPENING[step];
    return opening === 'submit' ? submitInventory(random, members[0]) : updateMember(members[0], opening);
  }
  const draw = random();
  if (draw < 0.1) {
    const input = { name: `Zufallsdorf ${step}`, category: 'MUNICIPALITY', countryCode: 'AT', joinedOn: '2001-05-01' };
    members.push((await ok(api.graphql(CREATE, { input }, { key: TEST_ADMIN_SECRET }))).createMember.id);
    return 'createMember';
  }
  const memberId = pick(random, members);
  if (draw < 0.25) {
    const kind = random();
    // a member moving to another country or category, or leaving or coming back, moves its figures from one
    // network group to another
    return updateMember(
      memberId,
      kind < 0.35
        ? { status: pick(random, ['LEFT', 'ACTIVE', 'SUSPENDED']) }
        : kind < 0.65
          ? { countryCode: pick(random, ['AT', 'LU', 'DE']), category: pick(random, CATEGORIES) }
          : { populations: [{ year: pick(random, YEARS), population: 1000 + Math.floor(random() * 100_000) }] },
    );
  }
  return submitInventory(random, memberId);
}

/** The members an updateMember set to LEFT and later to another status. */
function membersWhoCameBack(actions: string[]): string[] {
  const left = new Set<string>();
  const back = new Set<string>();
  for (const action of actions) {
    const [, memberId, status] = /^updateMember (\S+) \{"status":"(\w+)"\}$/.exec(action) ?? [];
    if (status === 'LEFT') left.add(memberId);
    else if (status && left.has(memberId)) back.add(memberId);
  }
  return [...back];
}

describe('maintained figures', () => {
  it(
    'equal a recomputation from scratch after every random write, and emissionTotals equals the old SQL',
    async () => {
      const random = seededRandom(hashSeed('maintained-figures'));
      const members = [NAMED_MEMBERS.wien.id, NAMED_MEMBERS.mondercange.id, NAMED_MEMBERS.contern.id];
      const memberCount = Number((await api.orm.em.fork().execute('select count(*) as n from member'))[0].n);
      const actions: string[] = [];
      for (let step = 0; step < STEPS; step++) {
        const action = await randomStep(random, members, step);
        actions.push(action);
        const maintained = await figureRows(api.orm.em.fork());
        expect(maintained.progress.length, action).toBe(2 * (memberCount + members.length - 3));
        expect(maintained, `step ${step}: ${action}`).toEqual(await rebuiltFigureRows());
        for (const filter of ALLIANCE_FILTERS) {
          for (const key of [undefined, TEST_ADMIN_SECRET]) {
            const { allianceProgress } = await ok(api.graphql(ALLIANCE, { filter }, { key }));
            const expected = await oracleAllianceProgress(api.orm.em.fork().getKnex(), !key, filter);
            expect(allianceProgress, `step ${step}: ${JSON.stringify(filter)} key=${Boolean(key)}`).toEqual(expected);
          }
        }
        if (step % 5 !== 4) continue;
        const groupings = [
          ...GROUPINGS.map(([groupBy, filter]): [string[], OracleFilter] => [
            groupBy,
            { ...filter, memberIds: members },
          ]),
          ...NETWORK_GROUPINGS,
        ];
        for (const [groupBy, filter] of groupings) {
          for (const key of [undefined, TEST_ADMIN_SECRET]) {
            const { emissionTotals } = await ok(api.graphql(TOTALS, { groupBy, filter }, { key }));
            const expected = await oracleEmissionTotals(api.orm.em.fork().getKnex(), !key, groupBy, filter);
            expect(expected.length, `${groupBy} has groups`).toBeGreaterThan(0);
            expect(emissionTotals, `step ${step}: ${groupBy} ${JSON.stringify(filter)} key=${Boolean(key)}`).toEqual(
              expected.map((row) => ({
                countryCode: null,
                memberCategory: null,
                memberId: null,
                year: null,
                sector: null,
                energyCarrier: null,
                standard: null,
                ...row,
              })),
            );
          }
        }
      }
      const rows = await figureRows(api.orm.em.fork());
      expect(rows.lines.length).toBeGreaterThan(0);
      expect(rows.networkSectors.length).toBeGreaterThan(0);
      expect(rows.networkLines.length).toBeGreaterThan(0);
      // some member had inventories of two standards in one year: rows with a preferred standard over theirs
      expect(rows.networkLineMasks.filter((row) => Number(row.better_standards) > 0).length).toBeGreaterThan(0);
      // members counted in a line row again, after an earlier year in it
      const [{ again }] = await api.orm.em
        .fork()
        .execute<{ again: number }[]>(
          'select count(*)::int as again from network_member_line_year_count where previous_year > 0',
        );
      expect(again).toBeGreaterThan(0);
      expect(rows.networkStatusYears.length).toBeGreaterThan(0);
      expect(rows.networkCharterStatuses.length).toBeGreaterThan(0);
      // some member left and came back on the way: its figures moved out of the counted statuses and back
      expect(membersWhoCameBack(actions).length).toBeGreaterThan(0);
      // members moved between network groups on the way, so the groups they left were recomputed too
      expect(actions.filter((action) => action.includes('"countryCode"')).length).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});
