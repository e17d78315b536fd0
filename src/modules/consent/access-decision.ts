import { ViewerRole } from '../../auth/roles';
import { ConsentState } from './consent.enums';
import { GeoPrecision, LocationAccess, RecordVisibility } from './governance.enums';

/** What the server knows about one viewer and one governed record (a territory or project). */
export interface AccessFacts {
  role: ViewerRole;
  /** The viewer is the INDIGENOUS_STEWARD of the record's steward organisation. */
  isOwnSteward: boolean;
  visibility: RecordVisibility;
  /** The record concerns peoples in voluntary isolation (itself or through its territory). */
  touchesIsolatedPeoples: boolean;
  /** The latest DATA_PUBLICATION decision that names the viewer. */
  publication: ConsentState;
  /** The latest LOCATION_DISCLOSURE decision that names the viewer, and the precision it grants. */
  location: ConsentState;
  locationGranted: GeoPrecision | null;
}

const RANK: Record<LocationAccess, number> = {
  [LocationAccess.HIDDEN]: 0,
  [LocationAccess.COUNTRY]: 1,
  [LocationAccess.GRID_10KM]: 2,
  [LocationAccess.EXACT]: 3,
};

const finer = (a: LocationAccess, b: LocationAccess) => (RANK[a] >= RANK[b] ? a : b);
const coarser = (a: LocationAccess, b: LocationAccess) => (RANK[a] <= RANK[b] ? a : b);

/** Whether the viewer may see the record at all. */
export function canSeeRecord(
  facts: Pick<AccessFacts, 'role' | 'isOwnSteward' | 'visibility' | 'publication'>,
): boolean {
  if (facts.isOwnSteward) return true;
  if (facts.publication === ConsentState.WITHHELD) return false;
  switch (facts.visibility) {
    case RecordVisibility.PUBLIC:
      return true;
    case RecordVisibility.NETWORK:
      return facts.role !== ViewerRole.ANONYMOUS;
    case RecordVisibility.RESTRICTED:
      return facts.role === ViewerRole.ADMIN || facts.publication === ConsentState.GRANTED;
  }
}

/** The precision a viewer gets without a location consent that names it. */
function defaultPrecision(role: ViewerRole, visibility: RecordVisibility): LocationAccess {
  if (visibility === RecordVisibility.RESTRICTED) return LocationAccess.COUNTRY;
  if (role === ViewerRole.ADMIN) return LocationAccess.EXACT;
  if (visibility === RecordVisibility.PUBLIC || role === ViewerRole.COICA_LIAISON) return LocationAccess.GRID_10KM;
  return LocationAccess.COUNTRY;
}

/**
 * The precision a record's location is served at: the steward sees its own sites exactly; others get a default
 * by role and visibility, widened by a granted location consent and hidden by a withheld or withdrawn one.
 * Whatever touches peoples in voluntary isolation is never finer than COUNTRY, for anyone.
 */
export function locationAccess(facts: AccessFacts): LocationAccess {
  if (!canSeeRecord(facts)) return LocationAccess.HIDDEN;
  let access: LocationAccess;
  if (facts.isOwnSteward) access = LocationAccess.EXACT;
  else if (facts.location === ConsentState.WITHHELD) access = LocationAccess.HIDDEN;
  else {
    access = defaultPrecision(facts.role, facts.visibility);
    if (facts.location === ConsentState.GRANTED && facts.locationGranted) {
      access = finer(access, facts.locationGranted as string as LocationAccess);
    }
  }
  return facts.touchesIsolatedPeoples ? coarser(access, LocationAccess.COUNTRY) : access;
}

/** Reads that go into the access log: restricted records, anything touching isolated peoples, exact sites. */
export function isRestrictedRead(
  facts: Pick<AccessFacts, 'visibility' | 'touchesIsolatedPeoples'>,
  served: LocationAccess,
): boolean {
  return (
    facts.visibility === RecordVisibility.RESTRICTED || facts.touchesIsolatedPeoples || served === LocationAccess.EXACT
  );
}
