import { CertificationScheme } from './timber.enums';

/**
 * Accepted certificate code formats per scheme (codes are compared upper-cased, without surrounding spaces):
 * - FSC: a trademark licence code `FSC-C` + 6 digits (`FSC-C012345`), or a certificate code of a certification body:
 *   2–8 letters, `-`, `COC` (chain of custody), `FM/COC` (forest management) or `CW` (controlled wood), `-`, 6 digits
 *   (`SGSCH-COC-004242`, `SA-FM/COC-001234`).
 * - PEFC: a logo licence `PEFC/` + 2-digit national body + `-` + 2-digit type + `-` + 1–8 digits (`PEFC/06-38-12`), or a
 *   chain-of-custody certificate 2–8 letters + `-PEFC-COC-` + 4–8 digits (`BV-PEFC-COC-123456`).
 */
export const CERTIFICATE_CODE_FORMATS: Record<CertificationScheme, { pattern: RegExp; examples: string }> = {
  [CertificationScheme.FSC]: {
    pattern: /^(?:FSC-C\d{6}|[A-Z]{2,8}-(?:COC|FM\/COC|CW)-\d{6})$/,
    examples: 'FSC-C012345 or SGSCH-COC-004242',
  },
  [CertificationScheme.PEFC]: {
    pattern: /^(?:PEFC\/\d{2}-\d{2}-\d{1,8}|[A-Z]{2,8}-PEFC-COC-\d{4,8})$/,
    examples: 'PEFC/06-38-12 or BV-PEFC-COC-123456',
  },
};

/** The code in its stored form (trimmed, upper-case). */
export function normaliseCertificateCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isCertificateCode(scheme: CertificationScheme, code: string): boolean {
  return CERTIFICATE_CODE_FORMATS[scheme].pattern.test(normaliseCertificateCode(code));
}
