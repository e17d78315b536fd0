import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import type { RequestContext } from '../../common/context';
import { applyKeyset, countAll, pageAndTotal, withTotalCount } from '../../common/keyset';
import { OrderDirection } from '../../common/order';
import type { PageRequest } from '../../common/pagination';
import { canSeePartnership } from '../governance/access.rules';
import { allowedFactsSql } from '../governance/governed-access.sql';
import { RecordVisibility } from '../governance/governance.enums';
import { Partnership } from './partnership.entity';
import type { PartnershipFilter } from './partnership.inputs';

/** The partnerships the viewer may see (the combinations `canSeePartnership` allows), as a query over `partnership pa`. */
export function visiblePartnerships(knex: Knex, viewer: Viewer): Knex.QueryBuilder {
  const visible = allowedFactsSql<[RecordVisibility, boolean]>(
    [
      { sql: 'pa.visibility::text', sqlType: 'text', values: Object.values(RecordVisibility) },
      {
        sql: 'coalesce(pa.organisation_id = ?::uuid or pa.member_id = ?::uuid, false)',
        sqlType: 'boolean',
        values: [true, false],
      },
    ],
    [viewer.organisationId, viewer.memberId],
    ([visibility, isParty]) => canSeePartnership(viewer.role, visibility, isParty),
  );
  return knex.from('partnership as pa').whereRaw(visible.sql, visible.bindings);
}

function filteredPartnerships(knex: Knex, viewer: Viewer, filter: PartnershipFilter): Knex.QueryBuilder {
  const query = visiblePartnerships(knex, viewer);
  if (filter.organisationIds?.length) query.whereIn('pa.organisation_id', filter.organisationIds);
  if (filter.memberIds?.length) query.whereIn('pa.member_id', filter.memberIds);
  if (filter.coordinationOfficeIds?.length) query.whereIn('pa.coordination_office_id', filter.coordinationOfficeIds);
  if (filter.types?.length) query.whereIn('pa.type', filter.types);
  if (filter.active === true) query.whereRaw('(pa.ended_on is null or pa.ended_on >= current_date)');
  if (filter.active === false) query.whereRaw('pa.ended_on < current_date');
  return query;
}

/**
 * One page (first + 1 rows) of partnerships, oldest first, mapped to entities with their cursors; with `withTotal`
 * the count of all the filtered partnerships read in the same statement.
 */
export async function partnershipPage(
  ctx: RequestContext,
  filter: PartnershipFilter,
  page: PageRequest,
  withTotal: boolean,
): Promise<{ partnerships: Partnership[]; cursors: Map<Partnership, [string, string]>; totalCount: number | null }> {
  const knex = ctx.reads.getKnex();
  const query = applyKeyset(
    filteredPartnerships(knex, ctx.viewer, filter).select('pa.*'),
    { expression: 'pa.started_on', sqlType: 'date', idColumn: 'pa.id' },
    OrderDirection.ASC,
    page.after,
    page.first + 1,
  );
  const read = withTotal
    ? pageAndTotal(
        await withTotalCount(query, filteredPartnerships(knex, ctx.viewer, filter), OrderDirection.ASC, 'id'),
        'id',
      )
    : { rows: (await query) as Record<string, unknown>[], totalCount: null };
  const cursors = new Map<Partnership, [string, string]>();
  const partnerships = read.rows.map(({ sort_key: sortKey, total_count: _totalCount, ...columns }) => {
    const partnership = ctx.em.map(Partnership, columns);
    cursors.set(partnership, [String(sortKey), partnership.id]);
    return partnership;
  });
  return { partnerships, cursors, totalCount: read.totalCount };
}

export async function countPartnerships(ctx: RequestContext, filter: PartnershipFilter): Promise<number> {
  return countAll(filteredPartnerships(ctx.reads.getKnex(), ctx.viewer, filter));
}
