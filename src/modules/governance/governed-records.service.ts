import type { EntityDictionary, EntityName } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { type AccessFacts, isRestrictedRead, locationAccess } from './access-decision';
import { logRestrictedReads } from './access-log.writer';
import type { ConsentSubjectType } from './consent.enums';
import { accessFacts, type AccessColumns, splitAccessColumns } from './governed-access-sql';
import type { LocationAccess, RecordVisibility } from './governance.enums';

/** A governed record (territory or project) as this request serves it. */
export interface Served<T> {
  record: T;
  locationAccess: LocationAccess;
}

/** A served record with the facts its access was decided on. */
export interface Decided<T> extends Served<T> {
  facts: AccessFacts;
}

export type GovernedRow = AccessColumns & Record<string, unknown>;

interface GovernedRecord {
  id: string;
  visibility: RecordVisibility;
}

/** Maps rows with access columns to entities, each with the precision this viewer gets. */
export function decideRows<T extends GovernedRecord>(
  ctx: RequestContext,
  entity: EntityName<T>,
  rows: GovernedRow[],
): Decided<T>[] {
  return rows.map((row) => {
    const { columns, access } = splitAccessColumns(row);
    const record = ctx.em.map(entity, columns as EntityDictionary<T>);
    const facts = accessFacts(ctx.viewer, record.visibility, access);
    return { record, facts, locationAccess: locationAccess(facts) };
  });
}

/** Logs the restricted reads among records about to be served; call before returning them. */
export function logReads<T extends GovernedRecord>(
  ctx: RequestContext,
  subjectType: ConsentSubjectType,
  stewardOf: (record: T) => string,
  items: Decided<T>[],
): Promise<void> {
  return logRestrictedReads(
    ctx,
    items
      .filter((item) => isRestrictedRead(item.facts, item.locationAccess))
      .map((item) => ({
        subjectType,
        subjectId: item.record.id,
        stewardOrganisationId: stewardOf(item.record),
        locationAccess: item.locationAccess,
      })),
  );
}
