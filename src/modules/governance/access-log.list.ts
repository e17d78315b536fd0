import type { Knex } from '@mikro-orm/postgresql';
import { requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { countAll } from '../../common/keyset';
import { mapPage, newestFirstRows } from '../../common/newest-first';
import { Page, pageRequest, type PageArgs } from '../../common/pagination';
import { requireDateOrder, requireUuid } from '../../common/validation';
import { AccessLog } from './access-log.entity';
import type { AccessLogFilter } from './access-log.inputs';

/** A steward reads the log of its own organisation's data; ADMIN reads all of it. */
function readableLog(ctx: RequestContext, filter: AccessLogFilter): Knex.QueryBuilder {
  requireRole(ctx.viewer, 'accessLog', ViewerRole.INDIGENOUS_STEWARD);
  const query = ctx.reads.getKnex().from('access_log as a');
  if (ctx.viewer.role === ViewerRole.INDIGENOUS_STEWARD)
    query.where('a.steward_organisation_id', ctx.viewer.organisationId);
  else if (filter.stewardOrganisationId) {
    query.where('a.steward_organisation_id', requireUuid('filter.stewardOrganisationId', filter.stewardOrganisationId));
  }
  if (filter.subjectId) query.where('a.subject_id', requireUuid('filter.subjectId', filter.subjectId));
  if (filter.readerOrganisationId) {
    query.where('a.reader_organisation_id', requireUuid('filter.readerOrganisationId', filter.readerOrganisationId));
  }
  if (filter.readerMemberId)
    query.where('a.reader_member_id', requireUuid('filter.readerMemberId', filter.readerMemberId));
  if (filter.role) query.where('a.role', filter.role);
  if (filter.purpose) query.where('a.purpose', filter.purpose);
  requireDateOrder('filter.to', filter.from, filter.to);
  if (filter.from) query.whereRaw(`a.created_at >= (?::date at time zone 'UTC')`, [filter.from]);
  if (filter.to) query.whereRaw(`a.created_at < ((?::date + 1) at time zone 'UTC')`, [filter.to]);
  return query;
}

/** The log newest first; with `withTotalCount` its count read in the same statement. */
export async function listAccessLog(
  ctx: RequestContext,
  args: PageArgs & { filter?: AccessLogFilter | null },
  withTotalCount: boolean,
): Promise<Page<AccessLog>> {
  const page = pageRequest(args, 2);
  const filter = args.filter ?? {};
  const read = await newestFirstRows(() => readableLog(ctx, filter), 'a', page, withTotalCount);
  const { items, cursorOf } = mapPage(read.rows, (columns) => ctx.em.map(AccessLog, columns));
  return new Page(items, page, cursorOf, () => read.totalCount ?? countAll(readableLog(ctx, filter)));
}
