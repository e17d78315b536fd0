import { Role, ViewerRole } from '../../auth/roles';
import { ConsentState } from './consent-decision.enums';
import { type GeoPrecision, LocationAccess, RecordVisibility } from './governance.enums';

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
  /** The latest DATA_PUBLICATION decision naming someone who sees more than the viewer withholds the record. */
  publicationWithheldAbove: boolean;
  /** The latest LOCATION_DISCLOSURE decision naming someone who sees more than the viewer withholds the site. */
  locationWithheldAbove: boolean;
}

/** The disclosure lattice, coarsest first: HIDDEN < COUNTRY < GRID_10KM < EXACT. */
const LATTICE: LocationAccess[] = [
  LocationAccess.HIDDEN,
  LocationAccess.COUNTRY,
  LocationAccess.GRID_10KM,
  LocationAccess.EXACT,
];

/** The finer of two precisions (the lattice's join). */
export const finer = (a: LocationAccess, b: LocationAccess) => (LATTICE.indexOf(a) >= LATTICE.indexOf(b) ? a : b);
/** The coarser of two precisions (the lattice's meet). */
export const coarser = (a: LocationAccess, b: LocationAccess) => (LATTICE.indexOf(a) <= LATTICE.indexOf(b) ? a : b);
export const atLeast = (a: LocationAccess, b: LocationAccess) => LATTICE.indexOf(a) >= LATTICE.indexOf(b);

/**
 * How much a role sees by default, as a rank: anonymous 0; partner, analyst, member editor and stewards of other
 * organisations 1; the COICA liaison 2; the secretariat 3. A decision withholding something from a role also
 * withholds it from every lower rank, and a decision naming an organisation or member withholds from anonymous.
 */
export const DISCLOSURE_RANK: Record<ViewerRole, number> = {
  [ViewerRole.ANONYMOUS]: 0,
  [ViewerRole.PARTNER]: 1,
  [ViewerRole.ANALYST]: 1,
  [ViewerRole.MEMBER_EDITOR]: 1,
  [ViewerRole.INDIGENOUS_STEWARD]: 1,
  [ViewerRole.COICA_LIAISON]: 2,
  [ViewerRole.ADMIN]: 3,
};

/**
 * Whose withholding decisions also bind this viewer: for anonymous every role, organisation and member a decision
 * names; for a key, the roles that rank above its own.
 */
export function principalsAbove(role: ViewerRole): { everyone: boolean; roles: Role[] } {
  if (role === ViewerRole.ANONYMOUS) return { everyone: true, roles: [] };
  const rank = DISCLOSURE_RANK[role];
  return {
    everyone: false,
    roles: Object.values(Role).filter((other) => DISCLOSURE_RANK[other] > rank),
  };
}

/** Whether the viewer may see the record at all. */
export function canSeeRecord(
  facts: Pick<AccessFacts, 'role' | 'isOwnSteward' | 'visibility' | 'publication' | 'publicationWithheldAbove'>,
): boolean {
  if (facts.isOwnSteward) return true;
  if (facts.publication === ConsentState.WITHHELD || facts.publicationWithheldAbove) return false;
  switch (facts.visibility) {
    case RecordVisibility.PUBLIC:
      return true;
    case RecordVisibility.NETWORK:
      return facts.role !== ViewerRole.ANONYMOUS;
    case RecordVisibility.RESTRICTED:
      return facts.role === ViewerRole.ADMIN || facts.publication === ConsentState.GRANTED;
  }
}

/** The precision a viewer gets without a location consent that names it; it never falls as the rank rises. */
function defaultPrecision(role: ViewerRole, visibility: RecordVisibility): LocationAccess {
  if (visibility === RecordVisibility.RESTRICTED) return LocationAccess.COUNTRY;
  if (role === ViewerRole.ADMIN) return LocationAccess.EXACT;
  if (visibility === RecordVisibility.PUBLIC || role === ViewerRole.COICA_LIAISON) return LocationAccess.GRID_10KM;
  return LocationAccess.COUNTRY;
}

/** What the viewer's own role and the decisions naming it give: default, widened by a grant, hidden by a refusal. */
function ownPrecision(facts: AccessFacts): LocationAccess {
  if (facts.isOwnSteward) return LocationAccess.EXACT;
  if (!canSeeRecord(facts) || facts.location === ConsentState.WITHHELD) return LocationAccess.HIDDEN;
  const base = defaultPrecision(facts.role, facts.visibility);
  if (facts.location !== ConsentState.GRANTED || !facts.locationGranted) return base;
  return finer(base, facts.locationGranted as string as LocationAccess);
}

/**
 * The one precision rule, over the lattice HIDDEN < COUNTRY < GRID_10KM < EXACT: the coarsest of what the viewer's
 * own role and consent give, what decisions withholding from those who see more leave (HIDDEN when one does), and
 * COUNTRY when peoples in voluntary isolation are concerned. The steward sees its own data exactly (isolation
 * aside). Hence no key ever gets less than anonymous, and a refusal to a role binds every role that sees less.
 */
export function locationAccess(facts: AccessFacts): LocationAccess {
  let access = ownPrecision(facts);
  if (!facts.isOwnSteward && facts.locationWithheldAbove) access = LocationAccess.HIDDEN;
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
