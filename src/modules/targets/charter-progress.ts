import { TrajectoryStatus } from './target.enums';

/** The Member Charter: −95 % by 2050, measured against 1990 where a 1990 inventory exists. */
export const CHARTER_BASE_YEAR = 1990;
export const CHARTER_TARGET_YEAR = 2050;
export const CHARTER_REDUCTION = 0.95;
/** The share of baseline emissions left in 2050 (1 − 0.95, written out to avoid float rounding). */
export const CHARTER_REMAINING_SHARE = 0.05;
/** SLIGHTLY_OFF: at most 10 % above the path. */
export const SLIGHTLY_OFF_FACTOR = 1.1;

/** What the figures are computed from: E(B), E(latest) and P(latest) of docs/domain.md "Derived figures". */
export interface CharterInputs {
  baselineYear: number | null;
  baselineTco2e: number | null;
  /** The latest inventory year after the baseline year; null when there is none. */
  latestYear: number | null;
  latestTco2e: number | null;
  /** Population in the latest year (nearest earlier record). */
  latestPopulation: number | null;
}

export interface CharterProgress {
  status: TrajectoryStatus;
  baselineYear: number | null;
  baselineEmissionsTco2e: number | null;
  latestYear: number | null;
  latestEmissionsTco2e: number | null;
  reductionPercent: number | null;
  charterPathTco2e: number | null;
  requiredAnnualReductionPercent: number | null;
  perCapitaTco2e: number | null;
}

/** path(y) = E(B)·(1 − 0.95·(y−B)/(2050−B)). */
export function charterPathTco2e(baselineYear: number, baselineTco2e: number, year: number): number {
  return baselineTco2e * (1 - (CHARTER_REDUCTION * (year - baselineYear)) / (CHARTER_TARGET_YEAR - baselineYear));
}

export function trajectoryStatus(latestTco2e: number, pathTco2e: number): TrajectoryStatus {
  if (latestTco2e <= pathTco2e) return TrajectoryStatus.ON_TRACK;
  if (latestTco2e <= pathTco2e * SLIGHTLY_OFF_FACTOR) return TrajectoryStatus.SLIGHTLY_OFF;
  return TrajectoryStatus.OFF_TRACK;
}

/** 1 − E(latest)/E(B), in percent; null for a zero baseline. */
export function reductionPercent(baselineTco2e: number, latestTco2e: number): number | null {
  return baselineTco2e > 0 ? (1 - latestTco2e / baselineTco2e) * 100 : null;
}

/** 1 − (0.05·E(B)/E(latest))^(1/(2050−latest)), in percent; null where the formula has no finite value. */
export function requiredAnnualReductionPercent(
  baselineTco2e: number,
  latestYear: number,
  latestTco2e: number,
): number | null {
  if (latestTco2e <= 0 || latestYear >= CHARTER_TARGET_YEAR) return null;
  const percent =
    (1 - Math.pow((CHARTER_REMAINING_SHARE * baselineTco2e) / latestTco2e, 1 / (CHARTER_TARGET_YEAR - latestYear))) *
    100;
  return Number.isFinite(percent) ? percent : null;
}

export function perCapitaTco2e(tco2e: number, population: number | null): number | null {
  return population ? tco2e / population : null;
}

/** Progress against the Charter, with the inputs it used; NO_DATA without a baseline and a later inventory. */
export function charterProgress(inputs: CharterInputs): CharterProgress {
  const { baselineYear, baselineTco2e, latestYear, latestTco2e } = inputs;
  const noData: CharterProgress = {
    status: TrajectoryStatus.NO_DATA,
    baselineYear,
    baselineEmissionsTco2e: baselineTco2e,
    latestYear: null,
    latestEmissionsTco2e: null,
    reductionPercent: null,
    charterPathTco2e: null,
    requiredAnnualReductionPercent: null,
    perCapitaTco2e: null,
  };
  if (baselineYear === null || baselineTco2e === null || latestYear === null || latestTco2e === null) return noData;
  if (latestYear <= baselineYear) return noData;
  const path = charterPathTco2e(baselineYear, baselineTco2e, latestYear);
  return {
    status: trajectoryStatus(latestTco2e, path),
    baselineYear,
    baselineEmissionsTco2e: baselineTco2e,
    latestYear,
    latestEmissionsTco2e: latestTco2e,
    reductionPercent: reductionPercent(baselineTco2e, latestTco2e),
    charterPathTco2e: path,
    requiredAnnualReductionPercent: requiredAnnualReductionPercent(baselineTco2e, latestYear, latestTco2e),
    perCapitaTco2e: perCapitaTco2e(latestTco2e, inputs.latestPopulation),
  };
}
