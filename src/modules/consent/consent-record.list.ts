import type { Knex } from '@mikro-orm/postgresql';
import { requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { countAll } from '../../common/keyset';
import { mapPage, newestFirstRows } from '../../common/newest-first';
import { Page, pageRequest, type PageArgs } from '../../common/pagination';
import { requireUuid } from '../../common/validation';
import type { ConsentRecordFilter } from './consent.inputs';
import { ConsentRecord } from './consent-record.entity';

/** The consent records the viewer may read: all for ADMIN and COICA_LIAISON, its own organisation's for a steward. */
function readableRecords(ctx: RequestContext, filter: ConsentRecordFilter): Knex.QueryBuilder {
  requireRole(ctx.viewer, 'consentRecords', ViewerRole.COICA_LIAISON, ViewerRole.INDIGENOUS_STEWARD);
  const query = ctx.reads.getKnex().from('consent_record as c');
  if (ctx.viewer.role === ViewerRole.INDIGENOUS_STEWARD)
    query.where('c.steward_organisation_id', ctx.viewer.organisationId);
  if (filter.subjectId) query.where('c.subject_id', requireUuid('filter.subjectId', filter.subjectId));
  if (filter.scopes?.length) query.whereIn('c.scope', filter.scopes);
  if (filter.statuses?.length) query.whereIn('c.status', filter.statuses);
  return query;
}

/** Consent records, newest first; with `withTotalCount` their count read in the same statement. */
export async function listConsentRecords(
  ctx: RequestContext,
  args: PageArgs & { filter?: ConsentRecordFilter | null },
  withTotalCount: boolean,
): Promise<Page<ConsentRecord>> {
  const page = pageRequest(args, 2);
  const filter = args.filter ?? {};
  const read = await newestFirstRows(() => readableRecords(ctx, filter), 'c', page, withTotalCount);
  const { items, cursorOf } = mapPage(read.rows, (columns) => ctx.em.map(ConsentRecord, columns));
  return new Page(items, page, cursorOf, () => read.totalCount ?? countAll(readableRecords(ctx, filter)));
}
