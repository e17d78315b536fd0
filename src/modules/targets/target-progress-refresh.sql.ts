import type { EntityManager } from '@mikro-orm/postgresql';
import { EVERY_MEMBER, membersCondition, type MemberSelection } from '../emissions/emission-figures.sql';
import { targetProgress, type TargetTerms, type YearFigure } from './target-progress';

interface TargetRow {
  id: string;
  member_id: string;
  origin: TargetTerms['origin'];
  type: TargetTerms['type'];
  base_year: number | null;
  target_year: number;
  reduction_percent: string | null;
  per_capita_target_t: string | null;
  level_tco2e: string | null;
}

interface YearRow {
  member_id: string;
  public_only: boolean;
  year: number;
  tco2e: number;
  is_baseline: boolean;
  population: number | null;
}

const ROWS_PER_STATEMENT = 5_000;

const COLUMNS = [
  ['target_id', 'uuid'],
  ['public_only', 'boolean'],
  ['member_id', 'uuid'],
  ['status', 'trajectory_status'],
  ['measure', 'target_measure'],
  ['baseline_year', 'int'],
  ['baseline_tco2e', 'float8'],
  ['latest_year', 'int'],
  ['latest_tco2e', 'float8'],
  ['baseline_value', 'float8'],
  ['latest_value', 'float8'],
  ['target_value', 'float8'],
  ['path_value', 'float8'],
  ['reduction_percent', 'float8'],
  ['residual_value', 'float8'],
  ['required_annual_reduction_percent', 'float8'],
  ['required_annual_cut', 'float8'],
  ['per_capita_series', 'jsonb'],
] as const;

const INSERT =
  `insert into climate_target_progress (${COLUMNS.map(([name]) => name).join(', ')}) ` +
  `select ${COLUMNS.map(([, type], index) => (type === 'jsonb' ? `nullif((row->${index})::jsonb, 'null')` : `(row->>${index})::${type}`)).join(', ')} ` +
  'from json_array_elements(?::json) as row';

const decimal = (value: string | null) => (value === null ? null : Number(value));

/**
 * Recomputes the stored progress (climate_target_progress) of every target of the given members, both variants
 * (public inventories only, and all): the inputs from the maintained member_year_total (so refreshEmissionFigures
 * runs first), the figures with the pure functions of target-progress.ts.
 */
export async function refreshTargetProgress(em: EntityManager, memberIds: MemberSelection): Promise<void> {
  const [targetMembers, targetParams] = membersCondition('member_id', memberIds);
  const targets = await em.execute<TargetRow[]>(
    `select id, member_id, origin, type, base_year, target_year, reduction_percent, per_capita_target_t, level_tco2e
     from climate_target where ${targetMembers}`,
    targetParams,
  );
  await em.execute(`delete from climate_target_progress where ${targetMembers}`, targetParams);
  if (targets.length === 0) return;
  // every member as such, not as a list of the members with targets: `= any` of 20,000 ids is a linear search per
  // row (x10: 26 s of the seed for this statement)
  const [yearMembers, yearParams] = membersCondition(
    't.member_id',
    memberIds === EVERY_MEMBER ? EVERY_MEMBER : [...new Set(targets.map((t) => t.member_id))],
  );
  const years = await em.execute<YearRow[]>(
    `select t.member_id, t.public_only, t.year, t.emissions_tco2e::float8 as tco2e,
       exists (select 1 from emission_inventory i where i.member_id = t.member_id and i.year = t.year
         and i.is_baseline and (not t.public_only or i.is_public)) as is_baseline,
       (select pr.population from population_record pr where pr.member_id = t.member_id and pr.year <= t.year
         order by pr.year desc limit 1) as population
     from member_year_total t where ${yearMembers} order by t.member_id, t.public_only, t.year`,
    yearParams,
  );
  const series = new Map<string, YearFigure[]>();
  for (const row of years) {
    const key = `${row.member_id} ${row.public_only}`;
    const figures = series.get(key) ?? [];
    figures.push({ year: row.year, tco2e: row.tco2e, isBaseline: row.is_baseline, population: row.population });
    series.set(key, figures);
  }
  const rows = targets.flatMap((target) => {
    const terms: TargetTerms = {
      origin: target.origin,
      type: target.type,
      baseYear: target.base_year,
      targetYear: target.target_year,
      reductionPercent: decimal(target.reduction_percent),
      perCapitaTargetT: decimal(target.per_capita_target_t),
      levelTco2e: decimal(target.level_tco2e),
    };
    return [false, true].map((publicOnly) => {
      const progress = targetProgress(terms, series.get(`${target.member_id} ${publicOnly}`) ?? []);
      return [
        target.id,
        publicOnly,
        target.member_id,
        progress.status,
        progress.measure,
        progress.baselineYear,
        progress.baselineEmissionsTco2e,
        progress.latestYear,
        progress.latestEmissionsTco2e,
        progress.baselineValue,
        progress.latestValue,
        progress.targetValue,
        progress.pathValue,
        progress.reductionPercent,
        progress.residualValue,
        progress.requiredAnnualReductionPercent,
        progress.requiredAnnualCut,
        progress.perCapitaSeries,
      ];
    });
  });
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await em.execute(INSERT, [JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT))]);
  }
}
