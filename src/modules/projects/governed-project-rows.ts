import { Transform } from 'node:stream';
import type { RequestContext } from '../../common/context';
import type { ExportRow } from '../../common/exports/export-columns';
import { isRestrictedRead, locationAccess } from '../governance/access.rules';
import { logRestrictedReads, type RestrictedRead } from '../governance/access-log.service';
import { ConsentSubjectType } from '../governance/consent-decision.enums';
import { servedLocation } from '../governance/served-location';
import { accessFacts, type GovernedRow, splitAccessColumns } from '../governance/governed-records.service';
import type { RecordVisibility } from '../governance/governance.enums';

/** Projects decided and logged together: one access-log insert per batch, as a GraphQL page does. */
const PROJECTS_PER_BATCH = 500;

/** A project row as the viewer may have it: the site at the precision decided for it, never the stored one. */
function servedRow(ctx: RequestContext, row: GovernedRow): { row: ExportRow; read: RestrictedRead | null } {
  const { columns, access } = splitAccessColumns(row);
  const facts = accessFacts(ctx.viewer, columns.visibility as RecordVisibility, access);
  const served = locationAccess(facts);
  const location = servedLocation(
    {
      latitude: columns.latitude as number | null,
      longitude: columns.longitude as number | null,
      countryCode: columns.country_code as string,
    },
    served,
  );
  const { latitude: _latitude, longitude: _longitude, data_steward_id, ...rest } = columns;
  return {
    row: {
      ...rest,
      data_steward_id,
      concerns_isolated_peoples: facts.touchesIsolatedPeoples,
      latitude: location?.latitude ?? null,
      longitude: location?.longitude ?? null,
      location_precision: location?.precision ?? null,
    },
    read: isRestrictedRead(facts, served)
      ? {
          subjectType: ConsentSubjectType.PROJECT,
          subjectId: columns.project_id as string,
          stewardOrganisationId: data_steward_id as string,
          locationAccess: served,
        }
      : null,
  };
}

/**
 * Governed project rows (from `governedProjects`, with access columns) in, rows as the viewer may see them out:
 * each batch's restricted reads are written to the access log before the batch goes on, so what cannot be logged
 * is not served.
 */
export function governedProjectRows(ctx: RequestContext): Transform {
  let batch: GovernedRow[] = [];
  const serveBatch = async (stream: Transform, rows: GovernedRow[]) => {
    const served = rows.map((row) => servedRow(ctx, row));
    await logRestrictedReads(
      ctx,
      served.flatMap((item) => (item.read ? [item.read] : [])),
    );
    for (const item of served) stream.push(item.row);
  };
  return new Transform({
    objectMode: true,
    transform(row: GovernedRow, _encoding, done) {
      batch.push(row);
      if (batch.length < PROJECTS_PER_BATCH) return done();
      const rows = batch;
      batch = [];
      serveBatch(this, rows).then(() => done(), done);
    },
    flush(done) {
      serveBatch(this, batch).then(() => done(), done);
    },
  });
}
