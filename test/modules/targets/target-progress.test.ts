import { describe, expect, it } from 'vitest';
import { charterProgress } from '../../../src/modules/targets/charter-progress';
import { targetProgress, type TargetTerms, type YearFigure } from '../../../src/modules/targets/target-progress';
import { TargetOrigin, TargetType } from '../../../src/modules/targets/target.enums';

const terms = (fields: Partial<TargetTerms>): TargetTerms => ({
  origin: TargetOrigin.LOCAL_RESOLUTION,
  type: TargetType.BASE_YEAR_ABSOLUTE,
  baseYear: null,
  targetYear: 2030,
  reductionPercent: null,
  perCapitaTargetT: null,
  levelTco2e: null,
  ...fields,
});
const year = (y: number, tco2e: number, population: number | null = null, isBaseline = false): YearFigure => ({
  year: y,
  tco2e,
  population,
  isBaseline,
});

/** Worked examples, each figure worked out by hand from the formulas in the schema description. */
const EXAMPLES: {
  name: string;
  terms: TargetTerms;
  years: YearFigure[];
  expected: Record<string, unknown>;
}[] = [
  {
    // München in the test scenario: 2005 = 5000 t, 2021 = 3000 t; L = 2250; path(2021) = 5000·(1 − 0.55·16/25) = 3240
    name: 'Covenant −55 % by 2030 from 2005, on track',
    terms: terms({ origin: TargetOrigin.COVENANT_OF_MAYORS, baseYear: 2005, reductionPercent: 55 }),
    years: [year(2000, 5200), year(2005, 5000, null, true), year(2021, 3000)],
    expected: {
      status: 'ON_TRACK',
      baselineYear: 2005,
      latestYear: 2021,
      targetValue: 2250,
      pathValue: 3240,
      reductionPercent: 40,
      residualValue: 750,
      // 1 − 0.75^(1/9)
      requiredAnnualReductionPercent: 3.1459,
      requiredAnnualCut: 83.3333,
    },
  },
  {
    // 1990 = 1000, 2020 = 700; −40 % by 2030: path(2020) = 1000·(1 − 0.4·30/40) = 700, exactly on the path
    name: 'on the path exactly is ON_TRACK',
    terms: terms({ baseYear: 1990, reductionPercent: 40 }),
    years: [year(1990, 1000), year(2020, 700)],
    expected: { status: 'ON_TRACK', pathValue: 700, targetValue: 600, requiredAnnualReductionPercent: 1.5297 },
  },
  {
    // 770 = 1.1 × 700: at the edge of the band
    name: '10 % above the path is SLIGHTLY_OFF',
    terms: terms({ baseYear: 1990, reductionPercent: 40 }),
    years: [year(1990, 1000), year(2020, 770)],
    expected: { status: 'SLIGHTLY_OFF', pathValue: 700, residualValue: 170 },
  },
  {
    name: 'more than 10 % above the path is OFF_TRACK',
    terms: terms({ baseYear: 1990, reductionPercent: 40 }),
    years: [year(1990, 1000), year(2020, 771)],
    expected: { status: 'OFF_TRACK' },
  },
  {
    name: 'no inventory in the base year: NO_DATA',
    terms: terms({ baseYear: 2005, reductionPercent: 55 }),
    years: [year(1990, 1000), year(2020, 600)],
    expected: { status: 'NO_DATA', baselineYear: null, latestYear: null, pathValue: null },
  },
  {
    name: 'no inventory after the base year: NO_DATA with the baseline shown',
    terms: terms({ baseYear: 2010, reductionPercent: 55 }),
    years: [year(2010, 100)],
    expected: { status: 'NO_DATA', baselineYear: 2010, baselineEmissionsTco2e: 100, targetValue: 45 },
  },
  {
    // Wien: 1990 1000 t / 1.49 M, 2020 600 t (population 1990's, the nearest earlier record); level 0.0002 t by 2040
    // v(B) = 6.7114e-4, v(2020) = 4.0268e-4; path(2020) = 6.7114e-4 + (2e-4 − 6.7114e-4)·30/50 = 3.8846e-4
    name: 'per-capita level by 2040, slightly off',
    terms: terms({ type: TargetType.PER_CAPITA_LEVEL, perCapitaTargetT: 0.0002, targetYear: 2040 }),
    years: [year(1990, 1000, 1_490_000, true), year(2005, 800, 1_490_000), year(2020, 600, 1_490_000)],
    expected: {
      status: 'SLIGHTLY_OFF',
      measure: 'TCO2E_PER_CAPITA',
      baselineYear: 1990,
      baselineValue: 0.00067114,
      latestValue: 0.00040268,
      pathValue: 0.00038846,
      targetValue: 0.0002,
      // 1 − (0.0002/4.0268e-4)^(1/20)
      requiredAnnualReductionPercent: 3.4387,
    },
  },
  {
    name: 'per capita without the populations: NO_DATA',
    terms: terms({ type: TargetType.PER_CAPITA_LEVEL, perCapitaTargetT: 1 }),
    years: [year(1990, 1000), year(2020, 600)],
    expected: { status: 'NO_DATA', baselineValue: null },
  },
  {
    // no base year: the marked baseline (2000), not the earliest (1995); L = 0; path(2020) = 800·(1 − 20/40) = 400
    name: 'net zero by 2040 from the marked baseline: residual and linear cut, no compound rate to zero',
    terms: terms({ type: TargetType.NET_ZERO, targetYear: 2040 }),
    years: [year(1995, 900), year(2000, 800, null, true), year(2020, 500)],
    expected: {
      status: 'OFF_TRACK',
      baselineYear: 2000,
      targetValue: 0,
      pathValue: 400,
      residualValue: 500,
      requiredAnnualReductionPercent: null,
      requiredAnnualCut: 25,
    },
  },
  {
    // residual allowed 100 t: path(2020) = 800 + (100 − 800)·20/40 = 450
    name: 'net zero with an allowed residual',
    terms: terms({ type: TargetType.NET_ZERO, targetYear: 2040, levelTco2e: 100 }),
    years: [year(2000, 800, null, true), year(2020, 450)],
    expected: { status: 'ON_TRACK', targetValue: 100, pathValue: 450, residualValue: 350, requiredAnnualCut: 17.5 },
  },
  {
    // after the target year the path is the level itself
    name: 'fixed level, target year passed',
    terms: terms({ type: TargetType.FIXED_LEVEL, targetYear: 2020, levelTco2e: 500 }),
    years: [year(2010, 800), year(2022, 520)],
    expected: {
      status: 'SLIGHTLY_OFF',
      pathValue: 500,
      residualValue: 20,
      requiredAnnualReductionPercent: null,
      requiredAnnualCut: null,
    },
  },
];

describe('targetProgress: worked examples', () => {
  it.each(EXAMPLES)('$name', ({ terms: given, years, expected }) => {
    const progress = targetProgress(given, years) as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(expected)) {
      if (typeof value === 'number') expect(progress[field], field).toBeCloseTo(value, 4);
      else expect(progress[field], field).toBe(value);
    }
  });

  it('gives the per-capita series for PER_CAPITA_LEVEL only', () => {
    const years = [year(1990, 1000, 1000), year(2020, 600, null)];
    expect(
      targetProgress(terms({ type: TargetType.PER_CAPITA_LEVEL, perCapitaTargetT: 0.5 }), years).perCapitaSeries,
    ).toEqual([
      { year: 1990, tco2e: 1000, population: 1000, perCapitaTco2e: 1 },
      { year: 2020, tco2e: 600, population: null, perCapitaTco2e: null },
    ]);
    expect(targetProgress(terms({ baseYear: 1990, reductionPercent: 40 }), years).perCapitaSeries).toBeNull();
  });

  it('computes the Charter target exactly as Member.progress does, baseline rule included', () => {
    const charter = terms({
      origin: TargetOrigin.CLIMATE_ALLIANCE_CHARTER,
      baseYear: 1990,
      targetYear: 2050,
      reductionPercent: 95,
    });
    for (const years of [
      [year(1990, 1000), year(2005, 800), year(2020, 600)],
      // no 1990 inventory: the marked baseline
      [year(2000, 5200), year(2005, 5000, null, true), year(2021, 3000)],
      [year(2000, 50), year(2008, 40)],
    ]) {
      const progress = targetProgress(charter, years);
      const baseline = years.find((figure) => figure.year === progress.baselineYear)!;
      const latest = years[years.length - 1];
      const expected = charterProgress({
        baselineYear: baseline.year,
        baselineTco2e: baseline.tco2e,
        latestYear: latest.year,
        latestTco2e: latest.tco2e,
        latestPopulation: null,
      });
      expect(progress.status).toBe(expected.status);
      expect(progress.baselineYear).toBe(expected.baselineYear);
      expect(progress.pathValue).toBeCloseTo(expected.charterPathTco2e!, 9);
      expect(progress.requiredAnnualReductionPercent).toBeCloseTo(expected.requiredAnnualReductionPercent!, 9);
      expect(progress.reductionPercent).toBeCloseTo(expected.reductionPercent!, 9);
    }
  });
});
