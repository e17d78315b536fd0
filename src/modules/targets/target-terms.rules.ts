import { UserInputError } from '../../common/errors';
import { requireIntInRange, requireInRange } from '../../common/validation';
import type { ClimateTargetInput } from './climate-target.inputs';
import type { TargetTerms } from './target-progress';
import { TargetOrigin, TargetType } from './target.enums';

export const FIRST_TARGET_YEAR = 1990;
export const LAST_TARGET_YEAR = 2100;
/** The column's numeric(8,3): a kilogram per inhabitant is the smallest step stored, 1000 t far above any target. */
const MIN_PER_CAPITA_T = 0.001;
const MAX_PER_CAPITA_T = 1000;
/** Below the column's numeric(16,3) limit. */
const MAX_LEVEL_TCO2E = 1e12;

export interface ValidTargetTerms extends TargetTerms {
  legalStatus: ClimateTargetInput['legalStatus'];
  adoptedOn: string | null;
}

const NEEDS: Record<TargetType, { reductionPercent: boolean; perCapitaTargetT: boolean; levelTco2e: boolean | null }> =
  {
    [TargetType.BASE_YEAR_ABSOLUTE]: { reductionPercent: true, perCapitaTargetT: false, levelTco2e: false },
    [TargetType.PER_CAPITA_LEVEL]: { reductionPercent: false, perCapitaTargetT: true, levelTco2e: false },
    // null: optional
    [TargetType.NET_ZERO]: { reductionPercent: false, perCapitaTargetT: false, levelTco2e: null },
    [TargetType.FIXED_LEVEL]: { reductionPercent: false, perCapitaTargetT: false, levelTco2e: true },
  };

function requiredOrRefused<T>(field: string, type: TargetType, needed: boolean | null, value: T | null | undefined) {
  if (needed === true && value == null) throw new UserInputError(field, `is required for a ${type} target`);
  if (needed === false && value != null) throw new UserInputError(field, `is not used by a ${type} target`);
  return value ?? null;
}

/** The terms of a target as given, checked field by field (each error names its field, e.g. `input.baseYear`). */
export function validTargetTerms(
  input: ClimateTargetInput,
  currentYear = new Date().getUTCFullYear(),
): ValidTargetTerms {
  if (input.origin === TargetOrigin.CLIMATE_ALLIANCE_CHARTER) {
    throw new UserInputError('input.origin', 'the Charter target is implied for every member and cannot be set');
  }
  const targetYear = requireIntInRange('input.targetYear', input.targetYear, FIRST_TARGET_YEAR, LAST_TARGET_YEAR);
  const needs = NEEDS[input.type];
  const baseYear = input.baseYear ?? null;
  if (input.type === TargetType.BASE_YEAR_ABSOLUTE && baseYear === null) {
    throw new UserInputError('input.baseYear', `is required for a ${input.type} target`);
  }
  if (baseYear !== null) {
    requireIntInRange('input.baseYear', baseYear, FIRST_TARGET_YEAR, currentYear);
    if (baseYear > targetYear)
      throw new UserInputError('input.baseYear', `${baseYear} is after targetYear ${targetYear}`);
  }
  const reduction = requiredOrRefused(
    'input.reductionPercent',
    input.type,
    needs.reductionPercent,
    input.reductionPercent,
  );
  if (reduction !== null && (!Number.isFinite(reduction) || reduction <= 0 || reduction > 100)) {
    throw new UserInputError('input.reductionPercent', `must be above 0 and at most 100, got ${reduction}`);
  }
  const perCapita = requiredOrRefused(
    'input.perCapitaTargetT',
    input.type,
    needs.perCapitaTargetT,
    input.perCapitaTargetT,
  );
  if (
    perCapita !== null &&
    (!Number.isFinite(perCapita) || perCapita < MIN_PER_CAPITA_T || perCapita >= MAX_PER_CAPITA_T)
  ) {
    throw new UserInputError(
      'input.perCapitaTargetT',
      `must be positive: from ${MIN_PER_CAPITA_T} to below ${MAX_PER_CAPITA_T} tonnes, got ${perCapita}`,
    );
  }
  const level = requiredOrRefused('input.levelTco2e', input.type, needs.levelTco2e, input.levelTco2e);
  if (level !== null) requireInRange('input.levelTco2e', level, 0, MAX_LEVEL_TCO2E);
  return {
    origin: input.origin,
    type: input.type,
    baseYear,
    targetYear,
    reductionPercent: reduction,
    perCapitaTargetT: perCapita,
    levelTco2e: level,
    legalStatus: input.legalStatus,
    adoptedOn: input.adoptedOn ?? null,
  };
}
