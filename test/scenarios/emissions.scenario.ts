import type { EntityManager } from '@mikro-orm/postgresql';
import { insertInventories, type InventorySeed, type RecordSeed } from '../../seeds/emission-inventories';
import { DataSource } from '../../src/modules/emissions/data-source.entity';
import {
  EmissionScope,
  EnergyCarrier,
  InventoryStandard,
  NotationKey,
  Sector,
  VerificationStatus,
} from '../../src/modules/emissions/emission.enums';
import { ClimateTarget } from '../../src/modules/targets/climate-target.entity';
import { TargetLegalStatus, TargetOrigin, TargetType } from '../../src/modules/targets/target.enums';
import { GENERATED_MEMBER_COUNT, generatedMemberId, NAMED_MEMBERS } from './members.scenario';

const { BISKO, COM_BEI, COM_MEI, OTHER } = InventoryStandard;
export const SCENARIO_DATA_SOURCE_ID = '00000000-0000-4000-8006-000000000001';

let recordCount = 0;
function line(
  sector: Sector,
  energyCarrier: EnergyCarrier,
  tco2e: number,
  scope = EmissionScope.TERRITORIAL,
): RecordSeed {
  return {
    id: `00000000-0000-4000-8004-${String(++recordCount).padStart(12, '0')}`,
    sector,
    energyCarrier,
    scope,
    finalEnergyMwh: tco2e * 4,
    emissionsTco2e: tco2e,
    dataQuality: null,
    notationKey: null,
    notationExplanation: null,
  };
}

function gap(sector: Sector, energyCarrier: EnergyCarrier, notationKey: NotationKey, why: string): RecordSeed {
  return {
    ...line(sector, energyCarrier, 0),
    finalEnergyMwh: null,
    emissionsTco2e: null,
    notationKey,
    notationExplanation: why,
  };
}

let inventoryCount = 0;
function inventory(
  memberId: string,
  year: number,
  standard: InventoryStandard,
  records: RecordSeed[],
  options: { isBaseline?: boolean; isPublic?: boolean } = {},
): InventorySeed {
  return {
    id: `00000000-0000-4000-8003-${String(++inventoryCount).padStart(12, '0')}`,
    memberId,
    year,
    standard,
    isBaseline: options.isBaseline ?? false,
    verificationStatus: VerificationStatus.SELF_REPORTED,
    isPublic: options.isPublic ?? true,
    dataSourceId: standard === BISKO ? SCENARIO_DATA_SOURCE_ID : null,
    toolName: null,
    records,
  };
}

const { RESIDENTIAL, COMMERCIAL_SERVICES, INDUSTRY, TRANSPORT, WASTE } = Sector;
const { NATURAL_GAS, DIESEL, ELECTRICITY, HEATING_OIL, COAL, NOT_ENERGY } = EnergyCarrier;
const { wien, frankfurt, muenchen, mondercange, altdorf, klimaverein } = NAMED_MEMBERS;

/** Classes of the generated members' 2020 emissions as a share of 1990: ON_TRACK, ON_TRACK, SLIGHTLY_OFF, OFF_TRACK. */
export const GENERATED_2020_SHARES = [0.4, 0.5, 0.55, 0.7];

function generatedInventories(index: number): InventorySeed[] {
  const memberId = generatedMemberId(index);
  if (index === 1) {
    // a zero baseline: the only 1990 line is a notation key
    return [
      inventory(memberId, 1990, BISKO, [gap(RESIDENTIAL, COAL, NotationKey.NO, 'no coal heating')], {
        isBaseline: true,
      }),
      inventory(memberId, 2020, BISKO, [line(RESIDENTIAL, NATURAL_GAS, 5)]),
    ];
  }
  const baseline = 20 * (index + 5);
  const latest = Math.round(baseline * GENERATED_2020_SHARES[index % 4]);
  const split = (total: number) => {
    const gas = Math.floor(total / 2);
    const diesel = Math.floor((total * 3) / 10);
    return [
      line(RESIDENTIAL, NATURAL_GAS, gas),
      line(TRANSPORT, DIESEL, diesel),
      line(COMMERCIAL_SERVICES, ELECTRICITY, total - gas - diesel),
    ];
  };
  return [
    inventory(memberId, 1990, BISKO, split(baseline), { isBaseline: true }),
    inventory(memberId, 2020, BISKO, split(latest)),
  ];
}

/** Every inventory of the test data, with its records: tests compute expected figures from this list. */
export const SCENARIO_INVENTORIES: InventorySeed[] = [
  // the worked example of the issue: 1990 = 1000 t, 2020 = 600 t
  inventory(
    wien.id,
    1990,
    BISKO,
    [
      line(RESIDENTIAL, NATURAL_GAS, 400),
      line(TRANSPORT, DIESEL, 350),
      line(COMMERCIAL_SERVICES, ELECTRICITY, 250),
      gap(WASTE, NOT_ENERGY, NotationKey.NE, 'not estimated before 2000'),
    ],
    { isBaseline: true },
  ),
  inventory(wien.id, 2005, BISKO, [
    line(RESIDENTIAL, NATURAL_GAS, 300),
    line(TRANSPORT, DIESEL, 280),
    line(COMMERCIAL_SERVICES, ELECTRICITY, 220),
  ]),
  inventory(wien.id, 2020, BISKO, [
    line(RESIDENTIAL, NATURAL_GAS, 240),
    line(TRANSPORT, DIESEL, 210),
    line(COMMERCIAL_SERVICES, ELECTRICITY, 150),
  ]),
  // several standards in 2019: BISKO (1500 t) is preferred over COM_MEI (1200 t)
  inventory(frankfurt.id, 1990, BISKO, [line(RESIDENTIAL, HEATING_OIL, 1200), line(INDUSTRY, COAL, 800)], {
    isBaseline: true,
  }),
  inventory(frankfurt.id, 2019, COM_MEI, [
    line(RESIDENTIAL, HEATING_OIL, 700, EmissionScope.SCOPE_1),
    line(COMMERCIAL_SERVICES, ELECTRICITY, 500, EmissionScope.SCOPE_2),
  ]),
  inventory(frankfurt.id, 2019, BISKO, [line(RESIDENTIAL, HEATING_OIL, 900), line(INDUSTRY, COAL, 600)]),
  // baseline not 1990: the 2005 BEI is marked baseline, the earlier 2000 MEI is not
  inventory(muenchen.id, 2000, COM_MEI, [line(RESIDENTIAL, NATURAL_GAS, 5200, EmissionScope.SCOPE_1)]),
  inventory(muenchen.id, 2005, COM_BEI, [line(RESIDENTIAL, NATURAL_GAS, 5000, EmissionScope.SCOPE_1)], {
    isBaseline: true,
  }),
  inventory(muenchen.id, 2021, COM_MEI, [line(RESIDENTIAL, NATURAL_GAS, 3000, EmissionScope.SCOPE_1)]),
  // only a baseline
  inventory(mondercange.id, 2010, COM_BEI, [line(TRANSPORT, DIESEL, 100, EmissionScope.SCOPE_1)], { isBaseline: true }),
  // no inventory marked baseline: the earliest (2000) counts; Altdorf has left
  inventory(altdorf.id, 2000, OTHER, [line(RESIDENTIAL, HEATING_OIL, 50)]),
  inventory(altdorf.id, 2008, OTHER, [line(RESIDENTIAL, HEATING_OIL, 40)]),
  // a non-public inventory: anonymous callers see only the 1990 one
  inventory(klimaverein.id, 1990, OTHER, [line(TRANSPORT, DIESEL, 20)]),
  inventory(klimaverein.id, 2022, OTHER, [line(TRANSPORT, DIESEL, 10)], { isPublic: false }),
  ...Array.from({ length: GENERATED_MEMBER_COUNT }, (_, i) => generatedInventories(i + 1)).flat(),
];

export async function seedEmissionsScenario(em: EntityManager): Promise<void> {
  em.create(DataSource, { id: SCENARIO_DATA_SOURCE_ID, name: 'Klimaschutz-Planer export', publisher: 'Klima-Bündnis' });
  await em.flush();
  await insertInventories(em, SCENARIO_INVENTORIES);
  const current = [
    ...Object.values(NAMED_MEMBERS)
      .filter((member) => member.status !== 'LEFT')
      .map((member) => member.id),
    ...Array.from({ length: GENERATED_MEMBER_COUNT }, (_, i) => generatedMemberId(i + 1)),
  ];
  const now = new Date();
  const charter = current.map((memberId, i) => ({
    id: `00000000-0000-4000-8005-${String(i + 1).padStart(12, '0')}`,
    member: memberId,
    origin: TargetOrigin.CLIMATE_ALLIANCE_CHARTER,
    type: TargetType.BASE_YEAR_ABSOLUTE,
    baseYear: 1990,
    targetYear: 2050,
    reductionPercent: 95,
    legalStatus: TargetLegalStatus.COUNCIL_RESOLUTION,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const covenant = {
    ...charter[0],
    id: '00000000-0000-4000-8005-100000000001',
    member: muenchen.id,
    origin: TargetOrigin.COVENANT_OF_MAYORS,
    baseYear: 2005,
    targetYear: 2030,
    reductionPercent: 55,
  };
  await em.insertMany(ClimateTarget, [...charter, covenant]);
}
