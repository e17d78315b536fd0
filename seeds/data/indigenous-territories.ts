import { RecordVisibility } from '../../src/modules/governance/governance.enums';
import { TerritoryLegalStatus } from '../../src/modules/indigenous/indigenous.enums';

export interface TerritorySeed {
  key: string;
  stewardKey: string;
  name: string;
  countryCode: string;
  legalStatus: TerritoryLegalStatus;
  areaHectares: number;
  latitude: number;
  longitude: number;
  containsIsolatedPeoples: boolean;
  visibility: RecordVisibility;
}

const { DEMARCATED, STATE_RESERVE } = TerritoryLegalStatus;
const { PUBLIC, NETWORK, RESTRICTED } = RecordVisibility;

/** Real territories and reserves (official areas; points are approximate centres). */
export const TERRITORY_SEEDS: TerritorySeed[] = [
  {
    key: 'ti-alto-rio-negro',
    stewardKey: 'foirn',
    name: 'Terra Indígena Alto Rio Negro',
    countryCode: 'BR',
    legalStatus: DEMARCATED,
    areaHectares: 7_999_380,
    latitude: 0.93,
    longitude: -68.37,
    containsIsolatedPeoples: false,
    visibility: PUBLIC,
  },
  {
    key: 'ti-medio-rio-negro-i',
    stewardKey: 'foirn',
    name: 'Terra Indígena Médio Rio Negro I',
    countryCode: 'BR',
    legalStatus: DEMARCATED,
    areaHectares: 1_776_138,
    latitude: -0.42,
    longitude: -65.95,
    containsIsolatedPeoples: false,
    visibility: NETWORK,
  },
  {
    key: 'ti-raposa-serra-do-sol',
    stewardKey: 'cir',
    name: 'Terra Indígena Raposa Serra do Sol',
    countryCode: 'BR',
    legalStatus: DEMARCATED,
    areaHectares: 1_747_464,
    latitude: 4.62,
    longitude: -60.48,
    containsIsolatedPeoples: false,
    visibility: PUBLIC,
  },
  {
    key: 'rc-ashaninka',
    stewardKey: 'cart',
    name: 'Reserva Comunal Asháninka',
    countryCode: 'PE',
    legalStatus: STATE_RESERVE,
    areaHectares: 184_468,
    latitude: -11.2,
    longitude: -73.95,
    containsIsolatedPeoples: false,
    visibility: NETWORK,
  },
  {
    key: 'rt-madre-de-dios',
    stewardKey: 'fenamad',
    name: 'Reserva Territorial Madre de Dios',
    countryCode: 'PE',
    legalStatus: STATE_RESERVE,
    areaHectares: 829_941,
    latitude: -11.93,
    longitude: -71.42,
    containsIsolatedPeoples: true,
    visibility: RESTRICTED,
  },
  {
    key: 'ri-murunahua',
    stewardKey: 'orau',
    name: 'Reserva Indígena Murunahua',
    countryCode: 'PE',
    legalStatus: STATE_RESERVE,
    areaHectares: 481_560,
    latitude: -10.42,
    longitude: -72.02,
    containsIsolatedPeoples: true,
    visibility: RESTRICTED,
  },
  {
    key: 'zi-tagaeri-taromenane',
    stewardKey: 'confeniae',
    name: 'Zona Intangible Tagaeri Taromenane',
    countryCode: 'EC',
    legalStatus: STATE_RESERVE,
    areaHectares: 758_051,
    latitude: -1.18,
    longitude: -76.16,
    containsIsolatedPeoples: true,
    visibility: RESTRICTED,
  },
];
