import type { RequestContext } from '../../common/context';
import type { InventoryStandard } from '../emissions/emission.enums';
import { EmissionFactorSet } from './emission-factor-set.entity';

/** The most sets one answer lists (the cost counts Query.emissionFactorSets as this many). */
export const MAX_LISTED_FACTOR_SETS = 20;

/** The newest version of every set, by name; with `name` every version of that set, newest first. */
export async function listFactorSets(
  ctx: RequestContext,
  standard: InventoryStandard | null,
  name: string | null,
): Promise<EmissionFactorSet[]> {
  const where = standard ? { standard } : {};
  if (name != null) {
    return ctx.em.find(
      EmissionFactorSet,
      { ...where, name },
      { orderBy: { version: 'desc' }, limit: MAX_LISTED_FACTOR_SETS },
    );
  }
  const rows = await ctx.em.execute<{ id: string }[]>(
    `select distinct on (name) id from emission_factor_set ${standard ? 'where standard = ?' : ''}
     order by name, version desc limit ${MAX_LISTED_FACTOR_SETS}`,
    standard ? [standard] : [],
  );
  const sets = await ctx.em.find(EmissionFactorSet, { id: { $in: rows.map((row) => row.id) } });
  return rows.map((row) => sets.find((set) => set.id === row.id)!);
}
