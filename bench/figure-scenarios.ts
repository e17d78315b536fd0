/**
 * The network figures `npm run bench -- --scale N` times one request at a time: every grouping of emissionTotals the
 * dashboards use (anonymous and with a key, the two visibility variants), the alliance progress, member lists by
 * progress, biodiversity totals and timber compliance.
 */
import type { Fixtures } from './fixtures';

export interface FigureScenario {
  name: string;
  title: string;
  query: string;
  variables?: (fixtures: Fixtures) => Record<string, unknown>;
  /** Sent with the ADMIN key (every inventory counts); otherwise anonymous (public inventories only). */
  admin?: boolean;
  /** Where the answer's items are (a dotted path through `data`); the answer must hold some. */
  items: string;
}

const TOTALS = 'emissionsTco2e finalEnergyMwh memberCount';

function totals(name: string, title: string, args: string, admin = false): FigureScenario {
  return {
    name,
    title: `emissionTotals ${title}${admin ? ' (key)' : ''}`,
    query: `{ emissionTotals(${args}) { countryCode year sector memberCategory energyCarrier standard ${TOTALS} } }`,
    admin,
    items: 'emissionTotals',
  };
}

export const FIGURE_SCENARIOS: FigureScenario[] = [
  totals('totals-all', '[] (grand total)', 'groupBy: []'),
  totals('totals-year', '[YEAR]', 'groupBy: [YEAR]'),
  totals('totals-country-year', '[COUNTRY, YEAR]', 'groupBy: [COUNTRY, YEAR]'),
  totals('totals-country-year-key', '[COUNTRY, YEAR]', 'groupBy: [COUNTRY, YEAR]', true),
  totals('totals-sector-year', '[SECTOR, YEAR] since 2015', 'groupBy: [SECTOR, YEAR], filter: { fromYear: 2015 }'),
  totals(
    'totals-sector-year-key',
    '[SECTOR, YEAR] since 2015',
    'groupBy: [SECTOR, YEAR], filter: { fromYear: 2015 }',
    true,
  ),
  totals(
    'totals-category-year-de',
    '[MEMBER_CATEGORY, YEAR] in DE, AT',
    'groupBy: [MEMBER_CATEGORY, YEAR], filter: { countryCodes: ["DE", "AT"] }',
  ),
  totals('totals-country', '[COUNTRY]', 'groupBy: [COUNTRY]'),
  totals('totals-sector', '[SECTOR] since 2015', 'groupBy: [SECTOR], filter: { fromYear: 2015 }'),
  totals(
    'totals-carrier-year',
    '[ENERGY_CARRIER, YEAR] since 2015',
    'groupBy: [ENERGY_CARRIER, YEAR], filter: { fromYear: 2015 }',
  ),
  totals('totals-standard-year', '[STANDARD, YEAR]', 'groupBy: [STANDARD, YEAR]'),
  // by energy carrier, scope or standard over a range, not by year: the line totals' member counts by previous year
  totals('totals-carrier', '[ENERGY_CARRIER] since 2015', 'groupBy: [ENERGY_CARRIER], filter: { fromYear: 2015 }'),
  totals(
    'totals-carrier-key',
    '[ENERGY_CARRIER] since 2015',
    'groupBy: [ENERGY_CARRIER], filter: { fromYear: 2015 }',
    true,
  ),
  totals(
    'totals-scope',
    '[COUNTRY] of scope 2, 2010 to 2020',
    'groupBy: [COUNTRY], filter: { scopes: [SCOPE_2], fromYear: 2010, toYear: 2020 }',
  ),
  totals('totals-standard', '[STANDARD] since 2010', 'groupBy: [STANDARD], filter: { fromYear: 2010 }'),
  // several values of a line column: summed from the network totals, the members counted from network_line_mask_total
  totals(
    'totals-two-carriers',
    '[YEAR] of electricity and natural gas',
    'groupBy: [YEAR], filter: { energyCarriers: [ELECTRICITY, NATURAL_GAS] }',
  ),
  totals('totals-two-scopes', '[YEAR] of scopes 1 and 2', 'groupBy: [YEAR], filter: { scopes: [SCOPE_1, SCOPE_2] }'),
  totals(
    'totals-carrier-two-scopes',
    '[ENERGY_CARRIER, YEAR] of scopes 1 and 2 since 2015',
    'groupBy: [ENERGY_CARRIER, YEAR], filter: { scopes: [SCOPE_1, SCOPE_2], fromYear: 2015 }',
    true,
  ),
  totals(
    'totals-two-sectors',
    '[COUNTRY, YEAR] of residential and transport',
    'groupBy: [COUNTRY, YEAR], filter: { sectors: [RESIDENTIAL, TRANSPORT] }',
  ),
  totals(
    'totals-two-standards',
    '[YEAR] of BISKO and COM_MEI',
    'groupBy: [YEAR], filter: { standards: [BISKO, COM_MEI] }',
  ),
  totals(
    'totals-three-standards',
    '[COUNTRY, YEAR] of COM_BEI, COM_MEI, GPC_BASIC',
    'groupBy: [COUNTRY, YEAR], filter: { standards: [COM_BEI, COM_MEI, GPC_BASIC] }',
    true,
  ),
  totals(
    'totals-scope-filter',
    '[YEAR] of scope 1 transport',
    'groupBy: [YEAR], filter: { scopes: [SCOPE_1], sectors: [TRANSPORT] }',
  ),
  {
    name: 'totals-members',
    title: 'emissionTotals [MEMBER, YEAR] of 50 members (key)',
    query: `query ($ids: [ID!]) { emissionTotals(groupBy: [MEMBER, YEAR], filter: { memberIds: $ids }) { memberId year ${TOTALS} } }`,
    variables: ({ entityIds }) => ({ ids: entityIds }),
    admin: true,
    items: 'emissionTotals',
  },
  {
    name: 'alliance-progress',
    title: 'allianceProgress',
    query: `{ allianceProgress { memberCount onTrackCount offTrackCount noDataCount years { year emissionsTco2e reportingMembers } } }`,
    items: 'allianceProgress.years',
  },
  {
    name: 'alliance-progress-key',
    title: 'allianceProgress in DE since 2010 (key)',
    query: `{ allianceProgress(filter: { countryCodes: ["DE"], fromYear: 2010 }) { memberCount onTrackCount years { year emissionsTco2e reportingMembers } } }`,
    admin: true,
    items: 'allianceProgress.years',
  },
  {
    name: 'members-by-reduction',
    title: 'members (50) ordered by reduction percent, with totalCount',
    query: `{ members(first: 50, orderBy: { field: REDUCTION_PERCENT, direction: DESC }) { totalCount nodes { name progress { status reductionPercent } } } }`,
    items: 'members.nodes',
  },
  {
    name: 'members-by-status',
    title: 'members (50) filtered by progress status, with totalCount',
    query: `{ members(first: 50, filter: { progressStatuses: [OFF_TRACK] }) { totalCount nodes { name progress { status reductionPercent } } } }`,
    items: 'members.nodes',
  },
  {
    name: 'biodiversity-totals',
    title: 'biodiversityTotals [COUNTRY, STATUS]',
    query: `{ biodiversityTotals(groupBy: [COUNTRY, STATUS]) { countryCode status projectCount hectaresProtected hectaresRestored } }`,
    items: 'biodiversityTotals',
  },
  {
    name: 'timber-compliance',
    title: 'timber commitments (20) with compliance totals',
    query: `{ timberCommitments(first: 20) { nodes { compliance { total { compliantVolumeM3 nonCompliantVolumeM3 procurementCount } } } } }`,
    items: 'timberCommitments.nodes',
  },
];
