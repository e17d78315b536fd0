import type { CommitmentTerms } from '../src/modules/timber/timber-compliance.rules';
import {
  CertificationScheme as Scheme,
  CommitmentStatus,
  TimberPolicyLevel as Level,
  type TimberProductCategory,
} from '../src/modules/timber/timber.enums';
import {
  BASE_SCOPE,
  COMMITMENT_SHARE,
  EXTRA_SCOPE,
  OTHER_COUNTRIES_SHARE,
  POLICY_WEIGHTS,
  REGION_NEIGHBOURS,
} from './data/timber';
import { MEMBER_SEEDS, type MemberSeed } from './members.seeder';
import { hashSeed, seededRandom, uuidFromKey } from './random';

export type Random = () => number;

export interface TimberCommitmentSeed extends CommitmentTerms {
  id: string;
  member: MemberSeed;
  scope: TimberProductCategory[];
  acceptedCertificationSchemes: Scheme[];
  regionCountryCodes: string[];
  adoptedOn: string;
  resolutionRef: string;
  reviewDue: string | null;
  status: CommitmentStatus;
}

export const between = (random: Random, low: number, high: number) => low + random() * (high - low);
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
export const digits = (random: Random, count: number) =>
  String(Math.floor(random() * 10 ** count)).padStart(count, '0');
const twoDigits = (value: number) => String(Math.floor(value)).padStart(2, '0');

function weighted<T>(random: Random, weights: [T, number][]): T {
  let roll = random() * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weights[weights.length - 1][0];
}

function resolutionRef(random: Random, countryCode: string, year: number): string {
  const number = Number(digits(random, 3)) + 1;
  if (countryCode === 'DE') return `Stadtratsbeschluss ${year}/${number}`;
  if (countryCode === 'AT') return `GR-${year}/${number}`;
  if (countryCode === 'IT') return `Delibera C.C. n. ${number}/${year}`;
  if (countryCode === 'LU') return `Délibération du conseil communal ${year}-${number}`;
  return `Council resolution ${year}/${number}`;
}

function acceptedSchemes(random: Random, level: Level): Scheme[] {
  if (level === Level.CERTIFIED_ONLY_FSC) return [Scheme.FSC];
  if (level === Level.CERTIFIED_FSC_OR_PEFC) return [Scheme.FSC, Scheme.PEFC];
  if (level === Level.NONE || random() < 0.6) return [];
  return level === Level.REGIONAL_PREFERENCE && random() < 0.5 ? [Scheme.PEFC] : [Scheme.FSC, Scheme.PEFC];
}

function commitmentFor(member: MemberSeed, random: Random): TimberCommitmentSeed {
  const level = weighted(random, POLICY_WEIGHTS[member.countryCode] ?? POLICY_WEIGHTS.OTHER);
  const firstYear = Math.max(1992, Number((member.joinedOn ?? '1992').slice(0, 4)));
  const lastYear = member.leftOn ? Math.max(firstYear, Number(member.leftOn.slice(0, 4))) : 2024;
  const adoptedYear = Math.floor(between(random, firstYear, lastYear));
  const adoptedOn = `${adoptedYear}-${twoDigits(1 + random() * 12)}-${twoDigits(1 + random() * 28)}`;
  const firstReview = adoptedYear + 5 + Math.floor(random() * 6);
  const lapsed = firstReview < 2025 && random() < 0.4;
  // a council that kept its resolution past the first review renewed it: the next review is still ahead
  const reviewYear = firstReview < 2025 && !lapsed ? 2025 + (firstReview % 5) : firstReview;
  const reviewDue = lapsed || random() < 0.8 ? `${reviewYear}-12-31` : null;
  const status =
    member.status === 'LEFT' ? CommitmentStatus.REVOKED : lapsed ? CommitmentStatus.LAPSED : CommitmentStatus.ACTIVE;
  return {
    id: uuidFromKey(`timber-commitment:${member.key}`),
    member,
    policyLevel: level,
    adoptedOn,
    resolutionRef: resolutionRef(random, member.countryCode, adoptedYear),
    scope: level === Level.NONE ? [] : [...BASE_SCOPE, ...EXTRA_SCOPE.filter(() => random() < 0.5)],
    acceptedCertificationSchemes: acceptedSchemes(random, level),
    requiresDueDiligenceReference: adoptedYear >= 2023 || random() < 0.4,
    regionCountryCodes:
      level === Level.REGIONAL_PREFERENCE ? [member.countryCode, ...(REGION_NEIGHBOURS[member.countryCode] ?? [])] : [],
    reviewDue,
    status,
  };
}

/** Deterministic commitments for a few hundred members: every German and Austrian city, and a share of the rest. */
export function timberCommitmentSeeds(): TimberCommitmentSeed[] {
  return MEMBER_SEEDS.filter(
    (member) =>
      member.status !== 'APPLIED' && member.category !== 'ASSOCIATION_NGO' && member.category !== 'OTHER_ORGANISATION',
  ).flatMap((member) => {
    const random = seededRandom(hashSeed(`timber:${member.key}`));
    const share = COMMITMENT_SHARE[member.countryCode] ?? OTHER_COUNTRIES_SHARE;
    const bigCity = member.category === 'CITY' && ['DE', 'AT'].includes(member.countryCode);
    return bigCity || random() < share ? [commitmentFor(member, random)] : [];
  });
}
