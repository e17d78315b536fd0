import { describe, expect, it } from 'vitest';
import { ViewerRole } from '../../../src/auth/roles';
import {
  type AccessFacts,
  canSeeRecord,
  isRestrictedRead,
  locationAccess,
} from '../../../src/modules/governance/access.rules';
import { ConsentState } from '../../../src/modules/governance/consent-decision.enums';
import { GeoPrecision, LocationAccess, RecordVisibility } from '../../../src/modules/governance/governance.enums';

const { ANONYMOUS, PARTNER, ANALYST, MEMBER_EDITOR, INDIGENOUS_STEWARD, COICA_LIAISON, ADMIN } = ViewerRole;
const { PUBLIC, NETWORK, RESTRICTED } = RecordVisibility;
const { HIDDEN, COUNTRY, GRID_10KM, EXACT } = LocationAccess;
const { GRANTED, WITHHELD, NONE } = ConsentState;

function facts(role: ViewerRole, visibility: RecordVisibility, more: Partial<AccessFacts> = {}): AccessFacts {
  return {
    role,
    visibility,
    isOwnSteward: false,
    touchesIsolatedPeoples: false,
    publication: NONE,
    location: NONE,
    locationGranted: null,
    publicationWithheldAbove: false,
    locationWithheldAbove: false,
    ...more,
  };
}

const own = { isOwnSteward: true };
const isolated = { touchesIsolatedPeoples: true };
const grant = (precision: GeoPrecision) => ({ location: GRANTED, locationGranted: precision });

describe('locationAccess', () => {
  it.each<[string, AccessFacts, LocationAccess]>([
    // public records: a 10 km grid for everyone, exact for the secretariat
    ['anonymous, public', facts(ANONYMOUS, PUBLIC), GRID_10KM],
    ['partner, public', facts(PARTNER, PUBLIC), GRID_10KM],
    ['analyst, public', facts(ANALYST, PUBLIC), GRID_10KM],
    ['member editor, public', facts(MEMBER_EDITOR, PUBLIC), GRID_10KM],
    ['liaison, public', facts(COICA_LIAISON, PUBLIC), GRID_10KM],
    ['admin, public', facts(ADMIN, PUBLIC), EXACT],
    ['other steward, public', facts(INDIGENOUS_STEWARD, PUBLIC), GRID_10KM],
    ['own steward, public', facts(INDIGENOUS_STEWARD, PUBLIC, own), EXACT],
    // network records: not for anonymous; country for partners, grid for the liaison
    ['anonymous, network', facts(ANONYMOUS, NETWORK), HIDDEN],
    ['partner, network', facts(PARTNER, NETWORK), COUNTRY],
    ['analyst, network', facts(ANALYST, NETWORK), COUNTRY],
    ['liaison, network', facts(COICA_LIAISON, NETWORK), GRID_10KM],
    ['admin, network', facts(ADMIN, NETWORK), EXACT],
    // restricted records: only steward, admin (country) and those consent names
    ['partner, restricted', facts(PARTNER, RESTRICTED), HIDDEN],
    ['liaison, restricted, no consent', facts(COICA_LIAISON, RESTRICTED), HIDDEN],
    ['liaison, restricted, publication granted', facts(COICA_LIAISON, RESTRICTED, { publication: GRANTED }), COUNTRY],
    ['admin, restricted', facts(ADMIN, RESTRICTED), COUNTRY],
    ['own steward, restricted', facts(INDIGENOUS_STEWARD, RESTRICTED, own), EXACT],
    // location consent widens, never narrows; withheld hides
    ['partner, public, grid granted... exact', facts(PARTNER, PUBLIC, grant(GeoPrecision.EXACT)), EXACT],
    ['liaison, network, country granted', facts(COICA_LIAISON, NETWORK, grant(GeoPrecision.COUNTRY)), GRID_10KM],
    [
      'liaison, restricted, published, exact granted',
      facts(COICA_LIAISON, RESTRICTED, { publication: GRANTED, ...grant(GeoPrecision.EXACT) }),
      EXACT,
    ],
    ['analyst, public, location withheld', facts(ANALYST, PUBLIC, { location: WITHHELD }), HIDDEN],
    ['admin, public, location withheld', facts(ADMIN, PUBLIC, { location: WITHHELD }), HIDDEN],
    [
      'own steward, location withheld from others',
      facts(INDIGENOUS_STEWARD, PUBLIC, { ...own, location: WITHHELD }),
      EXACT,
    ],
    // publication withheld hides the record, from the admin too
    ['admin, restricted, publication withheld', facts(ADMIN, RESTRICTED, { publication: WITHHELD }), HIDDEN],
    ['partner, public, publication withheld', facts(PARTNER, PUBLIC, { publication: WITHHELD }), HIDDEN],
    // voluntary isolation: never finer than country, for anyone
    ['admin, public, isolated', facts(ADMIN, PUBLIC, isolated), COUNTRY],
    ['admin, isolated, exact granted', facts(ADMIN, PUBLIC, { ...isolated, ...grant(GeoPrecision.EXACT) }), COUNTRY],
    ['own steward, isolated', facts(INDIGENOUS_STEWARD, RESTRICTED, { ...own, ...isolated }), COUNTRY],
    ['anonymous, public, isolated', facts(ANONYMOUS, PUBLIC, isolated), COUNTRY],
    ['partner, network, isolated', facts(PARTNER, NETWORK, isolated), COUNTRY],
    ['analyst, isolated, withheld', facts(ANALYST, PUBLIC, { ...isolated, location: WITHHELD }), HIDDEN],
    // a refusal to someone who sees more binds the viewer too; the own steward is never bound by it
    ['anonymous, public, location withheld above', facts(ANONYMOUS, PUBLIC, { locationWithheldAbove: true }), HIDDEN],
    [
      'partner, exact granted, location withheld above',
      facts(PARTNER, PUBLIC, { ...grant(GeoPrecision.EXACT), locationWithheldAbove: true }),
      HIDDEN,
    ],
    [
      'anonymous, public, publication withheld above',
      facts(ANONYMOUS, PUBLIC, { publicationWithheldAbove: true }),
      HIDDEN,
    ],
    [
      'own steward, withheld above',
      facts(INDIGENOUS_STEWARD, PUBLIC, { ...own, publicationWithheldAbove: true, locationWithheldAbove: true }),
      EXACT,
    ],
  ])('%s', (_name, input, expected) => {
    expect(locationAccess(input)).toBe(expected);
  });
});

describe('canSeeRecord', () => {
  it.each<[ViewerRole, RecordVisibility, ConsentState, boolean, boolean, boolean]>([
    [ANONYMOUS, PUBLIC, NONE, false, false, true],
    [ANONYMOUS, PUBLIC, NONE, false, true, false],
    [ANONYMOUS, NETWORK, NONE, false, false, false],
    [PARTNER, NETWORK, NONE, false, false, true],
    [PARTNER, PUBLIC, GRANTED, false, true, false],
    [ANALYST, RESTRICTED, NONE, false, false, false],
    [ANALYST, RESTRICTED, GRANTED, false, false, true],
    [ADMIN, RESTRICTED, NONE, false, false, true],
    [ADMIN, RESTRICTED, WITHHELD, false, false, false],
    [INDIGENOUS_STEWARD, RESTRICTED, NONE, false, false, false],
    [INDIGENOUS_STEWARD, RESTRICTED, WITHHELD, true, true, true],
  ])(
    '%s sees a %s record with publication %s (own steward: %s, withheld above: %s): %s',
    (role, visibility, publication, isOwnSteward, publicationWithheldAbove, expected) => {
      expect(canSeeRecord({ role, visibility, publication, isOwnSteward, publicationWithheldAbove })).toBe(expected);
    },
  );
});

describe('isRestrictedRead', () => {
  it.each<[RecordVisibility, boolean, LocationAccess, boolean]>([
    [PUBLIC, false, GRID_10KM, false],
    [NETWORK, false, COUNTRY, false],
    [PUBLIC, false, EXACT, true],
    [RESTRICTED, false, COUNTRY, true],
    [PUBLIC, true, COUNTRY, true],
  ])('%s, isolated %s, served %s → logged %s', (visibility, touchesIsolatedPeoples, served, expected) => {
    expect(isRestrictedRead({ visibility, touchesIsolatedPeoples }, served)).toBe(expected);
  });
});
