import type { Knex } from '@mikro-orm/postgresql';
import { ViewerRole } from '../../auth/roles';
import type { Viewer } from '../../auth/viewer';
import { RecordVisibility } from '../consent/governance.enums';

/**
 * Whether the viewer may see a partnership. RESTRICTED ones are for the secretariat, the COICA liaison
 * (who manages partnerships) and the partners themselves: the organisation's steward, the member's editor.
 */
export function canSeePartnership(role: ViewerRole, visibility: RecordVisibility, isParty: boolean): boolean {
  switch (visibility) {
    case RecordVisibility.PUBLIC:
      return true;
    case RecordVisibility.NETWORK:
      return role !== ViewerRole.ANONYMOUS;
    case RecordVisibility.RESTRICTED:
      return role === ViewerRole.ADMIN || role === ViewerRole.COICA_LIAISON || isParty;
  }
}

/** Restricts a query over `partnership pa` to the rows the viewer may see (the combinations allowed above). */
export function whereVisiblePartnership(query: Knex.QueryBuilder, viewer: Viewer): Knex.QueryBuilder {
  const allowed: [RecordVisibility, boolean][] = [];
  for (const visibility of Object.values(RecordVisibility)) {
    for (const isParty of [true, false]) {
      if (canSeePartnership(viewer.role, visibility, isParty)) allowed.push([visibility, isParty]);
    }
  }
  return query.whereRaw(
    `(pa.visibility::text, coalesce(pa.organisation_id = ?::uuid or pa.member_id = ?::uuid, false)) in (` +
      `${allowed.map(() => '(?::text, ?::boolean)').join(', ')})`,
    [viewer.organisationId, viewer.memberId, ...allowed.flat()],
  );
}
