import { describe, expect, it } from 'vitest';
import { isCertificateCode } from '../../../src/modules/timber/certificate-codes';
import { CertificationScheme as Scheme } from '../../../src/modules/timber/timber.enums';

describe('certificate codes', () => {
  it.each([
    [Scheme.FSC, 'FSC-C012345', true],
    [Scheme.FSC, ' fsc-c012345 ', true],
    [Scheme.FSC, 'SGSCH-COC-004242', true],
    [Scheme.FSC, 'SA-FM/COC-001234', true],
    [Scheme.FSC, 'NC-CW-012345', true],
    [Scheme.FSC, 'FSC-C12345', false],
    [Scheme.FSC, 'FSC-012345', false],
    [Scheme.FSC, 'SGSCH-COC-04242', false],
    [Scheme.FSC, 'S-COC-004242', false],
    [Scheme.FSC, 'BV-PEFC-COC-123456', false],
    [Scheme.FSC, 'PEFC/06-38-12', false],
    [Scheme.PEFC, 'PEFC/06-38-12', true],
    [Scheme.PEFC, 'PEFC/04-31-1234', true],
    [Scheme.PEFC, 'BV-PEFC-COC-123456', true],
    [Scheme.PEFC, 'DIN-PEFC-COC-100234', true],
    [Scheme.PEFC, 'PEFC/6-38-12', false],
    [Scheme.PEFC, 'PEFC-06-38-12', false],
    [Scheme.PEFC, 'BV-PEFC-COC-12', false],
    [Scheme.PEFC, 'FSC-C012345', false],
    [Scheme.PEFC, 'SGSCH-COC-004242', false],
  ])('%s %j → %s', (scheme, code, valid) => {
    expect(isCertificateCode(scheme, code)).toBe(valid);
  });
});
