import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { requireUuids } from '../../common/validation';

/** Checks a list of ids (at most 100, distinct) all exist in `table`, in one query; bad input names the entry. */
async function requireKnownIds(
  ctx: RequestContext,
  table: 'member' | 'indigenous_organisation',
  what: string,
  field: string,
  ids: string[],
): Promise<string[]> {
  const checked = requireUuids(field, ids);
  const duplicate = checked.findIndex((id, index) => checked.indexOf(id) !== index);
  if (duplicate >= 0) throw new UserInputError(`${field}[${duplicate}]`, `${checked[duplicate]} is given twice`);
  if (!checked.length) return checked;
  const rows: { id: string }[] = await ctx.reads.getKnex().from(table).whereIn('id', checked).select('id');
  const found = new Set(rows.map((row) => row.id));
  const missing = checked.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new UserInputError(`${field}[${missing}]`, `no ${what} has id ${checked[missing]}`);
  return checked;
}

export const requireKnownMembers = (ctx: RequestContext, field: string, ids: string[]) =>
  requireKnownIds(ctx, 'member', 'member', field, ids);

export const requireKnownOrganisations = (ctx: RequestContext, field: string, ids: string[]) =>
  requireKnownIds(ctx, 'indigenous_organisation', 'indigenous organisation', field, ids);
