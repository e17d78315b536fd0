import DataLoader from 'dataloader';
import { defineLoader } from '../../common/context';
import { byKeys, groupByKeys } from '../../common/loaders';
import { visibleInventoriesSql } from '../emissions/inventory-visibility';
import { charterProgress, type CharterProgress } from './charter-progress';
import { charterProgressLateral } from './charter-progress-sql';
import { ClimateTarget } from './climate-target.entity';

interface CharterInputRow {
  member_id: string;
  baseline_year: number | null;
  baseline_tco2e: number | null;
  latest_year: number | null;
  latest_tco2e: number | null;
  latest_population: number | null;
}

/** Charter progress per member, for a whole page of members in one SQL statement. */
export const charterProgressByMember = defineLoader(
  (ctx) =>
    new DataLoader<string, CharterProgress>(async (memberIds) => {
      const lateral = charterProgressLateral('m.id', visibleInventoriesSql(ctx.viewer, 'i'));
      const rows: CharterInputRow[] = await ctx.em
        .getKnex()
        .from('member as m')
        .joinRaw(`left join lateral ${lateral} pg on true`)
        .whereIn('m.id', [...memberIds])
        .select('m.id as member_id', 'pg.baseline_year', 'pg.baseline_tco2e', 'pg.latest_year')
        .select('pg.latest_tco2e', 'pg.latest_population');
      return byKeys(memberIds, rows, (row) => row.member_id, null).map((row) =>
        charterProgress({
          baselineYear: row?.baseline_year ?? null,
          baselineTco2e: row?.baseline_tco2e ?? null,
          latestYear: row?.latest_year ?? null,
          latestTco2e: row?.latest_tco2e ?? null,
          latestPopulation: row?.latest_population ?? null,
        }),
      );
    }),
);

/** Targets per member: the Charter first, then by target year. */
export const targetsByMember = defineLoader(
  (ctx) =>
    new DataLoader<string, ClimateTarget[]>(async (memberIds) => {
      const targets = await ctx.em.find(
        ClimateTarget,
        { member: { $in: [...memberIds] } },
        { orderBy: { origin: 'asc', targetYear: 'asc', id: 'asc' } },
      );
      return groupByKeys(memberIds, targets, (target) => target.member.id);
    }),
);
