import type { EnergyCarrier } from '../emissions/emission.enums';

export interface FactorRow {
  energyCarrier: EnergyCarrier;
  countryCode: string | null;
  year: number | null;
  tco2ePerMwh: number;
}

/**
 * The factor of a set for `carrier` in `countryCode` and `year`: a factor of that country before one for every
 * country; among those the one of that year, else of the latest earlier year, else one for every year. Null when the
 * set has none (a later year's factor is never used for an earlier year).
 */
export function findFactor<T extends FactorRow>(
  factors: readonly T[],
  carrier: EnergyCarrier,
  countryCode: string,
  year: number,
): T | null {
  let best: T | null = null;
  const rank = (factor: T) => [factor.countryCode === null ? 0 : 1, factor.year ?? -1] as const;
  for (const factor of factors) {
    if (factor.energyCarrier !== carrier) continue;
    if (factor.countryCode !== null && factor.countryCode !== countryCode) continue;
    if (factor.year !== null && factor.year > year) continue;
    if (!best) {
      best = factor;
      continue;
    }
    const [country, factorYear] = rank(factor);
    const [bestCountry, bestYear] = rank(best);
    if (country > bestCountry || (country === bestCountry && factorYear > bestYear)) best = factor;
  }
  return best;
}

/** Emissions of `finalEnergyMwh` at `tco2ePerMwh`, rounded to the kilogram the records store. */
export function computedTco2e(finalEnergyMwh: number, tco2ePerMwh: number): number {
  return Math.round(finalEnergyMwh * tco2ePerMwh * 1000) / 1000;
}
