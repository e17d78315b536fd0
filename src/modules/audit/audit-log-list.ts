import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { applyKeyset, countAll, pageAndTotal, withTotalCount } from '../../common/keyset';
import { OrderDirection } from '../../common/order';
import type { PageRequest } from '../../common/pagination';
import type { AuditLogFilter } from './audit-log.inputs';

function filteredEntries(em: EntityManager, filter: AuditLogFilter): Knex.QueryBuilder {
  const query = em.getKnex().from('audit_log_entry as a');
  if (filter.apiKeyId) query.where('a.api_key_id', filter.apiKeyId);
  if (filter.mutations?.length) query.whereIn('a.mutation', filter.mutations);
  if (filter.succeeded != null) query.where('a.succeeded', filter.succeeded);
  if (filter.since) query.where('a.created_at', '>=', filter.since);
  if (filter.until) query.where('a.created_at', '<', filter.until);
  return query;
}

/**
 * One page of entries, newest first (first + 1 rows, to tell whether more follow); cursors are [createdAt, id]. With
 * `withTotal` the count of all the filtered entries read in the same statement.
 */
export async function auditLogPage(
  em: EntityManager,
  filter: AuditLogFilter,
  page: PageRequest,
  withTotal: boolean,
): Promise<{ rows: Record<string, unknown>[]; totalCount: number | null }> {
  const query = applyKeyset(
    filteredEntries(em, filter).select('a.*'),
    { expression: 'a.created_at', sqlType: 'timestamptz', idColumn: 'a.id' },
    OrderDirection.DESC,
    page.after,
    page.first + 1,
  );
  if (!withTotal) return { rows: await query, totalCount: null };
  return pageAndTotal(await withTotalCount(query, filteredEntries(em, filter), OrderDirection.DESC, 'id'), 'id');
}

export async function countAuditLogEntries(em: EntityManager, filter: AuditLogFilter): Promise<number> {
  return countAll(filteredEntries(em, filter));
}
