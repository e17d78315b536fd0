import { describe, expect, it } from 'vitest';
import { inventoryTotals } from '../../seeds/emission-inventories';
import { EmissionScope, EnergyCarrier, NotationKey, Sector } from '../../src/modules/emissions/emission.enums';
import type { ValidRecord } from '../../src/modules/emissions/inventory-submission.rules';

const line = (emissionsTco2e: number | null, finalEnergyMwh: number | null): ValidRecord => ({
  sector: Sector.RESIDENTIAL,
  energyCarrier: EnergyCarrier.NATURAL_GAS,
  scope: EmissionScope.TERRITORIAL,
  emissionsTco2e,
  finalEnergyMwh,
  dataQuality: null,
  notationKey: emissionsTco2e === null ? NotationKey.NO : null,
  notationExplanation: null,
});

describe('inventoryTotals', () => {
  it.each([
    [
      'decimal sums exactly, where 0.1 + 0.2 is 0.30000000000000004',
      [line(0.1, 0.2), line(0.2, 0.1)],
      '0.300',
      '0.300',
    ],
    [
      'notation keys add 0 and leave energy out',
      [line(1234.567, null), line(null, null), line(0.433, 7)],
      '1235.000',
      '7.000',
    ],
    ['no energy anywhere: null energy', [line(5, null)], '5.000', null],
    ['no records: 0 and null', [], '0.000', null],
    ['thousandths below 1', [line(0.005, 0.04)], '0.005', '0.040'],
    ['a negative line (a sink)', [line(-12.045, null), line(2, null)], '-10.045', null],
    ['large sums', [line(9_876_543_210.987, 1), line(1_000_000_000.013, 2)], '10876543211.000', '3.000'],
  ])('%s', (_, records, tco2e, mwh) => {
    expect(inventoryTotals(records)).toEqual({ totalEmissionsTco2e: tco2e, totalFinalEnergyMwh: mwh });
  });

  it('refuses a value with more than three decimals, which numeric(16,3) would round', () => {
    expect(() => inventoryTotals([line(1.0005, null)])).toThrow('more than 3 decimals');
  });
});
