import type { CyclingResult } from '../../examples/partner-subgraph/city-cycling.data';
import { ORG, PROJECT } from '../scenarios/indigenous.scenario';
import { generatedMemberId, NAMED_MEMBERS } from '../scenarios/members.scenario';
import type { TestApp } from '../support/test-app';

/** Members added to this file's database copy: with the template's 120 generated ones, a ranking of 200. */
export const EXTRA_MEMBER_COUNT = 80;

/** Ids in the UUID layout but in no database. */
export const UNKNOWN_MEMBER_ID = '00000000-0000-4000-8fff-000000000001';
export const UNKNOWN_ORGANISATION_ID = '00000000-0000-4000-8fff-000000000002';
export const UNKNOWN_PROJECT_ID = '00000000-0000-4000-8fff-000000000003';

/** The 2026 pledges, most kilometres first: one per governance situation of the indigenous scenario's projects. */
export const PLEDGES = [
  { organisationId: PROJECT.publicOpen.steward, projectId: PROJECT.publicOpen.id },
  { organisationId: PROJECT.networkSite.steward, projectId: PROJECT.networkSite.id },
  { organisationId: PROJECT.restrictedSite.steward, projectId: PROJECT.restrictedSite.id },
  { organisationId: PROJECT.isolatedPublic.steward, projectId: PROJECT.isolatedPublic.id },
  { organisationId: ORG.coica, projectId: null },
  { organisationId: UNKNOWN_ORGANISATION_ID, projectId: UNKNOWN_PROJECT_ID },
];

/** The generated and the extra members: the 2025 ranking's members, by name. */
export const RANKED_MEMBERS_SQL = `select id, name from member
  where name like 'Testgemeinde %' or name like 'Radgemeinde %' order by name, id`;

export async function addExtraMembers(api: TestApp): Promise<void> {
  await api.orm.em.getConnection().execute(
    `insert into member (id, created_at, updated_at, name, category, membership_type, status, country_code)
     select ('00000000-0000-4000-8003-' || lpad(i::text, 12, '0'))::uuid, now(), now(),
            'Radgemeinde ' || lpad(i::text, 3, '0'), 'MUNICIPALITY', 'FULL', 'ACTIVE', 'DE'
     from generate_series(1, ${EXTRA_MEMBER_COUNT}) as i`,
  );
}

/**
 * 2023 and 2024: Wien and Frankfurt with figures the tests check by hand. 2025: the members in `rankedIds`, the first
 * with the most kilometres. 2026: generated members with the PLEDGES, at 2 € per 100 km. 2030: München, an unknown
 * member and a malformed id.
 */
export function cyclingResults(rankedIds: string[]): CyclingResult[] {
  return [
    { memberId: NAMED_MEMBERS.wien.id, year: 2023, cyclists: 5_000, kilometresCycled: 1_000_000 },
    { memberId: NAMED_MEMBERS.wien.id, year: 2024, cyclists: 6_000, kilometresCycled: 1_200_000 },
    { memberId: NAMED_MEMBERS.frankfurt.id, year: 2024, cyclists: 4_000, kilometresCycled: 800_000 },
    ...rankedIds.map((memberId, i) => ({
      memberId,
      year: 2025,
      cyclists: 100,
      kilometresCycled: 100_000 - i,
    })),
    ...PLEDGES.map((pledge, i) => ({
      memberId: generatedMemberId(i + 1),
      year: 2026,
      cyclists: 10,
      kilometresCycled: 6_000 - i * 1_000,
      pledge: { eurPer100Km: 2, ...pledge },
    })),
    { memberId: NAMED_MEMBERS.muenchen.id, year: 2030, cyclists: 10, kilometresCycled: 300 },
    { memberId: UNKNOWN_MEMBER_ID, year: 2030, cyclists: 10, kilometresCycled: 200 },
    { memberId: 'not-a-uuid', year: 2030, cyclists: 10, kilometresCycled: 100 },
  ];
}
