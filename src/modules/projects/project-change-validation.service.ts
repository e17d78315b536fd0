import type { RequestContext } from '../../common/context';
import { ViewerRole } from '../../auth/roles';
import { ApiError, UserInputError } from '../../common/errors';
import { optionalText, requireDateOrder, requireInRange, requireText, requireUuid } from '../../common/validation';
import { COUNTRY_CENTROIDS } from '../governance/country-centroids';
import { IndigenousTerritory } from '../indigenous/indigenous-territory.entity';
import { servedTerritoryById } from '../indigenous/territory.loaders';
import { Partnership } from '../partnerships/partnership.entity';
import { Country } from '../members/country.entity';
import { requireKnownCountry } from '../members/country.service';
import type { BiodiversityProject } from './biodiversity-project.entity';
import type { BiodiversityProjectUpdate } from './project.inputs';

/** numeric(14, 2) holds less than 10^12. */
const MAX_AMOUNT = 999_999_999_999;

function amount(field: string, value: number | null | undefined): number | null | undefined {
  return value == null ? value : requireInRange(field, value, 0, MAX_AMOUNT);
}

function validThemes(themes: string[]): void {
  if (themes.length < 1 || themes.length > 10) throw new UserInputError('input.themes', 'give 1 to 10 themes');
  const duplicate = themes.findIndex((theme, index) => themes.indexOf(theme) !== index);
  if (duplicate >= 0) throw new UserInputError(`input.themes[${duplicate}]`, `${themes[duplicate]} is given twice`);
}

async function siteCountry(ctx: RequestContext, code: string): Promise<string> {
  const known = await requireKnownCountry(ctx, 'input.countryCode', code);
  if (!COUNTRY_CENTROIDS[known]) {
    const allowed = Object.keys(COUNTRY_CENTROIDS).join(', ');
    throw new UserInputError('input.countryCode', `projects lie in the Amazon Basin countries (${allowed})`);
  }
  return known;
}

/**
 * Validates every given field of `input` against `project` (its current state) and returns the changes;
 * nothing is applied, so a failed check leaves everything as it was.
 */
export async function validProjectChanges(
  ctx: RequestContext,
  project: BiodiversityProject,
  input: BiodiversityProjectUpdate,
): Promise<Partial<BiodiversityProject>> {
  const changes: Partial<BiodiversityProject> = {};
  if (input.title != null) changes.title = requireText('input.title', input.title, 300);
  if (input.description !== undefined) changes.description = optionalText('input.description', input.description, 5000);
  if (input.status != null) changes.status = input.status;
  if (input.themes != null) {
    validThemes(input.themes);
    changes.themes = input.themes;
  }
  if (input.startDate !== undefined) changes.startDate = input.startDate;
  if (input.endDate !== undefined) changes.endDate = input.endDate;
  requireDateOrder('input.endDate', changes.startDate ?? project.startDate, changes.endDate ?? project.endDate);
  if (input.hectaresProtected !== undefined)
    changes.hectaresProtected = amount('input.hectaresProtected', input.hectaresProtected);
  if (input.hectaresRestored !== undefined)
    changes.hectaresRestored = amount('input.hectaresRestored', input.hectaresRestored);
  if (input.budgetEur !== undefined) changes.budgetEur = amount('input.budgetEur', input.budgetEur);
  if (input.latitude !== undefined)
    changes.latitude = input.latitude === null ? null : requireInRange('input.latitude', input.latitude, -90, 90);
  if (input.longitude !== undefined) {
    changes.longitude = input.longitude === null ? null : requireInRange('input.longitude', input.longitude, -180, 180);
  }
  const latitude = changes.latitude !== undefined ? changes.latitude : project.latitude;
  const longitude = changes.longitude !== undefined ? changes.longitude : project.longitude;
  if ((latitude === null) !== (longitude === null)) {
    throw new UserInputError(
      latitude === null ? 'input.latitude' : 'input.longitude',
      'give latitude and longitude together',
    );
  }
  if (input.countryCode != null) {
    changes.country = ctx.em.getReference(Country, await siteCountry(ctx, input.countryCode), { wrapped: true });
  }
  const countryCode = changes.country?.code ?? project.country?.code;
  if (input.territoryId !== undefined) changes.territory = await validTerritory(ctx, input.territoryId, countryCode);
  if (input.partnershipId !== undefined) {
    changes.partnership = await validPartnership(ctx, input.partnershipId, project.implementingOrganisation.id);
  }
  if (input.concernsIsolatedPeoples != null) changes.concernsIsolatedPeoples = input.concernsIsolatedPeoples;
  if (input.visibility != null) changes.visibility = input.visibility;
  return changes;
}

/**
 * A steward links only its own organisation's territories: any other id, existing or not, is FORBIDDEN alike, so
 * the answer tells nothing about other organisations' territories. The liaison and the secretariat link the
 * territories consent lets them see; any other id is unknown to them.
 */
async function validTerritory(ctx: RequestContext, id: string | null, countryCode: string | undefined) {
  if (id === null) return null;
  const territoryId = requireUuid('input.territoryId', id);
  let territory: IndigenousTerritory | null;
  if (ctx.viewer.role === ViewerRole.INDIGENOUS_STEWARD) {
    territory = await ctx.em.findOne(IndigenousTerritory, {
      id: territoryId,
      stewardOrganisation: ctx.viewer.organisationId,
    });
    if (!territory) {
      throw new ApiError('FORBIDDEN', `input.territoryId: ${id} is not a territory of your organisation`, {
        field: 'input.territoryId',
      });
    }
  } else {
    territory = (await servedTerritoryById(ctx).load(territoryId))?.record ?? null;
    if (!territory) throw new UserInputError('input.territoryId', `no territory you may see has id ${id}`);
  }
  if (territory.country.code !== countryCode) {
    throw new UserInputError(
      'input.territoryId',
      `the territory lies in ${territory.country.code}, not ${countryCode}`,
    );
  }
  return ctx.em.getReference(IndigenousTerritory, territory.id, { wrapped: true });
}

async function validPartnership(ctx: RequestContext, id: string | null, organisationId: string) {
  if (id === null) return null;
  const partnership = await ctx.em.findOne(Partnership, { id: requireUuid('input.partnershipId', id) });
  if (!partnership) throw new UserInputError('input.partnershipId', `no partnership has id ${id}`);
  if (partnership.organisation.id !== organisationId) {
    throw new UserInputError('input.partnershipId', 'is a partnership of another organisation');
  }
  return ctx.em.getReference(Partnership, partnership.id, { wrapped: true });
}
