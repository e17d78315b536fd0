import type { EntityManager } from '@mikro-orm/postgresql';
import { judgeProcurement, type ProcurementFacts } from '../../src/modules/timber/timber-compliance.rules';
import { TimberCommitment } from '../../src/modules/timber/timber-commitment.entity';
import { TimberProcurement } from '../../src/modules/timber/timber-procurement.entity';
import {
  CertificationClaim as Claim,
  CertificationScheme as Scheme,
  CommitmentStatus,
  TimberPolicyLevel as Level,
  TimberProductCategory as Category,
} from '../../src/modules/timber/timber.enums';
import { generatedMemberId, NAMED_MEMBERS } from './members.scenario';

type CommitmentSeed = Pick<
  TimberCommitment,
  | 'policyLevel'
  | 'adoptedOn'
  | 'resolutionRef'
  | 'scope'
  | 'acceptedCertificationSchemes'
  | 'requiresDueDiligenceReference'
  | 'regionCountryCodes'
  | 'reviewDue'
  | 'status'
> & { id: string; memberId: string };

type ProcurementSeed = ProcurementFacts &
  Pick<TimberProcurement, 'year' | 'species' | 'volumeM3' | 'valueEur' | 'certificateCode'>;

const BUILDING = [Category.CONSTRUCTION, Category.JOINERY, Category.FLOORING, Category.FURNITURE];
const uncertified = { certificationScheme: null, certificationClaim: null, certificateCode: null };

/** Commitments of the named members; Mondercange, Klimaverein and Testgemeinde 111–120 have none. */
export const NAMED_COMMITMENTS = {
  muenchen: {
    id: '00000000-0000-4000-8100-000000000001',
    memberId: NAMED_MEMBERS.muenchen.id,
    policyLevel: Level.FULL_TROPICAL_ABSTENTION,
    adoptedOn: '1996-07-24',
    resolutionRef: 'Stadtratsbeschluss 1996/0815',
    scope: [...BUILDING, Category.OUTDOOR_FACILITIES],
    acceptedCertificationSchemes: [],
    requiresDueDiligenceReference: true,
    regionCountryCodes: [],
    reviewDue: '2027-06-30',
    status: CommitmentStatus.ACTIVE,
  },
  frankfurt: {
    id: '00000000-0000-4000-8100-000000000002',
    memberId: NAMED_MEMBERS.frankfurt.id,
    policyLevel: Level.CERTIFIED_FSC_OR_PEFC,
    adoptedOn: '2009-03-12',
    resolutionRef: '§ 5412/2009',
    scope: [Category.CONSTRUCTION, Category.FURNITURE, Category.PAPER],
    acceptedCertificationSchemes: [Scheme.FSC, Scheme.PEFC],
    requiresDueDiligenceReference: false,
    regionCountryCodes: [],
    reviewDue: null,
    status: CommitmentStatus.ACTIVE,
  },
  wien: {
    id: '00000000-0000-4000-8100-000000000003',
    memberId: NAMED_MEMBERS.wien.id,
    policyLevel: Level.CERTIFIED_ONLY_FSC,
    adoptedOn: '2001-11-23',
    resolutionRef: 'GRB 2001/47',
    scope: [...BUILDING, Category.PAPER],
    acceptedCertificationSchemes: [Scheme.FSC],
    requiresDueDiligenceReference: false,
    regionCountryCodes: [],
    reviewDue: '2026-12-31',
    status: CommitmentStatus.ACTIVE,
  },
  contern: {
    id: '00000000-0000-4000-8100-000000000004',
    memberId: NAMED_MEMBERS.contern.id,
    policyLevel: Level.REGIONAL_PREFERENCE,
    adoptedOn: '2012-05-10',
    resolutionRef: null,
    scope: [Category.CONSTRUCTION, Category.OUTDOOR_FACILITIES],
    acceptedCertificationSchemes: [Scheme.FSC, Scheme.PEFC],
    requiresDueDiligenceReference: false,
    regionCountryCodes: ['LU', 'BE', 'DE', 'FR'],
    reviewDue: '2020-05-10',
    status: CommitmentStatus.LAPSED,
  },
  altdorf: {
    id: '00000000-0000-4000-8100-000000000005',
    memberId: NAMED_MEMBERS.altdorf.id,
    policyLevel: Level.NONE,
    adoptedOn: null,
    resolutionRef: null,
    scope: [],
    acceptedCertificationSchemes: [],
    requiresDueDiligenceReference: false,
    regionCountryCodes: [],
    reviewDue: null,
    status: CommitmentStatus.REVOKED,
  },
} satisfies Record<string, CommitmentSeed>;

/** München's procurements: the figures test/modules/timber/timber-compliance.test.ts checks by hand. */
export const MUENCHEN_PROCUREMENTS: ProcurementSeed[] = [
  {
    year: 2022,
    productCategory: Category.CONSTRUCTION,
    species: 'Spruce',
    isTropical: false,
    volumeM3: 120,
    valueEur: 54_000,
    countryOfProductionCode: 'DE',
    certificationScheme: Scheme.PEFC,
    certificationClaim: Claim.MIX,
    certificateCode: 'DIN-PEFC-COC-100234',
    dueDiligenceReference: null,
  },
  {
    year: 2022,
    productCategory: Category.OUTDOOR_FACILITIES,
    species: 'Robinia',
    isTropical: false,
    volumeM3: 15,
    valueEur: 9_750,
    countryOfProductionCode: 'HU',
    ...uncertified,
    dueDiligenceReference: null,
  },
  {
    year: 2022,
    productCategory: Category.FLOORING,
    species: 'Jatobá',
    isTropical: true,
    volumeM3: 4.5,
    valueEur: 7_200,
    countryOfProductionCode: 'BR',
    certificationScheme: Scheme.FSC,
    certificationClaim: Claim.CERTIFIED_100_PERCENT,
    certificateCode: 'FSC-C104523',
    dueDiligenceReference: '22DEMUC0000017',
  },
  {
    year: 2022,
    productCategory: Category.PAPER,
    species: 'Mixed softwood pulp',
    isTropical: false,
    volumeM3: 30,
    valueEur: 21_000,
    countryOfProductionCode: 'SE',
    ...uncertified,
    dueDiligenceReference: null,
  },
  {
    year: 2023,
    productCategory: Category.JOINERY,
    species: 'Larch',
    isTropical: false,
    volumeM3: 22.25,
    valueEur: 31_150,
    countryOfProductionCode: 'AT',
    certificationScheme: Scheme.FSC,
    certificationClaim: Claim.MIX,
    certificateCode: 'SGSCH-COC-004242',
    dueDiligenceReference: null,
  },
  {
    year: 2023,
    productCategory: Category.OUTDOOR_FACILITIES,
    species: 'Azobé (Lophira alata)',
    isTropical: true,
    volumeM3: 6,
    valueEur: 13_800,
    countryOfProductionCode: 'CM',
    certificationScheme: Scheme.FSC,
    certificationClaim: Claim.CERTIFIED_100_PERCENT,
    certificateCode: 'FSC-C012345',
    dueDiligenceReference: '23DEMUC0000042',
  },
];

const FRANKFURT_PROCUREMENTS: ProcurementSeed[] = [
  {
    year: 2023,
    productCategory: Category.PAPER,
    species: 'Recycled fibre',
    isTropical: false,
    volumeM3: 50,
    valueEur: 40_000,
    countryOfProductionCode: 'DE',
    certificationScheme: Scheme.PEFC,
    certificationClaim: Claim.RECYCLED,
    certificateCode: 'BV-PEFC-COC-123456',
    dueDiligenceReference: null,
  },
  {
    year: 2023,
    productCategory: Category.FURNITURE,
    species: 'Beech',
    isTropical: false,
    volumeM3: 8,
    valueEur: 12_000,
    countryOfProductionCode: 'DE',
    ...uncertified,
    dueDiligenceReference: null,
  },
];

/** Testgemeinde 001–110 get commitments (115 in all with the named ones, to page past 100). */
export const GENERATED_COMMITMENT_COUNT = 110;
const LEVELS = Object.values(Level);

export function generatedCommitmentId(index: number): string {
  return `00000000-0000-4000-8101-${String(index).padStart(12, '0')}`;
}

function generatedCommitment(index: number): CommitmentSeed {
  const policyLevel = LEVELS[index % LEVELS.length];
  const certified = policyLevel === Level.CERTIFIED_ONLY_FSC ? [Scheme.FSC] : [Scheme.FSC, Scheme.PEFC];
  return {
    id: generatedCommitmentId(index),
    memberId: generatedMemberId(index),
    policyLevel,
    adoptedOn: `20${String(10 + (index % 14)).padStart(2, '0')}-06-01`,
    resolutionRef: `GR ${index}/2015`,
    scope: policyLevel === Level.NONE ? [] : BUILDING,
    acceptedCertificationSchemes: policyLevel === Level.NONE ? [] : certified,
    requiresDueDiligenceReference: index % 2 === 0,
    regionCountryCodes: policyLevel === Level.REGIONAL_PREFERENCE ? ['AT'] : [],
    reviewDue: index % 3 === 0 ? null : `2028-0${1 + (index % 9)}-15`,
    status:
      index % 25 === 0
        ? CommitmentStatus.REVOKED
        : index % 10 === 0
          ? CommitmentStatus.LAPSED
          : CommitmentStatus.ACTIVE,
  };
}

function generatedProcurements(index: number): ProcurementSeed[] {
  return [
    {
      year: 2023,
      productCategory: Category.CONSTRUCTION,
      species: 'Spruce',
      isTropical: false,
      volumeM3: 10 + index,
      valueEur: 450 * (10 + index),
      countryOfProductionCode: 'AT',
      certificationScheme: Scheme.PEFC,
      certificationClaim: Claim.CERTIFIED_100_PERCENT,
      certificateCode: 'PEFC/06-38-12',
      dueDiligenceReference: null,
    },
    {
      year: 2024,
      productCategory: Category.FURNITURE,
      species: 'Beech',
      isTropical: false,
      volumeM3: 2,
      valueEur: 3_000,
      countryOfProductionCode: 'SK',
      ...uncertified,
      dueDiligenceReference: null,
    },
  ];
}

export async function seedTimberScenario(em: EntityManager): Promise<void> {
  const now = new Date();
  const seeds: [CommitmentSeed, ProcurementSeed[]][] = [
    [NAMED_COMMITMENTS.muenchen, MUENCHEN_PROCUREMENTS],
    [NAMED_COMMITMENTS.frankfurt, FRANKFURT_PROCUREMENTS],
    [NAMED_COMMITMENTS.wien, []],
    [NAMED_COMMITMENTS.contern, []],
    [NAMED_COMMITMENTS.altdorf, []],
    ...Array.from({ length: GENERATED_COMMITMENT_COUNT }, (_, i): [CommitmentSeed, ProcurementSeed[]] => [
      generatedCommitment(i + 1),
      generatedProcurements(i + 1),
    ]),
  ];
  await em.insertMany(
    TimberCommitment,
    seeds.map(([{ memberId, ...commitment }]) => ({
      ...commitment,
      member: memberId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })),
  );
  let counter = 0;
  await em.insertMany(
    TimberProcurement,
    seeds.flatMap(([commitment, procurements]) =>
      procurements.map((procurement) => {
        const verdict = judgeProcurement(commitment, procurement);
        return {
          id: `00000000-0000-4000-8102-${String(++counter).padStart(12, '0')}`,
          commitment: commitment.id,
          ...procurement,
          compliance: verdict.compliance,
          nonComplianceReason: verdict.reason,
          createdAt: new Date(now.getTime() + counter),
          updatedAt: now,
        };
      }),
    ),
  );
}
