import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { CoordinationOffice } from '../src/modules/members/coordination-office.entity';
import { Member } from '../src/modules/members/member.entity';
import { PopulationRecord } from '../src/modules/members/population-record.entity';
import membersData from './data/members.json';
import { hashSeed, seededRandom, uuidFromKey } from './random';
import { copyRows, type CopyRow } from './copy-rows';
import { scaled, type SeedContext } from './scale';

export interface MemberSeed {
  key: string;
  name: string;
  countryCode: string;
  category: string;
  membershipType: string;
  status: string;
  joinedOn: string | null;
  leftOn: string | null;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  lauCode: string | null;
  geonamesId: number | null;
  website: string | null;
}

export const MEMBER_SEEDS = membersData as MemberSeed[];
export const POPULATION_YEARS = [1990, 2000, 2010, 2015, 2020, 2023];

/** Population back to 1990 from the latest figure, with a steady growth rate of its own per member. */
export function populationHistory(seed: MemberSeed): { year: number; population: number }[] {
  if (seed.population === null) return [];
  const random = seededRandom(hashSeed(seed.key));
  const annualGrowth = -0.006 + random() * 0.016;
  const latestYear = POPULATION_YEARS[POPULATION_YEARS.length - 1];
  return POPULATION_YEARS.map((year) => ({
    year,
    population: Math.round(seed.population! / Math.pow(1 + annualGrowth, latestYear - year)),
  }));
}

/** Members and their population histories, written with COPY as they are generated. */
export class MembersSeeder extends Seeder<SeedContext> {
  async run(em: EntityManager, context: SeedContext = {}): Promise<void> {
    const offices = await em.find(CoordinationOffice, {});
    const officeOf = new Map(offices.map((office) => [office.country.code, office.id]));
    const now = new Date();
    const seeds = scaled(MEMBER_SEEDS, context.scale);
    await copyRows(
      em,
      Member,
      seeds.map((seed): CopyRow<Member> => ({
        id: uuidFromKey(`member:${seed.key}`),
        name: seed.name,
        category: seed.category,
        membershipType: seed.membershipType,
        status: seed.status,
        country: seed.countryCode,
        coordinationOffice: officeOf.get(seed.countryCode) ?? null,
        joinedOn: seed.joinedOn,
        leftOn: seed.leftOn,
        latitude: seed.latitude,
        longitude: seed.longitude,
        lauCode: seed.lauCode,
        geonamesId: seed.geonamesId,
        website: seed.website,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })),
      { freeze: true },
    );
    function* populations(): Iterable<CopyRow<PopulationRecord>> {
      for (const seed of seeds) {
        for (const record of populationHistory(seed)) {
          yield {
            id: uuidFromKey(`population:${seed.key}:${record.year}`),
            member: uuidFromKey(`member:${seed.key}`),
            ...record,
            createdAt: now,
            updatedAt: now,
          };
        }
      }
    }
    await copyRows(em, PopulationRecord, populations(), { freeze: true });
  }
}
