import { describe, expect, it } from 'vitest';
import { charterProgress, type CharterInputs } from '../../../src/modules/targets/charter-progress';
import { TrajectoryStatus } from '../../../src/modules/targets/target.enums';

const none: CharterInputs = {
  baselineYear: null,
  baselineTco2e: null,
  latestYear: null,
  latestTco2e: null,
  latestPopulation: null,
};

describe('charterProgress (docs/domain.md "Derived figures")', () => {
  // expected values worked out by hand from the formulas, not with the implementation
  it.each([
    {
      case: 'the worked example: 1990 = 1000 t, 2020 = 600 t',
      inputs: { baselineYear: 1990, baselineTco2e: 1000, latestYear: 2020, latestTco2e: 600, latestPopulation: 1500 },
      // path = 1000·(1 − 0.95·30/60) = 525; 600 > 525·1.1 = 577.5; (1/12)^(1/30) = 0.920507…
      expected: { status: 'OFF_TRACK', reduction: 40, path: 525, required: 7.9493, perCapita: 0.4 },
    },
    {
      case: 'the worked example with 560 t: within 10 % above the path',
      inputs: { baselineYear: 1990, baselineTco2e: 1000, latestYear: 2020, latestTco2e: 560, latestPopulation: null },
      expected: { status: 'SLIGHTLY_OFF', reduction: 44, path: 525, required: 7.7373, perCapita: null },
    },
    {
      case: 'the worked example with 500 t: at or below the path',
      inputs: { baselineYear: 1990, baselineTco2e: 1000, latestYear: 2020, latestTco2e: 500, latestPopulation: 0 },
      expected: { status: 'ON_TRACK', reduction: 50, path: 525, required: 7.3881, perCapita: null },
    },
    {
      case: 'exactly on the path counts as on track',
      inputs: { baselineYear: 1990, baselineTco2e: 1000, latestYear: 2020, latestTco2e: 525, latestPopulation: null },
      expected: { status: 'ON_TRACK', reduction: 47.5, path: 525, required: 7.5386, perCapita: null },
    },
    {
      case: 'baseline not 1990: B = 2005, 5000 t → 3000 t in 2021',
      inputs: { baselineYear: 2005, baselineTco2e: 5000, latestYear: 2021, latestTco2e: 3000, latestPopulation: 1000 },
      // path = 5000·(1 − 0.95·16/45) = 3311.11; (250/3000)^(1/29) = 0.917882…
      expected: { status: 'ON_TRACK', reduction: 40, path: 3311.1111, required: 8.2118, perCapita: 3 },
    },
    {
      case: 'zero baseline: no reduction percent; any emissions are above a zero path',
      inputs: { baselineYear: 1990, baselineTco2e: 0, latestYear: 2020, latestTco2e: 5, latestPopulation: null },
      expected: { status: 'OFF_TRACK', reduction: null, path: 0, required: 100, perCapita: null },
    },
    {
      case: 'emissions already below 5 % of the baseline: negative required reduction',
      inputs: { baselineYear: 1990, baselineTco2e: 1000, latestYear: 2020, latestTco2e: 25, latestPopulation: null },
      // (50/25)^(1/30) = 1.023374…
      expected: { status: 'ON_TRACK', reduction: 97.5, path: 525, required: -2.3374, perCapita: null },
    },
    {
      case: 'zero latest emissions: the required reduction has no finite value',
      inputs: { baselineYear: 1990, baselineTco2e: 1000, latestYear: 2020, latestTco2e: 0, latestPopulation: null },
      expected: { status: 'ON_TRACK', reduction: 100, path: 525, required: null, perCapita: null },
    },
  ])('$case', ({ inputs, expected }) => {
    const progress = charterProgress(inputs);
    expect(progress.status).toBe(expected.status);
    expect(progress.baselineYear).toBe(inputs.baselineYear);
    expect(progress.baselineEmissionsTco2e).toBe(inputs.baselineTco2e);
    expect(progress.latestYear).toBe(inputs.latestYear);
    expect(progress.latestEmissionsTco2e).toBe(inputs.latestTco2e);
    const close = (value: number | null, want: number | null) =>
      want === null ? expect(value).toBeNull() : expect(value).toBeCloseTo(want, 3);
    close(progress.reductionPercent, expected.reduction);
    close(progress.charterPathTco2e, expected.path);
    close(progress.requiredAnnualReductionPercent, expected.required);
    close(progress.perCapitaTco2e, expected.perCapita);
  });

  it.each([
    ['no inventory at all', none],
    ['no baseline', { ...none, latestYear: 2020, latestTco2e: 600 }],
    ['only a baseline', { ...none, baselineYear: 2010, baselineTco2e: 100 }],
    [
      'a latest year that is not after the baseline',
      { ...none, baselineYear: 2010, baselineTco2e: 100, latestYear: 2010, latestTco2e: 90 },
    ],
  ])('NO_DATA with %s, keeping the baseline it has', (_name, inputs) => {
    const progress = charterProgress(inputs);
    expect(progress).toEqual({
      status: TrajectoryStatus.NO_DATA,
      baselineYear: inputs.baselineYear,
      baselineEmissionsTco2e: inputs.baselineTco2e,
      latestYear: null,
      latestEmissionsTco2e: null,
      reductionPercent: null,
      charterPathTco2e: null,
      requiredAnnualReductionPercent: null,
      perCapitaTco2e: null,
    });
  });
});
