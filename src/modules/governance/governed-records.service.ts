import type { EntityDictionary, EntityName } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import type { Viewer } from '../../auth/viewer';
import { type AccessFacts, isRestrictedRead, locationAccess } from './access.rules';
import { logRestrictedReads } from './access-log.service';
import type { ConsentSubjectType } from './consent-decision.enums';
import type { AccessColumns } from './governed-access.sql';
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

/** The facts `locationAccess` decides on, from a row with access columns. */
export function accessFacts(viewer: Viewer, visibility: RecordVisibility, columns: AccessColumns): AccessFacts {
  return {
    role: viewer.role,
    isOwnSteward: columns.is_own_steward,
    visibility,
    touchesIsolatedPeoples: columns.touches_isolated_peoples,
    publication: columns.publication_state,
    location: columns.location_state,
    locationGranted: columns.location_granted,
    publicationWithheldAbove: columns.publication_withheld_above,
    locationWithheldAbove: columns.location_withheld_above,
  };
}

/** Splits a governed row into the table's own columns and the access columns. */
export function splitAccessColumns<Row extends AccessColumns>(
  row: Row,
): { columns: Omit<Row, keyof AccessColumns>; access: AccessColumns } {
  const {
    publication_state,
    location_state,
    location_granted,
    is_own_steward,
    touches_isolated_peoples,
    publication_withheld_above,
    location_withheld_above,
    ...columns
  } = row;
  return {
    columns,
    access: {
      publication_state,
      location_state,
      location_granted,
      is_own_steward,
      touches_isolated_peoples,
      publication_withheld_above,
      location_withheld_above,
    },
  };
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
