import { UserInputError } from '../../common/errors';
import { optionalText, requireInRange, requireIntInRange, requireText } from '../../common/validation';
import { CERTIFICATE_CODE_FORMATS, isCertificateCode, normaliseCertificateCode } from './certificate-codes';
import { requireIsoCountryCode } from './iso-country-codes';
import type { ProcurementFacts } from './timber-compliance.rules';
import type { TimberCommitment } from './timber-commitment.entity';
import type { TimberProcurementInput } from './timber-procurement.inputs';

export const FIRST_PROCUREMENT_YEAR = 1990;
const MAX_VOLUME_M3 = 1e9;
const MAX_VALUE_EUR = 1e11;

export interface ValidProcurement extends ProcurementFacts {
  year: number;
  species: string;
  volumeM3: number;
  valueEur: number;
  certificateCode: string | null;
}

function validCertificateCode(input: TimberProcurementInput): string | null {
  const field = 'input.certificateCode';
  const { certificationScheme: scheme, certificationClaim: claim } = input;
  const code = input.certificateCode?.trim() ? normaliseCertificateCode(input.certificateCode) : null;
  if (scheme && !claim) throw new UserInputError('input.certificationClaim', `is required with scheme ${scheme}`);
  if (claim && !scheme) throw new UserInputError('input.certificationScheme', `is required with claim ${claim}`);
  if (!scheme) {
    if (code) throw new UserInputError(field, 'needs a certificationScheme');
    return null;
  }
  if (!code) throw new UserInputError(field, `is required for a ${scheme} ${claim} claim`);
  if (!isCertificateCode(scheme, code)) {
    const format = CERTIFICATE_CODE_FORMATS[scheme];
    throw new UserInputError(field, `"${code}" is not a ${scheme} certificate code (e.g. ${format.examples})`);
  }
  return code;
}

/** Checks every field of a procurement input against its commitment; nothing is written when one is wrong. */
export function validProcurement(input: TimberProcurementInput, commitment: TimberCommitment): ValidProcurement {
  const currentYear = new Date().getUTCFullYear();
  const year = requireIntInRange('input.year', input.year, FIRST_PROCUREMENT_YEAR, currentYear);
  const species = requireText('input.species', input.species, 120);
  const volumeM3 = requireInRange('input.volumeM3', input.volumeM3, 0, MAX_VOLUME_M3);
  const valueEur = requireInRange('input.valueEur', input.valueEur, 0, MAX_VALUE_EUR);
  const countryOfProductionCode = requireIsoCountryCode('input.countryOfProductionCode', input.countryOfProductionCode);
  const certificateCode = validCertificateCode(input);
  const dueDiligenceReference = optionalText('input.dueDiligenceReference', input.dueDiligenceReference, 100);
  if (commitment.requiresDueDiligenceReference && input.isTropical && !dueDiligenceReference) {
    throw new UserInputError(
      'input.dueDiligenceReference',
      'is required for tropical timber: the commitment requires EUDR due-diligence references',
    );
  }
  return {
    year,
    productCategory: input.productCategory,
    species,
    isTropical: input.isTropical,
    volumeM3,
    valueEur,
    countryOfProductionCode,
    certificationScheme: input.certificationScheme ?? null,
    certificationClaim: input.certificationClaim ?? null,
    certificateCode,
    dueDiligenceReference,
  };
}
