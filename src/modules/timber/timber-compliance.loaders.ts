import DataLoader from 'dataloader';
import { defineLoader, type ReadSource } from '../../common/context';
import { groupByKeys } from '../../common/loaders';
import { TimberCompliance, TimberComplianceFigures, TimberComplianceYear } from './timber-compliance.type';

interface FiguresRow {
  commitment_id: string;
  year: number | null;
  compliant_volume_m3: string;
  non_compliant_volume_m3: string;
  out_of_scope_volume_m3: string;
  compliant_value_eur: string;
  non_compliant_value_eur: string;
  out_of_scope_value_eur: string;
  procurement_count: string;
  non_compliant_count: string;
}

/** Sums per commitment and year, plus per commitment over all years (the grouping set where year is null). */
const SUMS = [
  "coalesce(sum(volume_m3) filter (where compliance = 'COMPLIANT'), 0) as compliant_volume_m3",
  "coalesce(sum(volume_m3) filter (where compliance = 'NON_COMPLIANT'), 0) as non_compliant_volume_m3",
  "coalesce(sum(volume_m3) filter (where compliance = 'OUT_OF_SCOPE'), 0) as out_of_scope_volume_m3",
  "coalesce(sum(value_eur) filter (where compliance = 'COMPLIANT'), 0) as compliant_value_eur",
  "coalesce(sum(value_eur) filter (where compliance = 'NON_COMPLIANT'), 0) as non_compliant_value_eur",
  "coalesce(sum(value_eur) filter (where compliance = 'OUT_OF_SCOPE'), 0) as out_of_scope_value_eur",
  'count(*) as procurement_count',
  "count(*) filter (where compliance = 'NON_COMPLIANT') as non_compliant_count",
].join(', ');

function figuresRows(reads: ReadSource, commitmentIds: readonly string[]): Promise<FiguresRow[]> {
  const knex = reads.getKnex();
  return knex
    .select('commitment_id', 'year', knex.raw(SUMS))
    .from('timber_procurement')
    .whereIn('commitment_id', [...commitmentIds])
    .groupByRaw('grouping sets ((commitment_id, year), (commitment_id))')
    .orderByRaw('commitment_id, year nulls first');
}

function figures<T extends TimberComplianceFigures>(target: T, row: FiguresRow | undefined): T {
  return Object.assign(target, {
    compliantVolumeM3: Number(row?.compliant_volume_m3 ?? 0),
    nonCompliantVolumeM3: Number(row?.non_compliant_volume_m3 ?? 0),
    outOfScopeVolumeM3: Number(row?.out_of_scope_volume_m3 ?? 0),
    compliantValueEur: Number(row?.compliant_value_eur ?? 0),
    nonCompliantValueEur: Number(row?.non_compliant_value_eur ?? 0),
    outOfScopeValueEur: Number(row?.out_of_scope_value_eur ?? 0),
    procurementCount: Number(row?.procurement_count ?? 0),
    nonCompliantCount: Number(row?.non_compliant_count ?? 0),
  });
}

/** Compliance figures per commitment, summed in PostgreSQL from the stored verdicts, one statement per batch. */
export const complianceByCommitment = defineLoader(
  (ctx) =>
    new DataLoader<string, TimberCompliance>(async (commitmentIds) => {
      const rows = await figuresRows(ctx.reads, commitmentIds);
      return groupByKeys(commitmentIds, rows, (row) => row.commitment_id).map((own) =>
        Object.assign(new TimberCompliance(), {
          total: figures(
            new TimberComplianceFigures(),
            own.find((row) => row.year === null),
          ),
          years: own
            .filter((row) => row.year !== null)
            .map((row) => Object.assign(figures(new TimberComplianceYear(), row), { year: row.year })),
        }),
      );
    }),
);
