import { ViewerRole } from '../../auth/roles';
import type { Viewer } from '../../auth/viewer';
import { ApiError, forbidden, unauthenticated } from '../../common/errors';

/**
 * Consent is the people's own decision: only an INDIGENOUS_STEWARD key of the steward organisation records
 * or withdraws it. No other role may, the secretariat (ADMIN) included.
 */
export function requireStewardKey(viewer: Viewer, action: string): string {
  if (viewer.role === ViewerRole.ANONYMOUS) throw unauthenticated(`${action} needs an API key`);
  if (viewer.role !== ViewerRole.INDIGENOUS_STEWARD || !viewer.organisationId) {
    throw forbidden(`${action}: only the INDIGENOUS_STEWARD of the steward organisation may decide consent`);
  }
  return viewer.organisationId;
}

/** Refuses a decision made in the name of another organisation than the key's own. */
export function requireOwnOrganisation(viewerOrganisationId: string, organisationId: string, field: string): void {
  if (viewerOrganisationId !== organisationId) {
    throw new ApiError(
      'FORBIDDEN',
      `${field}: this key speaks for organisation ${viewerOrganisationId}, not ${organisationId}`,
      { field },
    );
  }
}
