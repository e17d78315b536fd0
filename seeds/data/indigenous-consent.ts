import { Role } from '../../src/auth/roles';
import { ConsentScope, ConsentStatus, ConsentSubjectType } from '../../src/modules/governance/consent-decision.enums';
import { GeoPrecision } from '../../src/modules/governance/governance.enums';

export interface ConsentSeed {
  key: string;
  stewardKey: string;
  subjectType: ConsentSubjectType;
  /** The key of the project, territory or organisation. */
  subjectKey: string;
  scope: ConsentScope;
  status: ConsentStatus;
  roles: Role[];
  memberKeys: string[];
  locationPrecision: GeoPrecision | null;
  validFrom: string | null;
  notes: string;
}

/** Illustrative decisions of the stewards over their data. */
export const CONSENT_SEEDS: ConsentSeed[] = [
  {
    key: 'foirn-rio-negro-location-liaison',
    stewardKey: 'foirn',
    subjectType: ConsentSubjectType.PROJECT,
    subjectKey: 'rio-negro-territorial-management',
    scope: ConsentScope.LOCATION_DISCLOSURE,
    status: ConsentStatus.GRANTED,
    roles: [Role.COICA_LIAISON],
    memberKeys: [],
    locationPrecision: GeoPrecision.EXACT,
    validFrom: '2020-01-01',
    notes: 'Agreed in the FOIRN assembly for project coordination with COICA.',
  },
  {
    key: 'cart-reserve-location-munchen',
    stewardKey: 'cart',
    subjectType: ConsentSubjectType.PROJECT,
    subjectKey: 'ashaninka-reserve-protection',
    scope: ConsentScope.LOCATION_DISCLOSURE,
    status: ConsentStatus.GRANTED,
    roles: [],
    memberKeys: ['de-munchen'],
    locationPrecision: GeoPrecision.GRID_10KM,
    validFrom: '2019-01-01',
    notes: 'For the partner city München.',
  },
  {
    key: 'fenamad-guards-publication-liaison',
    stewardKey: 'fenamad',
    subjectType: ConsentSubjectType.PROJECT,
    subjectKey: 'madre-de-dios-reserve-guards',
    scope: ConsentScope.DATA_PUBLICATION,
    status: ConsentStatus.GRANTED,
    roles: [Role.COICA_LIAISON],
    memberKeys: [],
    locationPrecision: null,
    validFrom: '2021-01-01',
    notes: 'The project may be shown to the liaison; the reserve itself stays at country level.',
  },
  {
    key: 'confeniae-location-withheld',
    stewardKey: 'confeniae',
    subjectType: ConsentSubjectType.ORGANISATION,
    subjectKey: 'confeniae',
    scope: ConsentScope.LOCATION_DISCLOSURE,
    status: ConsentStatus.WITHHELD,
    roles: [Role.PARTNER, Role.ANALYST],
    memberKeys: [],
    locationPrecision: null,
    validFrom: null,
    notes: 'Sites are not to be shown to dashboards or analysts.',
  },
  {
    key: 'orau-murunahua-pending',
    stewardKey: 'orau',
    subjectType: ConsentSubjectType.TERRITORY,
    subjectKey: 'ri-murunahua',
    scope: ConsentScope.DATA_PUBLICATION,
    status: ConsentStatus.PENDING,
    roles: [Role.COICA_LIAISON],
    memberKeys: [],
    locationPrecision: null,
    validFrom: null,
    notes: 'Under consultation in the communities.',
  },
];
