import DataLoader from 'dataloader';
import { defineLoader, type RequestContext } from '../../common/context';
import { byKeys, groupByKeys } from '../../common/loaders';
import { type KeyedPlan, plannedObject, planRead, rememberedPlan, selectPlanned } from '../../common/read-plan';
import { keysOnly, type Selection } from '../../common/selection';
import { publicInventoriesOnly } from '../emissions/inventory-visibility.rules';
import { charterProgress, type CharterProgress } from './charter-progress';
import { ClimateTarget } from './climate-target.entity';
import type { PerCapitaPoint, TargetProgress } from './target-progress';
import type { TargetMeasure, TrajectoryStatus } from './target.enums';

/** The progress of an id with no stored row (no such member): NO_DATA, as for a member without inventories. */
const NO_PROGRESS = charterProgress({
  baselineYear: null,
  baselineTco2e: null,
  latestYear: null,
  latestTco2e: null,
  latestPopulation: null,
});

interface StoredProgressRow {
  member_id: string;
  status: TrajectoryStatus;
  baseline_year: number | null;
  baseline_tco2e: number | null;
  latest_year: number | null;
  latest_tco2e: number | null;
  reduction_percent: number | null;
  charter_path_tco2e: number | null;
  required_annual_reduction_percent: number | null;
  per_capita_tco2e: number | null;
}

/** Charter progress per member, for a whole page of members in one SQL statement over the stored figures. */
export const charterProgressByMember = defineLoader(
  (ctx) =>
    new DataLoader<string, CharterProgress>(async (memberIds) => {
      const rows: StoredProgressRow[] = await ctx.reads
        .getKnex()
        .from('member_charter_progress')
        .whereIn('member_id', [...memberIds])
        .where('public_only', publicInventoriesOnly(ctx.viewer))
        .select('*');
      return byKeys(memberIds, rows, (row) => row.member_id, null).map((row) =>
        row
          ? {
              status: row.status,
              baselineYear: row.baseline_year,
              baselineEmissionsTco2e: row.baseline_tco2e,
              latestYear: row.latest_year,
              latestEmissionsTco2e: row.latest_tco2e,
              reductionPercent: row.reduction_percent,
              charterPathTco2e: row.charter_path_tco2e,
              requiredAnnualReductionPercent: row.required_annual_reduction_percent,
              perCapitaTco2e: row.per_capita_tco2e,
            }
          : NO_PROGRESS,
      );
    }),
);

const targetPlans = new WeakMap<Selection, KeyedPlan>();

/**
 * Targets per member: the Charter first, then by target year; plain rows with the columns `selection` asks (their one
 * field resolver, progress, reads only the id). One loader per shape of selection, so one statement per batch.
 */
export function targetsByMember(ctx: RequestContext, selection: Selection): DataLoader<string, ClimateTarget[]> {
  const { plan, key } = rememberedPlan(targetPlans, selection, () =>
    planRead(ctx.reads, ClimateTarget, keysOnly(selection, ['member']), 't', ['member']),
  );
  return ctx.loaders.get(
    `targetsByMember ${key}`,
    () =>
      new DataLoader<string, ClimateTarget[]>(async (memberIds) => {
        const query = ctx.reads
          .getKnex()
          .from(`${plan.table} as t`)
          .whereIn('t.member_id', [...memberIds])
          .orderBy(['t.origin', 't.target_year', 't.id']);
        const rows: Record<string, unknown>[] = await selectPlanned(query, plan);
        const targets = rows.map((row) => plannedObject(row, plan) as unknown as ClimateTarget);
        return groupByKeys(memberIds, targets, (target) => target.member.id);
      }),
  );
}

interface StoredTargetRow {
  target_id: string;
  status: TrajectoryStatus;
  measure: TargetMeasure;
  baseline_year: number | null;
  baseline_tco2e: number | null;
  latest_year: number | null;
  latest_tco2e: number | null;
  baseline_value: number | null;
  latest_value: number | null;
  target_value: number | null;
  path_value: number | null;
  reduction_percent: number | null;
  residual_value: number | null;
  required_annual_reduction_percent: number | null;
  required_annual_cut: number | null;
  per_capita_series: PerCapitaPoint[] | null;
}

/** Progress per target, for every target of a page of members in one SQL statement over the stored figures. */
export const targetProgressByTarget = defineLoader(
  (ctx) =>
    new DataLoader<string, TargetProgress | null>(async (targetIds) => {
      const rows: StoredTargetRow[] = await ctx.reads
        .getKnex()
        .from('climate_target_progress')
        .whereIn('target_id', [...targetIds])
        .where('public_only', publicInventoriesOnly(ctx.viewer))
        .select('*');
      return byKeys(targetIds, rows, (row) => row.target_id, null).map((row) =>
        row
          ? {
              status: row.status,
              measure: row.measure,
              baselineYear: row.baseline_year,
              baselineEmissionsTco2e: row.baseline_tco2e,
              latestYear: row.latest_year,
              latestEmissionsTco2e: row.latest_tco2e,
              baselineValue: row.baseline_value,
              latestValue: row.latest_value,
              targetValue: row.target_value,
              pathValue: row.path_value,
              reductionPercent: row.reduction_percent,
              residualValue: row.residual_value,
              requiredAnnualReductionPercent: row.required_annual_reduction_percent,
              requiredAnnualCut: row.required_annual_cut,
              perCapitaSeries: row.per_capita_series,
            }
          : null,
      );
    }),
);
