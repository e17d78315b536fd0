import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { generatedMemberId, NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const PROGRESS = `
  query Progress($id: ID!) {
    member(id: $id) {
      progress {
        status baselineYear baselineEmissionsTco2e latestYear latestEmissionsTco2e reductionPercent
        charterPathTco2e requiredAnnualReductionPercent perCapitaTco2e
      }
      latestInventory { year standard totalEmissionsTco2e }
    }
  }`;

const SUBMIT = `
  mutation Submit($input: EmissionInventoryInput!) {
    submitEmissionInventory(input: $input) { year totalEmissionsTco2e }
  }`;

let api: TestApp;
let partnerKey: string;
beforeAll(async () => {
  api = await startTestApp();
  partnerKey = await api.createKey(Role.PARTNER);
});
afterAll(() => api.close());

async function progressOf(id: string, key?: string) {
  const response = await api.graphql(PROGRESS, { id }, { key });
  expect(response.errors).toBeUndefined();
  return response.data!.member;
}

describe('Member.progress: the worked example end to end', () => {
  it('1990 = 1000 t, 2020 = 600 t: reduction 40 %, path 525 t, OFF_TRACK, ≈ 7.95 % a year needed', async () => {
    const { progress } = await progressOf(NAMED_MEMBERS.wien.id);
    expect(progress).toMatchObject({
      status: 'OFF_TRACK',
      baselineYear: 1990,
      baselineEmissionsTco2e: 1000,
      latestYear: 2020,
      latestEmissionsTco2e: 600,
    });
    expect(progress.reductionPercent).toBeCloseTo(40, 9);
    expect(progress.charterPathTco2e).toBeCloseTo(525, 9);
    expect(progress.requiredAnnualReductionPercent).toBeCloseTo(7.95, 2);
    // the 1990 population is the nearest record at or before 2020
    expect(progress.perCapitaTco2e).toBeCloseTo(600 / 1_490_000, 12);
  });

  it.each([
    [560, 'SLIGHTLY_OFF'],
    [577.5, 'SLIGHTLY_OFF'],
    [577.6, 'OFF_TRACK'],
    [525, 'ON_TRACK'],
    [500, 'ON_TRACK'],
  ])('2020 resubmitted as %d t → %s', async (tonnes, status) => {
    const submitted = await api.graphql(
      SUBMIT,
      {
        input: {
          memberId: NAMED_MEMBERS.wien.id,
          year: 2020,
          standard: 'BISKO',
          records: [
            { sector: 'RESIDENTIAL', energyCarrier: 'NATURAL_GAS', scope: 'TERRITORIAL', emissionsTco2e: tonnes - 100 },
            { sector: 'TRANSPORT', energyCarrier: 'DIESEL', scope: 'TERRITORIAL', emissionsTco2e: 100 },
          ],
        },
      },
      { key: TEST_ADMIN_SECRET },
    );
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitEmissionInventory.totalEmissionsTco2e).toBe(tonnes);
    const { progress } = await progressOf(NAMED_MEMBERS.wien.id);
    expect(progress.status).toBe(status);
    expect(progress.latestEmissionsTco2e).toBe(tonnes);
    expect(progress.reductionPercent).toBeCloseTo(100 - tonnes / 10, 9);
  });
});

describe('Member.progress: which inventories count', () => {
  it('takes the preferred standard when a year has several (BISKO 1500 t over COM_MEI 1200 t)', async () => {
    const { progress, latestInventory } = await progressOf(NAMED_MEMBERS.frankfurt.id);
    expect(latestInventory).toEqual({ year: 2019, standard: 'BISKO', totalEmissionsTco2e: 1500 });
    expect(progress).toMatchObject({ status: 'OFF_TRACK', baselineYear: 1990, latestYear: 2019 });
    expect(progress.latestEmissionsTco2e).toBe(1500);
    expect(progress.reductionPercent).toBeCloseTo(25, 9);
    // 2000·(1 − 0.95·29/60) = 1081.666…
    expect(progress.charterPathTco2e).toBeCloseTo(1081.6667, 3);
  });

  it('uses the earliest inventory marked baseline when there is no 1990 one, not an earlier unmarked one', async () => {
    const { progress } = await progressOf(NAMED_MEMBERS.muenchen.id);
    expect(progress).toMatchObject({ status: 'ON_TRACK', baselineYear: 2005, latestYear: 2021 });
    expect(progress.baselineEmissionsTco2e).toBe(5000);
    // 5000·(1 − 0.95·16/45) = 3311.11…
    expect(progress.charterPathTco2e).toBeCloseTo(3311.1111, 3);
    expect(progress.perCapitaTco2e).toBeNull();
  });

  it('uses the earliest inventory when none is marked baseline', async () => {
    const { progress } = await progressOf(NAMED_MEMBERS.altdorf.id);
    // 50·(1 − 0.95·8/50) = 42.4 ≥ 40
    expect(progress).toMatchObject({ status: 'ON_TRACK', baselineYear: 2000, latestYear: 2008 });
    expect(progress.charterPathTco2e).toBeCloseTo(42.4, 9);
    expect(progress.perCapitaTco2e).toBeNull();
  });

  it('is NO_DATA with only a baseline, and shows that baseline', async () => {
    const { progress } = await progressOf(NAMED_MEMBERS.mondercange.id);
    expect(progress).toEqual({
      status: 'NO_DATA',
      baselineYear: 2010,
      baselineEmissionsTco2e: 100,
      latestYear: null,
      latestEmissionsTco2e: null,
      reductionPercent: null,
      charterPathTco2e: null,
      requiredAnnualReductionPercent: null,
      perCapitaTco2e: null,
    });
  });

  it('is NO_DATA with nulls for a member without inventories', async () => {
    const { progress, latestInventory } = await progressOf(NAMED_MEMBERS.contern.id);
    expect(latestInventory).toBeNull();
    expect(progress.status).toBe('NO_DATA');
    expect(progress.baselineYear).toBeNull();
    expect(progress.baselineEmissionsTco2e).toBeNull();
  });

  it('has no reduction percent for a zero baseline (only a notation key in 1990)', async () => {
    const { progress } = await progressOf(generatedMemberId(1));
    expect(progress).toMatchObject({ status: 'OFF_TRACK', baselineEmissionsTco2e: 0, latestEmissionsTco2e: 5 });
    expect(progress.reductionPercent).toBeNull();
    expect(progress.charterPathTco2e).toBe(0);
  });

  it('uses public inventories only for anonymous callers, all of them for API keys', async () => {
    const anonymous = await progressOf(NAMED_MEMBERS.klimaverein.id);
    expect(anonymous.progress).toMatchObject({ status: 'NO_DATA', baselineYear: 1990, latestYear: null });
    expect(anonymous.latestInventory.year).toBe(1990);
    const partner = await progressOf(NAMED_MEMBERS.klimaverein.id, partnerKey);
    // 20·(1 − 0.95·32/60) = 9.8667; 10 ≤ 9.8667·1.1
    expect(partner.progress).toMatchObject({ status: 'SLIGHTLY_OFF', latestYear: 2022, latestEmissionsTco2e: 10 });
    expect(partner.latestInventory.year).toBe(2022);
  });
});

describe('Member.targets', () => {
  it('lists the Charter target first, then others; a member that left has none', async () => {
    const query = `query($ids: [_Any!]!) { _entities(representations: $ids) { ... on Member { name
      targets { origin type baseYear targetYear reductionPercent } } } }`;
    const ids = [NAMED_MEMBERS.muenchen.id, NAMED_MEMBERS.altdorf.id].map((id) => ({ __typename: 'Member', id }));
    const response = await api.graphql(query, { ids });
    expect(response.errors).toBeUndefined();
    const [muenchen, altdorf] = response.data!._entities;
    expect(muenchen.targets).toEqual([
      {
        origin: 'CLIMATE_ALLIANCE_CHARTER',
        type: 'BASE_YEAR_ABSOLUTE',
        baseYear: 1990,
        targetYear: 2050,
        reductionPercent: 95,
      },
      {
        origin: 'COVENANT_OF_MAYORS',
        type: 'BASE_YEAR_ABSOLUTE',
        baseYear: 2005,
        targetYear: 2030,
        reductionPercent: 55,
      },
    ]);
    expect(altdorf.targets).toEqual([]);
  });
});
