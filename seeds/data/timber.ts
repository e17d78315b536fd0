import { TimberPolicyLevel as Level, TimberProductCategory as Category } from '../../src/modules/timber/timber.enums';

/** Share of a country's members that have a timber resolution (German and Austrian towns most often do). */
export const COMMITMENT_SHARE: Record<string, number> = { DE: 0.3, AT: 0.12, LU: 0.5, CH: 0.3, IT: 0.1 };
export const OTHER_COUNTRIES_SHARE = 0.05;

/** How likely each policy level is, per country: cumulative weights in LEVEL order. */
export const POLICY_WEIGHTS: Record<string, [Level, number][]> = {
  DE: [
    [Level.FULL_TROPICAL_ABSTENTION, 35],
    [Level.CERTIFIED_FSC_OR_PEFC, 35],
    [Level.CERTIFIED_ONLY_FSC, 20],
    [Level.REGIONAL_PREFERENCE, 5],
    [Level.NONE, 5],
  ],
  AT: [
    [Level.CERTIFIED_FSC_OR_PEFC, 40],
    [Level.REGIONAL_PREFERENCE, 25],
    [Level.FULL_TROPICAL_ABSTENTION, 20],
    [Level.CERTIFIED_ONLY_FSC, 10],
    [Level.NONE, 5],
  ],
  LU: [
    [Level.CERTIFIED_ONLY_FSC, 40],
    [Level.CERTIFIED_FSC_OR_PEFC, 40],
    [Level.FULL_TROPICAL_ABSTENTION, 20],
  ],
  OTHER: [
    [Level.CERTIFIED_FSC_OR_PEFC, 50],
    [Level.CERTIFIED_ONLY_FSC, 20],
    [Level.NONE, 20],
    [Level.REGIONAL_PREFERENCE, 10],
  ],
};

/** Neighbours counted as "regional" besides the member's own country. */
export const REGION_NEIGHBOURS: Record<string, string[]> = {
  AT: ['DE'],
  DE: ['AT'],
  CH: ['AT', 'DE'],
  IT: ['AT'],
  LU: ['BE', 'DE', 'FR'],
};

export const BASE_SCOPE = [Category.CONSTRUCTION, Category.JOINERY, Category.FURNITURE];
export const EXTRA_SCOPE = [Category.FLOORING, Category.OUTDOOR_FACILITIES, Category.PAPER, Category.PACKAGING];

export interface SpeciesSeed {
  species: string;
  isTropical: boolean;
  countries: string[];
  categories: Category[];
}

export const SPECIES: SpeciesSeed[] = [
  {
    species: 'Spruce',
    isTropical: false,
    countries: ['AT', 'DE', 'CZ', 'SE'],
    categories: [Category.CONSTRUCTION, Category.JOINERY, Category.PACKAGING],
  },
  {
    species: 'Scots pine',
    isTropical: false,
    countries: ['PL', 'SE', 'DE', 'FI'],
    categories: [Category.CONSTRUCTION, Category.PACKAGING],
  },
  {
    species: 'European larch',
    isTropical: false,
    countries: ['AT', 'DE', 'CH'],
    categories: [Category.JOINERY, Category.OUTDOOR_FACILITIES, Category.CONSTRUCTION],
  },
  {
    species: 'Douglas fir',
    isTropical: false,
    countries: ['DE', 'FR'],
    categories: [Category.CONSTRUCTION, Category.OUTDOOR_FACILITIES],
  },
  {
    species: 'Beech',
    isTropical: false,
    countries: ['DE', 'SK', 'RO', 'AT'],
    categories: [Category.FURNITURE, Category.FLOORING],
  },
  {
    species: 'Sessile oak',
    isTropical: false,
    countries: ['FR', 'DE', 'HR'],
    categories: [Category.FLOORING, Category.FURNITURE, Category.JOINERY],
  },
  {
    species: 'Birch plywood',
    isTropical: false,
    countries: ['FI', 'LV'],
    categories: [Category.FURNITURE, Category.CONSTRUCTION],
  },
  { species: 'Robinia', isTropical: false, countries: ['HU', 'RO'], categories: [Category.OUTDOOR_FACILITIES] },
  { species: 'Recycled fibre', isTropical: false, countries: ['DE', 'AT'], categories: [Category.PAPER] },
  { species: 'Softwood pulp', isTropical: false, countries: ['SE', 'FI'], categories: [Category.PAPER] },
  { species: 'Meranti (Shorea spp.)', isTropical: true, countries: ['MY', 'ID'], categories: [Category.JOINERY] },
  {
    species: 'Bangkirai',
    isTropical: true,
    countries: ['ID'],
    categories: [Category.OUTDOOR_FACILITIES, Category.FLOORING],
  },
  {
    species: 'Azobé (Lophira alata)',
    isTropical: true,
    countries: ['CM', 'GA'],
    categories: [Category.OUTDOOR_FACILITIES],
  },
  { species: 'Sapelli', isTropical: true, countries: ['CM', 'CG'], categories: [Category.JOINERY, Category.FURNITURE] },
  { species: 'Ipé', isTropical: true, countries: ['BR'], categories: [Category.OUTDOOR_FACILITIES, Category.FLOORING] },
  { species: 'Teak', isTropical: true, countries: ['MM', 'ID'], categories: [Category.FURNITURE, Category.FLOORING] },
  {
    species: 'Okoumé plywood',
    isTropical: true,
    countries: ['GA'],
    categories: [Category.CONSTRUCTION, Category.FURNITURE],
  },
];

/** Typical net prices, EUR per m³ (paper: per m³ round-wood equivalent): [low, high]. */
export const PRICE_EUR_PER_M3: Record<Category, [number, number]> = {
  [Category.CONSTRUCTION]: [420, 720],
  [Category.JOINERY]: [1_200, 2_100],
  [Category.FLOORING]: [1_500, 3_200],
  [Category.FURNITURE]: [1_800, 3_600],
  [Category.OUTDOOR_FACILITIES]: [900, 1_700],
  [Category.PAPER]: [650, 1_000],
  [Category.PACKAGING]: [240, 420],
  [Category.OTHER]: [300, 900],
};

/** Typical volumes bought per item, m³: [low, high]. */
export const VOLUME_M3: Record<Category, [number, number]> = {
  [Category.CONSTRUCTION]: [20, 400],
  [Category.JOINERY]: [2, 40],
  [Category.FLOORING]: [1, 25],
  [Category.FURNITURE]: [1, 15],
  [Category.OUTDOOR_FACILITIES]: [2, 60],
  [Category.PAPER]: [5, 120],
  [Category.PACKAGING]: [3, 50],
  [Category.OTHER]: [1, 10],
};

/** Certification bodies as they appear in FSC and PEFC certificate codes. */
export const FSC_BODIES = ['SGSCH', 'SA', 'BV', 'CU', 'NC', 'TT', 'SCS', 'GFA', 'DNV', 'IMO'];
export const PEFC_BODIES = ['BV', 'DIN', 'SGS', 'TUV', 'HFA', 'LRQA'];
/** PEFC national governing body numbers used in logo licences (PEFC/<nn>-<type>-<serial>). */
export const PEFC_NATIONAL_BODIES: Record<string, string> = { AT: '06', DE: '04', CH: '16', FI: '02', SE: '05' };

export const PROCUREMENT_YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024];
