import DataLoader from 'dataloader';
import { defineLoader, type RequestContext } from '../../common/context';
import { byKeys } from '../../common/loaders';
import { cursorBindings, Page, pageRequest, type PageArgs, type PageRequest } from '../../common/pagination';
import type { BiodiversityProject } from './biodiversity-project.entity';
import type { GovernedRow } from '../governance/governed-records.service';
import {
  decideProjectRows,
  type DecidedProject,
  governedProjects,
  logProjectReads,
  selectProjectRows,
} from './project-access.sql';
import { primeServedProjects } from './project.loaders';

interface PageKey {
  organisationId: string;
  first: number;
  after: string | null;
}

/**
 * One page of projects per organisation, by title: a window function numbers each organisation's rows,
 * so a list of organisations costs one statement for all their pages (per distinct `first`/`after`).
 */
const projectPagesByOrganisation = defineLoader(
  (ctx) =>
    new DataLoader<PageKey, DecidedProject[], string>(
      async (keys) => {
        const groups = new Map<string, PageKey[]>();
        for (const key of keys) {
          const group = `${key.first}:${key.after ?? ''}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const pages = new Map<PageKey, DecidedProject[]>();
        for (const group of groups.values()) {
          const request = pageRequest({ first: group[0].first, after: group[0].after }, 2);
          const rows = await pageRows(
            ctx,
            group.map((key) => key.organisationId),
            request,
          );
          const decided = decideProjectRows(ctx, rows);
          for (const key of group) {
            pages.set(
              key,
              decided.filter((item) => item.record.implementingOrganisation.id === key.organisationId),
            );
          }
        }
        return keys.map((key) => pages.get(key)!);
      },
      { cacheKeyFn: (key) => `${key.organisationId}:${key.first}:${key.after ?? ''}` },
    ),
);

async function pageRows(ctx: RequestContext, organisationIds: string[], page: PageRequest): Promise<GovernedRow[]> {
  const knex = ctx.reads.getKnex();
  const inner = selectProjectRows(governedProjects(knex, ctx.viewer), knex, ctx.viewer)
    .select(
      knex.raw('row_number() over (partition by p.implementing_organisation_id order by p.title, p.id) as page_row'),
    )
    .whereIn('p.implementing_organisation_id', organisationIds);
  if (page.after) inner.whereRaw('(p.title, p.id) > (?::text, ?::uuid)', cursorBindings(page.after, 'text'));
  const rows: (GovernedRow & { page_row: string })[] = await knex
    .from(inner.as('x'))
    .where('page_row', '<=', page.first + 1)
    .orderBy([{ column: 'title' }, { column: 'id' }]);
  return rows.map(({ page_row: _pageRow, ...row }) => row);
}

/** How many projects of each organisation the viewer may see. */
const projectCountByOrganisation = defineLoader(
  (ctx) =>
    new DataLoader<string, number>(async (organisationIds) => {
      const rows: { organisation_id: string; count: string }[] = await governedProjects(
        ctx.reads.getKnex(),
        ctx.viewer,
        true,
      )
        .select('p.implementing_organisation_id as organisation_id')
        .count({ count: '*' })
        .whereIn('p.implementing_organisation_id', [...organisationIds])
        .groupBy('p.implementing_organisation_id');
      return byKeys(organisationIds, rows, (row) => row.organisation_id, null).map((row) => Number(row?.count ?? 0));
    }),
);

export async function organisationProjects(
  ctx: RequestContext,
  organisationId: string,
  args: PageArgs,
): Promise<Page<BiodiversityProject>> {
  const page = pageRequest(args, 2);
  const decided = await projectPagesByOrganisation(ctx).load({
    organisationId,
    first: page.first,
    after: args.after ?? null,
  });
  const served = decided.slice(0, page.first);
  await logProjectReads(ctx, served);
  primeServedProjects(ctx, served);
  return new Page(
    decided.map((item) => item.record),
    page,
    (project) => [project.title, project.id],
    () => projectCountByOrganisation(ctx).load(organisationId),
  );
}
