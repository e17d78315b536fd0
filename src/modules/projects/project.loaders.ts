import DataLoader from 'dataloader';
import { defineLoader, type RequestContext } from '../../common/context';
import { byKeys, groupByKeys } from '../../common/loaders';
import type { Member } from '../members/member.entity';
import type { GovernedRow } from '../governance/governed-records.service';
import {
  decideProjectRows,
  governedProjects,
  logProjectReads,
  selectProjectRows,
  type DecidedProject,
} from './project-access.sql';
import { ProjectSupport } from './project-support.entity';

/** A project as served to the viewer, or null when it does not exist or the viewer may not see it. */
export const servedProjectById = defineLoader(
  (ctx) =>
    new DataLoader<string, DecidedProject | null>(async (ids) => {
      const knex = ctx.reads.getKnex();
      const rows: GovernedRow[] = await selectProjectRows(governedProjects(knex, ctx.viewer), knex, ctx.viewer).whereIn(
        'p.id',
        [...ids],
      );
      const decided = decideProjectRows(ctx, rows);
      await logProjectReads(ctx, decided);
      return byKeys(ids, decided, (served) => served.record.id, null);
    }),
);

/** Served projects from a list are primed here, so their fields never load them again. */
export function primeServedProjects(ctx: RequestContext, served: DecidedProject[]): void {
  for (const item of served) servedProjectById(ctx).prime(item.record.id, item);
}

/** The members supporting each project, by name. */
export const supportingMembersByProject = defineLoader(
  (ctx) =>
    new DataLoader<string, Member[]>(async (projectIds) => {
      const supports = await ctx.em.find(
        ProjectSupport,
        { project: { $in: [...projectIds] } },
        { populate: ['member'], orderBy: { member: { name: 'asc' }, id: 'asc' } },
      );
      return groupByKeys(projectIds, supports, (support) => support.project.id).map((group) =>
        group.map((support) => support.member.getEntity()),
      );
    }),
);
