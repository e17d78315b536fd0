import type { EntityManager } from '@mikro-orm/postgresql';
import { membersCondition, type MemberSelection } from '../emissions/emission-figures.sql';
import { charterInputsLateral } from './charter-inputs.sql';
import { charterProgress } from './charter-progress';

interface InputRow {
  member_id: string;
  public_only: boolean;
  baseline_year: number | null;
  baseline_tco2e: number | null;
  latest_year: number | null;
  latest_tco2e: number | null;
  latest_population: number | null;
}

const ROWS_PER_STATEMENT = 5_000;

const COLUMNS = [
  ['member_id', 'uuid'],
  ['public_only', 'boolean'],
  ['status', 'trajectory_status'],
  ['baseline_year', 'int'],
  ['baseline_tco2e', 'float8'],
  ['latest_year', 'int'],
  ['latest_tco2e', 'float8'],
  ['reduction_percent', 'float8'],
  ['charter_path_tco2e', 'float8'],
  ['required_annual_reduction_percent', 'float8'],
  ['per_capita_tco2e', 'float8'],
] as const;

const INSERT =
  `insert into member_charter_progress (${COLUMNS.map(([name]) => name).join(', ')}) ` +
  `select ${COLUMNS.map(([, type], index) => `(row->>${index})::${type}`).join(', ')} ` +
  'from json_array_elements(?::json) as row';

/**
 * Recomputes the stored Charter progress (member_charter_progress) of the given members: the inputs in SQL, the figures with the same pure functions the API has always used (charter-progress.ts),
 * so a stored figure is exactly the one computed on the fly before. Both variants: public inventories only, and all.
 */
export async function refreshCharterProgress(em: EntityManager, memberIds: MemberSelection): Promise<void> {
  const [members, params] = membersCondition('m.id', memberIds);
  const inputs = await em.execute<InputRow[]>(
    `select m.id as member_id, v.public_only, pg.* from member m cross join (values (false), (true)) v(public_only)
     left join lateral ${charterInputsLateral('m.id', '(not v.public_only or i.is_public)')} pg on true
     where ${members}`,
    params,
  );
  const [stored, storedParams] = membersCondition('member_id', memberIds);
  await em.execute(`delete from member_charter_progress where ${stored}`, storedParams);
  const rows = inputs.map((row) => {
    const progress = charterProgress({
      baselineYear: row.baseline_year,
      baselineTco2e: row.baseline_tco2e,
      latestYear: row.latest_year,
      latestTco2e: row.latest_tco2e,
      latestPopulation: row.latest_population,
    });
    return [
      row.member_id,
      row.public_only,
      progress.status,
      progress.baselineYear,
      progress.baselineEmissionsTco2e,
      progress.latestYear,
      progress.latestEmissionsTco2e,
      progress.reductionPercent,
      progress.charterPathTco2e,
      progress.requiredAnnualReductionPercent,
      progress.perCapitaTco2e,
    ];
  });
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await em.execute(INSERT, [JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT))]);
  }
}
