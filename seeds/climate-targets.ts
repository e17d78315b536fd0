import { TargetLegalStatus, TargetOrigin, TargetType } from '../src/modules/targets/target.enums';
import type { InventorySeed } from './emission-inventories';
import type { MemberSeed } from './members.seeder';
import { hashSeed, seededRandom, uuidFromKey } from './random';

export interface TargetSeed {
  id: string;
  member: string;
  origin: TargetOrigin;
  type: TargetType;
  baseYear: number | null;
  targetYear: number;
  reductionPercent: number | null;
  perCapitaTargetT: number | null;
  legalStatus: TargetLegalStatus;
  adoptedOn: string | null;
}

/**
 * The Charter target for every member that has not left; a Covenant of Mayors target where the member reports
 * Covenant inventories; Germany's Klimaschutzgesetz targets for German members; some local net-zero
 * resolutions, and the 2000-Watt society's 1 t per inhabitant in some Swiss municipalities.
 */
export function climateTargets(seed: MemberSeed, inventories: InventorySeed[]): TargetSeed[] {
  if (seed.status === 'LEFT') return [];
  const member = uuidFromKey(`member:${seed.key}`);
  const target = (origin: TargetOrigin, type: TargetType, fields: Partial<TargetSeed>): TargetSeed => ({
    id: uuidFromKey(`target:${seed.key}:${origin}:${type}`),
    member,
    origin,
    type,
    baseYear: null,
    targetYear: 2050,
    reductionPercent: null,
    perCapitaTargetT: null,
    legalStatus: TargetLegalStatus.COUNCIL_RESOLUTION,
    adoptedOn: null,
    ...fields,
  });
  const random = seededRandom(hashSeed(`targets:${seed.key}`));
  const targets = [
    target(TargetOrigin.CLIMATE_ALLIANCE_CHARTER, TargetType.BASE_YEAR_ABSOLUTE, {
      baseYear: 1990,
      reductionPercent: 95,
      adoptedOn: seed.joinedOn,
    }),
  ];
  const covenantBaseline = inventories.find((inventory) => inventory.standard === 'COM_BEI');
  if (covenantBaseline) {
    const signed = covenantBaseline.year + 1;
    targets.push(
      target(TargetOrigin.COVENANT_OF_MAYORS, TargetType.BASE_YEAR_ABSOLUTE, {
        baseYear: covenantBaseline.year,
        targetYear: 2030,
        reductionPercent: signed < 2016 ? 40 : 55,
        adoptedOn: `${signed}-03-01`,
      }),
    );
  }
  if (seed.countryCode === 'DE') {
    const law = { legalStatus: TargetLegalStatus.LEGALLY_BINDING, adoptedOn: '2021-08-31' };
    targets.push(
      target(TargetOrigin.NATIONAL_LAW, TargetType.BASE_YEAR_ABSOLUTE, {
        ...law,
        baseYear: 1990,
        targetYear: 2030,
        reductionPercent: 65,
      }),
      target(TargetOrigin.NATIONAL_LAW, TargetType.NET_ZERO, { ...law, targetYear: 2045 }),
    );
  }
  if (seed.category !== 'MUNICIPALITY' || random() < 0.08) {
    targets.push(
      target(TargetOrigin.LOCAL_RESOLUTION, TargetType.NET_ZERO, {
        targetYear: [2035, 2040, 2045][Math.floor(random() * 3)],
        adoptedOn: `${2019 + Math.floor(random() * 5)}-06-15`,
      }),
    );
  } else if (seed.countryCode === 'CH' && random() < 0.4) {
    targets.push(
      target(TargetOrigin.LOCAL_RESOLUTION, TargetType.PER_CAPITA_LEVEL, {
        perCapitaTargetT: 1,
        adoptedOn: '2011-11-27',
      }),
    );
  }
  return targets;
}
