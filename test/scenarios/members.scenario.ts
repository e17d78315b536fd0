import type { EntityManager } from '@mikro-orm/postgresql';
import { CoordinationOffice } from '../../src/modules/members/coordination-office.entity';
import { Member } from '../../src/modules/members/member.entity';
import { MemberCategory, MembershipStatus, MembershipType } from '../../src/modules/members/member.enums';
import { PopulationRecord } from '../../src/modules/members/population-record.entity';

/** Named members the tests refer to, with fixed ids. */
export const NAMED_MEMBERS = {
  wien: {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Wien',
    countryCode: 'AT',
    category: MemberCategory.CITY,
    membershipType: MembershipType.FULL,
    status: MembershipStatus.ACTIVE,
    joinedOn: '1992-09-20',
    populations: [
      { year: 1990, population: 1_490_000 },
      { year: 2023, population: 1_980_000 },
    ],
  },
  frankfurt: {
    id: '00000000-0000-4000-8000-000000000002',
    name: 'Frankfurt am Main',
    countryCode: 'DE',
    category: MemberCategory.CITY,
    membershipType: MembershipType.FULL,
    status: MembershipStatus.ACTIVE,
    joinedOn: '1990-09-14',
    populations: [{ year: 2023, population: 770_000 }],
  },
  muenchen: {
    id: '00000000-0000-4000-8000-000000000003',
    name: 'München',
    countryCode: 'DE',
    category: MemberCategory.CITY,
    membershipType: MembershipType.FULL,
    status: MembershipStatus.ACTIVE,
    joinedOn: '1991-05-01',
    populations: [{ year: 2023, population: 1_500_000 }],
  },
  mondercange: {
    id: '00000000-0000-4000-8000-000000000004',
    name: 'Mondercange',
    countryCode: 'LU',
    category: MemberCategory.MUNICIPALITY,
    membershipType: MembershipType.FULL,
    status: MembershipStatus.ACTIVE,
    joinedOn: '1995-03-01',
    populations: [{ year: 2023, population: 7_000 }],
  },
  contern: {
    id: '00000000-0000-4000-8000-000000000005',
    name: 'Contern',
    countryCode: 'LU',
    category: MemberCategory.MUNICIPALITY,
    membershipType: MembershipType.ASSOCIATE,
    status: MembershipStatus.SUSPENDED,
    joinedOn: '2001-06-01',
    populations: [{ year: 2023, population: 4_000 }],
  },
  altdorf: {
    id: '00000000-0000-4000-8000-000000000006',
    name: 'Altdorf',
    countryCode: 'CH',
    category: MemberCategory.MUNICIPALITY,
    membershipType: MembershipType.FULL,
    status: MembershipStatus.LEFT,
    joinedOn: '1998-02-01',
    leftOn: '2010-12-31',
    populations: [{ year: 2020, population: 9_500 }],
  },
  klimaverein: {
    id: '00000000-0000-4000-8000-000000000007',
    name: 'Klimaverein Test',
    countryCode: 'AT',
    category: MemberCategory.ASSOCIATION_NGO,
    membershipType: MembershipType.ASSOCIATE,
    status: MembershipStatus.APPLIED,
    joinedOn: null,
    populations: [],
  },
} as const;

/** Plain municipalities "Testgemeinde 001" … in Austria: enough rows to page through 100 at a time. */
export const GENERATED_MEMBER_COUNT = 120;

export function generatedMemberId(index: number): string {
  return `00000000-0000-4000-8001-${String(index).padStart(12, '0')}`;
}

export async function seedMembersScenario(em: EntityManager): Promise<void> {
  const offices = await em.find(CoordinationOffice, {});
  const officeIn = (code: string) => offices.find((office) => office.country.code === code)?.id ?? null;
  const now = new Date();
  const named = Object.values(NAMED_MEMBERS).map((member) => ({
    id: member.id,
    name: member.name,
    category: member.category,
    membershipType: member.membershipType,
    status: member.status,
    country: member.countryCode,
    coordinationOffice: officeIn(member.countryCode),
    joinedOn: member.joinedOn,
    leftOn: 'leftOn' in member ? member.leftOn : null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const generated = Array.from({ length: GENERATED_MEMBER_COUNT }, (_, i) => ({
    id: generatedMemberId(i + 1),
    name: `Testgemeinde ${String(i + 1).padStart(3, '0')}`,
    category: MemberCategory.MUNICIPALITY,
    membershipType: MembershipType.FULL,
    status: MembershipStatus.ACTIVE,
    country: 'AT',
    coordinationOffice: officeIn('AT'),
    joinedOn: new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10),
    leftOn: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  await em.insertMany(Member, [...named, ...generated]);
  const populations = [
    ...Object.values(NAMED_MEMBERS).flatMap((member) =>
      member.populations.map((record) => ({ member: member.id, ...record })),
    ),
    ...generated.map((member, i) => ({ member: member.id, year: 2023, population: 1_000 + (i + 1) * 10 })),
  ];
  await em.insertMany(
    PopulationRecord,
    populations.map((record, i) => ({
      id: `00000000-0000-4000-8002-${String(i + 1).padStart(12, '0')}`,
      ...record,
      createdAt: now,
      updatedAt: now,
    })),
  );
}
