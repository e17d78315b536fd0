import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireAdmin } from '../../auth/authorize';
import type { RequestContext } from '../../common/context';
import { Page, pageRequest, type PageArgs } from '../../common/pagination';
import { requireMaxItems, requireUuid } from '../../common/validation';
import { AuditLogEntry } from './audit-log-entry.entity';
import { auditLogPage, countAuditLogEntries } from './audit-log-list';
import type { AuditLogFilter } from './audit-log.inputs';

/** What the HTTP layer knows of one mutation: who sent it, what, when, and how it ended. */
export interface AuditRecord {
  receivedAt: Date;
  role: AuditLogEntry['role'];
  apiKeyId: string | null;
  apiKeyName: string | null;
  memberId: string | null;
  organisationId: string | null;
  operationName: string | null;
  mutation: string;
  argumentValues: Record<string, unknown>;
  succeeded: boolean;
  errorCode: string | null;
  requestId: string;
  clientIp: string | null;
}

/**
 * Writes entries in one INSERT on `em`: a committed mutation's in its own transaction, refused ones on their own.
 * Their texts must already be storable (../../http/audit-trail.ts): content alone never makes this insert fail.
 */
export async function recordAuditEntries(em: EntityManager, records: AuditRecord[]): Promise<void> {
  if (!records.length) return;
  await em.insertMany(
    AuditLogEntry,
    records.map(({ receivedAt, ...record }) => ({
      id: randomUUID(),
      createdAt: receivedAt,
      updatedAt: receivedAt,
      ...record,
    })),
  );
}

export async function listAuditLog(
  ctx: RequestContext,
  args: PageArgs & { filter?: AuditLogFilter | null },
  withTotalCount: boolean,
): Promise<Page<AuditLogEntry>> {
  requireAdmin(ctx.viewer, 'auditLog');
  const page = pageRequest(args, 2);
  const filter = { ...args.filter };
  if (filter.apiKeyId) filter.apiKeyId = requireUuid('filter.apiKeyId', filter.apiKeyId);
  if (filter.mutations) requireMaxItems('filter.mutations', filter.mutations);
  const { rows, totalCount } = await auditLogPage(ctx.em, filter, page, withTotalCount);
  const entries = rows.map(({ sort_key: _sortKey, total_count: _totalCount, ...columns }) =>
    ctx.em.map(AuditLogEntry, columns),
  );
  return new Page(
    entries,
    page,
    (entry) => [entry.createdAt.toISOString(), entry.id],
    () => totalCount ?? countAuditLogEntries(ctx.em, filter),
  );
}
