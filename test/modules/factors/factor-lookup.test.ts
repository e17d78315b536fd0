import { describe, expect, it } from 'vitest';
import { EnergyCarrier } from '../../../src/modules/emissions/emission.enums';
import { computedTco2e, findFactor, type FactorRow } from '../../../src/modules/factors/factor-lookup';

const { ELECTRICITY, NATURAL_GAS, DISTRICT_HEATING } = EnergyCarrier;
const FACTORS: FactorRow[] = [
  { energyCarrier: NATURAL_GAS, countryCode: null, year: null, tco2ePerMwh: 0.247 },
  { energyCarrier: ELECTRICITY, countryCode: 'DE', year: 2021, tco2ePerMwh: 0.4 },
  { energyCarrier: ELECTRICITY, countryCode: 'DE', year: 2022, tco2ePerMwh: 0.43 },
  { energyCarrier: ELECTRICITY, countryCode: 'AT', year: 2022, tco2ePerMwh: 0.11 },
  { energyCarrier: ELECTRICITY, countryCode: null, year: null, tco2ePerMwh: 0.3 },
];

describe('findFactor', () => {
  it.each([
    ['a fuel, any country and year', NATURAL_GAS, 'LU', 2005, 0.247],
    ["electricity: the country's factor of that year", ELECTRICITY, 'DE', 2022, 0.43],
    ['electricity: the latest earlier year', ELECTRICITY, 'DE', 2024, 0.43],
    ['electricity: an earlier year of the country', ELECTRICITY, 'DE', 2021, 0.4],
    ['electricity: before every year of the country, the every-country factor', ELECTRICITY, 'AT', 2019, 0.3],
    ['electricity: a country without its own factor', ELECTRICITY, 'IT', 2022, 0.3],
  ])('%s', (_case, carrier, country, year, expected) => {
    expect(findFactor(FACTORS, carrier, country, year)?.tco2ePerMwh).toBe(expected);
  });

  it('finds nothing for a carrier the set lacks, and never uses a later year', () => {
    expect(findFactor(FACTORS, DISTRICT_HEATING, 'DE', 2022)).toBeNull();
    expect(findFactor(FACTORS.slice(1, 3), ELECTRICITY, 'DE', 2020)).toBeNull();
  });
});

describe('computedTco2e', () => {
  it('is MWh × factor, to the kilogram', () => {
    expect(computedTco2e(10_000, 0.247)).toBe(2470);
    expect(computedTco2e(1234.567, 0.318)).toBe(392.592);
    expect(computedTco2e(0, 0.5)).toBe(0);
  });
});
