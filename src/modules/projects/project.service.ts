import type { RequestContext } from '../../common/context';
import { OrderDirection } from '../../common/order';
import { Page, pageRequest, type PageArgs } from '../../common/pagination';
import { requireUuid, requireUuids } from '../../common/validation';
import { requireKnownCountries } from '../members/country.service';
import type { BiodiversityProject } from './biodiversity-project.entity';
import { decideProjectRows, logProjectReads } from './project-access.sql';
import {
  type BiodiversityProjectFilter,
  type BiodiversityProjectOrder,
  BiodiversityProjectOrderField,
} from './project.filter';
import { countProjects, projectPage } from './project.list';
import { primeServedProjects, servedProjectById } from './project.loaders';

const DEFAULT_ORDER: BiodiversityProjectOrder = {
  field: BiodiversityProjectOrderField.TITLE,
  direction: OrderDirection.ASC,
};

/** One project, or null when it does not exist or the viewer may not see it. */
export async function getProject(ctx: RequestContext, id: string): Promise<BiodiversityProject | null> {
  return (await servedProjectById(ctx).load(requireUuid('id', id)))?.record ?? null;
}

export async function validProjectFilter(
  ctx: RequestContext,
  filter: BiodiversityProjectFilter,
): Promise<BiodiversityProjectFilter> {
  return {
    ...filter,
    countryCodes: filter.countryCodes && (await requireKnownCountries(ctx, 'filter.countryCodes', filter.countryCodes)),
    organisationIds: filter.organisationIds && requireUuids('filter.organisationIds', filter.organisationIds),
    memberIds: filter.memberIds && requireUuids('filter.memberIds', filter.memberIds),
  };
}

export async function listProjects(
  ctx: RequestContext,
  args: PageArgs & { filter?: BiodiversityProjectFilter | null; orderBy?: BiodiversityProjectOrder | null },
  withTotalCount: boolean,
): Promise<Page<BiodiversityProject>> {
  const page = pageRequest(args, 2);
  const filter = await validProjectFilter(ctx, args.filter ?? {});
  const knex = ctx.reads.getKnex();
  const order = args.orderBy ?? DEFAULT_ORDER;
  const { rows, totalCount } = await projectPage(knex, ctx.viewer, filter, order, page, withTotalCount);
  const decided = decideProjectRows(ctx, rows);
  const served = decided.slice(0, page.first);
  await logProjectReads(ctx, served);
  primeServedProjects(ctx, served);
  const sortKeys = new Map(rows.map((row) => [row.id as string, row.sort_key]));
  return new Page(
    decided.map((item) => item.record),
    page,
    (project) => [sortKeys.get(project.id)!, project.id],
    () => totalCount ?? countProjects(knex, ctx.viewer, filter),
  );
}
