import {
  DataQuality,
  EmissionScope,
  EnergyCarrier,
  InventoryStandard,
  NotationKey,
  VerificationStatus,
} from '../src/modules/emissions/emission.enums';
import { charterPathTco2e } from '../src/modules/targets/charter-progress';
import { COUNTRY_PROFILES, EMISSION_FACTORS, LINE_PROFILES, type LineProfile } from './data/emission-profiles';
import type { InventorySeed, RecordSeed } from './emission-inventories';
import type { MemberSeed } from './members.seeder';
import { hashSeed, seededRandom, uuidFromKey } from './random';

export const LAST_INVENTORY_YEAR = 2024;
const REGION_POPULATION: Record<string, number> = {
  FEDERAL_STATE: 1_500_000,
  PROVINCE_REGION: 800_000,
  DISTRICT_COUNTY: 150_000,
};
const GAPS: { sector: string; carrier: EnergyCarrier; key: NotationKey; why: string }[] = [
  { sector: 'INDUSTRY', carrier: EnergyCarrier.COAL, key: NotationKey.C, why: 'a single plant: confidential' },
  { sector: 'AGRICULTURE_FORESTRY', carrier: EnergyCarrier.NOT_ENERGY, key: NotationKey.NE, why: 'not estimated' },
  { sector: 'MUNICIPAL_FACILITIES', carrier: EnergyCarrier.DIESEL, key: NotationKey.IE, why: 'in TRANSPORT/DIESEL' },
  { sector: 'RESIDENTIAL', carrier: EnergyCarrier.COAL, key: NotationKey.NO, why: 'no coal heating left' },
];
const METERED = new Set([EnergyCarrier.ELECTRICITY, EnergyCarrier.NATURAL_GAS, EnergyCarrier.DISTRICT_HEATING]);
const PURCHASED = new Set([EnergyCarrier.ELECTRICITY, EnergyCarrier.DISTRICT_HEATING]);

export interface HistoryContext {
  dataSourceFor(standard: InventoryStandard, verification: VerificationStatus): string;
  /** The next record id (ascending, for fast bulk loading). */
  nextRecordId(): string;
}

type Random = () => number;
const between = (random: Random, low: number, high: number) => low + random() * (high - low);
const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** The member's inventory years: 1990 (early members) or the first year it reported, then every 1–5 years. */
function inventoryYears(seed: MemberSeed, random: Random): number[] {
  const joined = Number(seed.joinedOn!.slice(0, 4));
  const last = Math.min(LAST_INVENTORY_YEAR, seed.leftOn ? Number(seed.leftOn.slice(0, 4)) : LAST_INVENTORY_YEAR);
  const first = Math.max(joined + Math.floor(random() * 3), 1993 + Math.floor(random() * 10));
  const years = joined < 2000 ? [1990] : [];
  for (let year = first; year <= last; year += 1 + Math.floor(random() * 5)) years.push(year);
  return years;
}

/** Where the latest inventory ends relative to the Charter path: some on track, a few slightly off, many off. */
function latestAgainstPath(random: Random): number {
  const draw = random();
  if (draw < 0.2) return between(random, 0.75, 0.97);
  if (draw < 0.32) return between(random, 1.02, 1.08);
  return between(random, 1.15, 1.9);
}

function dataQuality(carrier: EnergyCarrier, year: number, random: Random): DataQuality {
  if (year < 1996) return random() < 0.5 ? DataQuality.C : DataQuality.D;
  if (METERED.has(carrier)) return random() < 0.6 ? DataQuality.A : DataQuality.B;
  return random() < 0.5 ? DataQuality.B : DataQuality.C;
}

interface MemberLines {
  lines: LineProfile[];
  /** A fixed factor per line and member, so members differ in their mix. */
  jitters: number[];
  heating: string;
  grid1990: number;
  bisko: boolean;
}

/** Splits `totalTco2e` over the member's lines for `year`, leaving one explicit gap now and then. */
function inventoryRecords(member: MemberLines, year: number, totalTco2e: number, random: Random, nextId: () => string) {
  const gap = random() < 0.04 ? GAPS[Math.floor(random() * GAPS.length)] : null;
  const t = (year - 1990) / 34;
  const weights = member.lines.map((line, i) => {
    if (gap && line.sector === gap.sector && line.carrier === gap.carrier) return 0;
    const heating = line.heating ? (line.heating === member.heating ? 2.5 : 0.6) : 1;
    return line.share * heating * Math.pow(line.trend, t) * member.jitters[i];
  });
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const grid = member.grid1990 * (1 - 0.5 * t);
  return member.lines.map((line, i): RecordSeed => {
    const scope = member.bisko
      ? EmissionScope.TERRITORIAL
      : PURCHASED.has(line.carrier)
        ? EmissionScope.SCOPE_2
        : EmissionScope.SCOPE_1;
    const id = nextId();
    // object literals of one shape, no spreads: ×50 seeding makes 22 million of them
    if (weights[i] === 0) {
      return {
        id,
        sector: line.sector,
        energyCarrier: line.carrier,
        scope,
        finalEnergyMwh: null,
        emissionsTco2e: null,
        dataQuality: null,
        notationKey: gap!.key,
        notationExplanation: gap!.why,
      };
    }
    const tco2e = round3((totalTco2e * weights[i]) / weightSum);
    const factor = line.carrier === EnergyCarrier.ELECTRICITY ? grid : EMISSION_FACTORS[line.carrier];
    return {
      id,
      sector: line.sector,
      energyCarrier: line.carrier,
      scope,
      finalEnergyMwh: factor ? round3(tco2e / factor) : null,
      emissionsTco2e: tco2e,
      dataQuality: dataQuality(line.carrier, year, random),
      notationKey: null,
      notationExplanation: null,
    };
  });
}

/** A plausible, deterministic emissions history for one member (empty for organisations and applicants). */
export function emissionHistory(seed: MemberSeed, context: HistoryContext): InventorySeed[] {
  const population = seed.population ?? REGION_POPULATION[seed.category];
  const profile = COUNTRY_PROFILES[seed.countryCode];
  if (!population || !profile || !seed.joinedOn) return [];
  const random = seededRandom(hashSeed(`emissions:${seed.key}`));
  const years = inventoryYears(seed, random);
  if (!years.length) return [];
  const urban = population >= 50_000 || seed.category !== 'MUNICIPALITY';
  const rural = population < 20_000;
  const lines = LINE_PROFILES.filter((line) =>
    line.where === 'urban' ? urban : line.where === 'rural' ? rural : true,
  );
  const member: MemberLines = {
    lines,
    jitters: lines.map(() => between(random, 0.6, 1.4)),
    heating: profile.heating,
    grid1990: profile.grid1990,
    bisko: seed.countryCode === 'DE' || seed.countryCode === 'AT',
  };
  const baselineYear = years[0];
  const latestYear = years[years.length - 1];
  const baselineTco2e =
    population * profile.perCapita1990 * between(random, 0.7, 1.25) * (1 - 0.004 * (baselineYear - 1990));
  const latestTco2e = charterPathTco2e(baselineYear, baselineTco2e, latestYear) * latestAgainstPath(random);
  const curve = between(random, 0.7, 1.6);
  const twoStandards = member.bisko && years.length > 2 && random() < 0.08;
  const secondStandardYear = twoStandards ? years[1 + Math.floor(random() * (years.length - 2))] : null;

  const inventory = (year: number, standard: InventoryStandard): InventorySeed => {
    const progress = latestYear === baselineYear ? 0 : (year - baselineYear) / (latestYear - baselineYear);
    const noise = year === baselineYear || year === latestYear ? 1 : between(random, 0.97, 1.03);
    const total = baselineTco2e + (latestTco2e - baselineTco2e) * Math.pow(progress, curve) * noise;
    const verificationStatus =
      year === 1990
        ? VerificationStatus.ESTIMATED
        : [VerificationStatus.SELF_REPORTED, VerificationStatus.THIRD_PARTY_REVIEWED, VerificationStatus.VERIFIED][
            random() < 0.7 ? 0 : random() < 0.65 ? 1 : 2
          ];
    return {
      id: uuidFromKey(`inventory:${seed.key}:${year}:${standard}`),
      memberId: uuidFromKey(`member:${seed.key}`),
      year,
      standard,
      isBaseline: year === baselineYear,
      verificationStatus,
      isPublic: year === baselineYear || random() < 0.95,
      dataSourceId: context.dataSourceFor(standard, verificationStatus),
      toolName: standard === InventoryStandard.BISKO ? 'Klimaschutz-Planer' : 'MyCovenant',
      records: inventoryRecords(member, year, total, random, context.nextRecordId),
    };
  };

  return years.flatMap((year) => {
    const standard = member.bisko
      ? InventoryStandard.BISKO
      : year === baselineYear
        ? InventoryStandard.COM_BEI
        : InventoryStandard.COM_MEI;
    const main = inventory(year, standard);
    return year === secondStandardYear ? [main, inventory(year, InventoryStandard.COM_MEI)] : [main];
  });
}
