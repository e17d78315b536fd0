import { CHARTER_BASE_YEAR, trajectoryStatus } from './charter-progress';
import { TargetMeasure, TargetOrigin, TargetType, TrajectoryStatus } from './target.enums';

/** One year of a member's emissions: the preferred inventory's total, with what the baseline choice needs. */
export interface YearFigure {
  year: number;
  tco2e: number;
  /** Whether an inventory of that year is marked baseline. */
  isBaseline: boolean;
  /** Population that year (nearest earlier record); null when none. */
  population: number | null;
}

/** What a target says, as stored on ClimateTarget. */
export interface TargetTerms {
  origin: TargetOrigin;
  type: TargetType;
  baseYear: number | null;
  targetYear: number;
  reductionPercent: number | null;
  perCapitaTargetT: number | null;
  levelTco2e: number | null;
}

export interface PerCapitaPoint {
  year: number;
  tco2e: number;
  population: number | null;
  perCapitaTco2e: number | null;
}

/**
 * Progress against one target. Values (baselineValue, latestValue, targetValue, pathValue, residualValue,
 * requiredAnnualCut) are in the target's measure: tonnes CO2e, or tonnes CO2e per inhabitant for PER_CAPITA_LEVEL.
 */
export interface TargetProgress {
  status: TrajectoryStatus;
  measure: TargetMeasure;
  baselineYear: number | null;
  baselineEmissionsTco2e: number | null;
  latestYear: number | null;
  latestEmissionsTco2e: number | null;
  baselineValue: number | null;
  latestValue: number | null;
  targetValue: number | null;
  pathValue: number | null;
  reductionPercent: number | null;
  residualValue: number | null;
  requiredAnnualReductionPercent: number | null;
  requiredAnnualCut: number | null;
  perCapitaSeries: PerCapitaPoint[] | null;
}

/**
 * The baseline year B of a target: for the Charter the Charter's rule (1990 if there is a 1990 inventory, else the
 * earliest marked baseline, else the earliest); for a target with a base year that year, when it has an inventory;
 * for one without, the earliest marked baseline, else the earliest inventory year.
 */
export function targetBaselineYear(terms: TargetTerms, years: readonly YearFigure[]): number | null {
  const has = (year: number) => years.some((figure) => figure.year === year);
  const earliestMarked = years.find((figure) => figure.isBaseline)?.year ?? null;
  const earliest = years[0]?.year ?? null;
  if (terms.origin === TargetOrigin.CLIMATE_ALLIANCE_CHARTER) {
    return has(CHARTER_BASE_YEAR) ? CHARTER_BASE_YEAR : (earliestMarked ?? earliest);
  }
  if (terms.baseYear !== null) return has(terms.baseYear) ? terms.baseYear : null;
  return earliestMarked ?? earliest;
}

/**
 * The value the target asks for in its target year, given the baseline value v(B):
 * BASE_YEAR_ABSOLUTE v(B)·(1 − r/100); PER_CAPITA_LEVEL the per-capita level; NET_ZERO the allowed residual (0 when
 * not given); FIXED_LEVEL the level.
 */
export function targetValue(terms: TargetTerms, baselineValue: number): number | null {
  switch (terms.type) {
    case TargetType.BASE_YEAR_ABSOLUTE:
      return terms.reductionPercent === null ? null : (baselineValue * (100 - terms.reductionPercent)) / 100;
    case TargetType.PER_CAPITA_LEVEL:
      return terms.perCapitaTargetT;
    case TargetType.NET_ZERO:
      return terms.levelTco2e ?? 0;
    case TargetType.FIXED_LEVEL:
      return terms.levelTco2e;
  }
}

/** path(y) = v(B) + (L − v(B))·(y − B)/(T − B), and L from the target year on. */
export function linearPath(baseYear: number, baseValue: number, targetYear: number, target: number, year: number) {
  if (year >= targetYear) return target;
  return baseValue + ((target - baseValue) * (year - baseYear)) / (targetYear - baseYear);
}

/**
 * 1 − (L/v(latest))^(1/(T − latest)), in percent: the constant yearly cut that reaches L in T. Null after the target
 * year, for v(latest) ≤ 0, and for L ≤ 0 (no constant rate reaches zero; requiredAnnualCut gives the linear cut).
 */
export function compoundAnnualReductionPercent(
  latestValue: number,
  latestYear: number,
  target: number,
  targetYear: number,
) {
  if (latestYear >= targetYear || latestValue <= 0 || target <= 0) return null;
  const percent = (1 - Math.pow(target / latestValue, 1 / (targetYear - latestYear))) * 100;
  return Number.isFinite(percent) ? percent : null;
}

/** (v(latest) − L)/(T − latest): the equal yearly cut that reaches L in T; null from the target year on. */
export function linearAnnualCut(latestValue: number, latestYear: number, target: number, targetYear: number) {
  return latestYear >= targetYear ? null : (latestValue - target) / (targetYear - latestYear);
}

function perCapita(figure: Pick<YearFigure, 'tco2e' | 'population'>): number | null {
  return figure.population ? figure.tco2e / figure.population : null;
}

/**
 * Progress against a target, with the inputs it used. `years` are the member's inventory years, oldest first.
 * NO_DATA without a baseline, without a later inventory, or (PER_CAPITA_LEVEL) without their populations.
 */
export function targetProgress(terms: TargetTerms, years: readonly YearFigure[]): TargetProgress {
  const perCapitaTarget = terms.type === TargetType.PER_CAPITA_LEVEL;
  const measure = perCapitaTarget ? TargetMeasure.TCO2E_PER_CAPITA : TargetMeasure.TOTAL_TCO2E;
  const value = perCapitaTarget ? perCapita : (figure: YearFigure) => figure.tco2e;
  const baselineYear = targetBaselineYear(terms, years);
  const baseline = years.find((figure) => figure.year === baselineYear) ?? null;
  const latest =
    baseline && years.length > 0 && years[years.length - 1].year > baseline.year ? years[years.length - 1] : null;
  const baselineValue = baseline ? value(baseline) : null;
  const target = baselineValue === null ? null : targetValue(terms, baselineValue);
  const noData: TargetProgress = {
    status: TrajectoryStatus.NO_DATA,
    measure,
    baselineYear: baseline?.year ?? null,
    baselineEmissionsTco2e: baseline?.tco2e ?? null,
    latestYear: null,
    latestEmissionsTco2e: null,
    baselineValue,
    latestValue: null,
    targetValue: target,
    pathValue: null,
    reductionPercent: null,
    residualValue: null,
    requiredAnnualReductionPercent: null,
    requiredAnnualCut: null,
    perCapitaSeries: perCapitaTarget
      ? years.map(({ year, tco2e, population }) => ({
          year,
          tco2e,
          population,
          perCapitaTco2e: perCapita({ tco2e, population }),
        }))
      : null,
  };
  const latestValue = latest ? value(latest) : null;
  if (!baseline || !latest || baselineValue === null || latestValue === null || target === null) return noData;
  const path = linearPath(baseline.year, baselineValue, terms.targetYear, target, latest.year);
  return {
    ...noData,
    status: trajectoryStatus(latestValue, path),
    latestYear: latest.year,
    latestEmissionsTco2e: latest.tco2e,
    latestValue,
    pathValue: path,
    reductionPercent: baselineValue > 0 ? (1 - latestValue / baselineValue) * 100 : null,
    residualValue: latestValue - target,
    requiredAnnualReductionPercent: compoundAnnualReductionPercent(latestValue, latest.year, target, terms.targetYear),
    requiredAnnualCut: linearAnnualCut(latestValue, latest.year, target, terms.targetYear),
  };
}
