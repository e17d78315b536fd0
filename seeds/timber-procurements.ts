import { judgeProcurement } from '../src/modules/timber/timber-compliance.rules';
import {
  CertificationClaim as Claim,
  CertificationScheme as Scheme,
  TimberPolicyLevel as Level,
  TimberProductCategory as Category,
} from '../src/modules/timber/timber.enums';
import {
  FSC_BODIES,
  PEFC_BODIES,
  PEFC_NATIONAL_BODIES,
  PRICE_EUR_PER_M3,
  PROCUREMENT_YEARS,
  SPECIES,
  VOLUME_M3,
} from './data/timber';
import { hashSeed, seededRandom, uuidFromKey } from './random';
import { between, digits, pick, type Random, type TimberCommitmentSeed } from './timber-commitments';

const CERTIFIED_POLICIES = [Level.CERTIFIED_ONLY_FSC, Level.CERTIFIED_FSC_OR_PEFC];

function certificateCode(random: Random, scheme: Scheme, countryCode: string): string {
  if (scheme === Scheme.FSC) {
    return random() < 0.4 ? `FSC-C${digits(random, 6)}` : `${pick(random, FSC_BODIES)}-COC-${digits(random, 6)}`;
  }
  if (random() < 0.4) {
    const body = PEFC_NATIONAL_BODIES[countryCode] ?? digits(random, 2);
    return `PEFC/${body}-${pick(random, ['31', '33', '35', '38', '44'])}-${Number(digits(random, 4)) + 1}`;
  }
  return `${pick(random, PEFC_BODIES)}-PEFC-COC-${digits(random, 6)}`;
}

/** Mostly what the policy asks for, with the lapses real procurement has: uncertified, wrong scheme, controlled only. */
function certification(random: Random, commitment: TimberCommitmentSeed, category: Category, isTropical: boolean) {
  const strict = CERTIFIED_POLICIES.includes(commitment.policyLevel);
  const roll = random();
  if (roll > (isTropical ? 0.75 : strict ? 0.88 : 0.6)) return { scheme: null, claim: null };
  const scheme =
    commitment.policyLevel === Level.CERTIFIED_ONLY_FSC || isTropical
      ? random() < 0.9
        ? Scheme.FSC
        : Scheme.PEFC
      : pick(random, [Scheme.FSC, Scheme.PEFC]);
  if (strict && roll > 0.82) return { scheme, claim: Claim.CONTROLLED_SOURCES };
  const recycled = category === Category.PAPER ? 0.6 : 0.05;
  const claim = random() < recycled ? Claim.RECYCLED : random() < 0.35 ? Claim.CERTIFIED_100_PERCENT : Claim.MIX;
  return { scheme, claim };
}

function procurement(random: Random, commitment: TimberCommitmentSeed, year: number, index: number) {
  const { member } = commitment;
  const scope = commitment.scope.length ? commitment.scope : [Category.CONSTRUCTION, Category.FURNITURE];
  const category = random() < 0.9 ? pick(random, scope) : pick(random, [Category.PAPER, Category.PACKAGING]);
  const tropicalShare = commitment.policyLevel === Level.FULL_TROPICAL_ABSTENTION ? 0.04 : 0.1;
  const wantTropical = random() < tropicalShare;
  const candidates = SPECIES.filter((s) => s.categories.includes(category) && s.isTropical === wantTropical);
  const species = pick(random, candidates.length ? candidates : SPECIES.filter((s) => s.categories.includes(category)));
  const regional = !species.isTropical && commitment.regionCountryCodes.length && random() < 0.65;
  const countryOfProductionCode = regional ? member.countryCode : pick(random, species.countries);
  const { scheme, claim } = certification(random, commitment, category, species.isTropical);
  const size = Math.min(8, Math.max(0.2, (member.population ?? 20_000) / 50_000));
  const volumeM3 = Math.round(between(random, ...VOLUME_M3[category]) * size * 10) / 10;
  const valueEur = Math.round(volumeM3 * between(random, ...PRICE_EUR_PER_M3[category]));
  const withReference = species.isTropical && (commitment.requiresDueDiligenceReference || random() < 0.8);
  const facts = {
    year,
    productCategory: category,
    species: species.species,
    isTropical: species.isTropical,
    volumeM3,
    valueEur,
    countryOfProductionCode,
    certificationScheme: scheme,
    certificationClaim: claim,
    certificateCode: scheme ? certificateCode(random, scheme, countryOfProductionCode) : null,
    dueDiligenceReference: withReference ? `${String(year).slice(2)}${member.countryCode}${digits(random, 10)}` : null,
  };
  const verdict = judgeProcurement(commitment, facts);
  return {
    id: uuidFromKey(`timber-procurement:${member.key}:${year}:${index}`),
    commitment: commitment.id,
    ...facts,
    compliance: verdict.compliance,
    nonComplianceReason: verdict.reason,
  };
}

/** One to four purchases a year from adoption (or 2018) to 2024, or to the year the member left. */
export function timberProcurementSeeds(commitment: TimberCommitmentSeed) {
  const random = seededRandom(hashSeed(`timber-procurements:${commitment.member.key}`));
  const first = Number(commitment.adoptedOn.slice(0, 4));
  const last = commitment.member.leftOn ? Number(commitment.member.leftOn.slice(0, 4)) : Infinity;
  return PROCUREMENT_YEARS.filter((year) => year >= first && year <= last).flatMap((year) =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, (_, index) => procurement(random, commitment, year, index)),
  );
}
