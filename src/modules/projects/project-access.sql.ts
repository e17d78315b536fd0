import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import type { RequestContext } from '../../common/context';
import { ConsentSubjectType } from '../governance/consent-decision.enums';
import { joinConsent } from '../governance/consent-joins.sql';
import { accessColumns, type GovernedTable, visibleRowSql } from '../governance/governed-access.sql';
import {
  type Decided,
  decideRows,
  type GovernedRow,
  logReads,
  type Served,
} from '../governance/governed-records.service';
import { BiodiversityProject } from './biodiversity-project.entity';

export const PROJECT_TABLE: GovernedTable = {
  alias: 'p',
  subjects: [
    { type: ConsentSubjectType.PROJECT, column: 'p.id' },
    { type: ConsentSubjectType.TERRITORY, column: 'p.territory_id' },
    { type: ConsentSubjectType.ORGANISATION, column: 'p.data_steward_id' },
  ],
  stewardColumn: 'p.data_steward_id',
  isolatedSql: 'p.concerns_isolated_peoples or coalesce(t.contains_isolated_peoples, false)',
};

/** Projects with their territory (`t`) and the viewer's consent decisions joined (`pub`, `loc`). */
function projectsWithConsent(knex: Knex, viewer: Viewer, publicationOnly: boolean): Knex.QueryBuilder {
  const query = knex.from('biodiversity_project as p').leftJoin('indigenous_territory as t', 't.id', 'p.territory_id');
  return joinConsent(query, PROJECT_TABLE, viewer, publicationOnly);
}

/** The projects the viewer may see, ready for `selectProjectRows` (or a count, with `publicationOnly`). */
export function governedProjects(knex: Knex, viewer: Viewer, publicationOnly = false): Knex.QueryBuilder {
  const visible = visibleRowSql(PROJECT_TABLE, viewer);
  return projectsWithConsent(knex, viewer, publicationOnly).whereRaw(visible.sql, visible.bindings);
}

/** Selects the project columns and the access columns. */
export function selectProjectRows(query: Knex.QueryBuilder, knex: Knex, viewer: Viewer): Knex.QueryBuilder {
  return query.select('p.*', accessColumns(knex, PROJECT_TABLE, viewer));
}

export type ServedProject = Served<BiodiversityProject>;
export type DecidedProject = Decided<BiodiversityProject>;

export function decideProjectRows(ctx: RequestContext, rows: GovernedRow[]): DecidedProject[] {
  return decideRows(ctx, BiodiversityProject, rows);
}

/** Logs the restricted reads among projects about to be served; call before returning them. */
export function logProjectReads(ctx: RequestContext, projects: DecidedProject[]): Promise<void> {
  return logReads(ctx, ConsentSubjectType.PROJECT, (project) => project.dataSteward.id, projects);
}
