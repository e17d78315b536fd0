import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { Page, pageRequest, type PageArgs } from '../../common/pagination';
import { isUuid, requireUuid } from '../../common/validation';
import { requireKnownCountries } from '../members/country.service';
import { IndigenousOrganisation } from './indigenous-organisation.entity';
import type { IndigenousOrganisationFilter } from './indigenous-organisation.inputs';
import { countOrganisations, organisationPage } from './indigenous-organisation.list';
import { organisationById } from './indigenous-organisation.loaders';

export function getOrganisation(ctx: RequestContext, id: string): Promise<IndigenousOrganisation | null> {
  return organisationById(ctx).load(requireUuid('id', id));
}

/** Whether an organisation with this id exists (false for anything that is not a UUID). */
export async function organisationExists(ctx: RequestContext, id: string): Promise<boolean> {
  return isUuid(id) && (await organisationById(ctx).load(id.toLowerCase())) !== null;
}

/** The organisation with this id, or bad input naming `field`. */
export async function requireKnownOrganisation(
  ctx: RequestContext,
  field: string,
  id: string,
): Promise<IndigenousOrganisation> {
  const organisation = await organisationById(ctx).load(requireUuid(field, id));
  if (!organisation) throw new UserInputError(field, `no indigenous organisation has id ${id}`);
  return organisation;
}

async function validFilter(
  ctx: RequestContext,
  filter: IndigenousOrganisationFilter,
): Promise<IndigenousOrganisationFilter> {
  const checked = { ...filter };
  if (filter.countryCodes)
    checked.countryCodes = await requireKnownCountries(ctx, 'filter.countryCodes', filter.countryCodes);
  if (filter.parentId) checked.parentId = requireUuid('filter.parentId', filter.parentId);
  if (filter.nameContains != null && filter.nameContains.length > 200) {
    throw new UserInputError('filter.nameContains', 'must be at most 200 characters');
  }
  return checked;
}

export async function listOrganisations(
  ctx: RequestContext,
  args: PageArgs & { filter?: IndigenousOrganisationFilter | null },
  withTotalCount: boolean,
): Promise<Page<IndigenousOrganisation>> {
  const page = pageRequest(args, 2);
  const filter = await validFilter(ctx, args.filter ?? {});
  const { rows, totalCount } = await organisationPage(ctx.em, filter, page, withTotalCount);
  const cursors = new Map<IndigenousOrganisation, [string, string]>();
  const organisations = rows.map(({ sort_key: sortKey, total_count: _totalCount, ...columns }) => {
    const organisation = ctx.em.map(IndigenousOrganisation, columns);
    cursors.set(organisation, [sortKey as string, organisation.id]);
    organisationById(ctx).prime(organisation.id, organisation);
    return organisation;
  });
  return new Page(
    organisations,
    page,
    (organisation) => cursors.get(organisation)!,
    () => totalCount ?? countOrganisations(ctx.em, filter),
  );
}
