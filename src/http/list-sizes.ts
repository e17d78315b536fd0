import { UserInputError } from '../common/errors';
import { figureTable, type FigureTable } from '../modules/emissions/emission-figure-rows.sql';
import { EmissionScope, EnergyCarrier, InventoryStandard, Sector } from '../modules/emissions/emission.enums';
import type { EmissionDimension } from '../modules/emissions/emission-total.type';
import { MAX_TOTAL_GROUPS } from '../modules/emissions/emission-totals.service';
import { FIRST_INVENTORY_YEAR } from '../modules/emissions/inventory-submission.rules';
import { MAX_LISTED_FACTOR_SETS } from '../modules/factors/emission-factor-set.list';
import { MemberCategory } from '../modules/members/member.enums';
import { MAX_LIST_ITEMS } from '../config/limits';
import type { FigureTableName, NetworkSize } from './network-size';

const THIS_YEAR = new Date().getUTCFullYear();
/** Inventory years the API accepts: from 1990 to this year. */
const INVENTORY_YEARS = THIS_YEAR - FIRST_INVENTORY_YEAR + 1;

/**
 * The most items each list field without `first` is counted as returning, from the contract where it bounds them and
 * from the network's size and its data where it does not (about 2,000 members, 27 member countries, COICA and its
 * nine national organisations). The cost of a list is 1 + items × (1 + the cost of one item), so these figures bound the rows a
 * response under the cost limit can hold. Every such field of the schema must be here (a test checks it).
 */
export const LIST_SIZES: Record<string, number> = {
  'Query.countries': 50,
  'Query.coordinationOffices': 30,
  'Query.apiKeys': 500,
  'Member.inventories': INVENTORY_YEARS,
  'Member.populationHistory': INVENTORY_YEARS,
  'Member.targets': 10,
  'Member.partnerships': 10,
  // inventories hold 30 lines or fewer in practice, though the contract allows 100: an inventory at the maximum
  // counts twice, and answers holding more than the cost assumes are stopped (maxResponseItems)
  'EmissionInventory.records': MAX_LIST_ITEMS / 2,
  'Partnership.contributions': 20,
  'IndigenousOrganisation.members': 20,
  'IndigenousOrganisation.partnerships': 20,
  'IndigenousOrganisation.territories': 20,
  'BiodiversityProject.supportingMembers': 20,
  'BiodiversityProject.contributions': 20,
  // a few purchases a year since a commitment was adopted (26 at most in the demo data, over 7 years)
  'TimberCommitment.procurements': 25,
  'TimberCompliance.years': 20,
  'AllianceProgress.years': INVENTORY_YEARS,
  'ClimateTargetProgress.perCapitaSeries': INVENTORY_YEARS,
  'Query.emissionFactorSets': MAX_LISTED_FACTOR_SETS,
  // the default set holds 145 (fuels, and 27 countries' electricity for 5 years); corrections add years
  'EmissionFactorSet.factors': 300,
  'EmissionInventory.recomputations': 10,
  'InventoryRecomputation.previousRecords': MAX_LIST_ITEMS / 2,
};

interface GroupedField {
  /** The most values of each dimension, from the data where it grows with the network. */
  dimensions: (size: NetworkSize, filter: Record<string, unknown>) => Record<string, number>;
  /** The filter list that narrows a dimension to its own length. */
  narrowedBy: Record<string, string>;
  /** The maintained rows the field reads for these arguments, estimated from the data. */
  scannedRows?: (groupBy: string[], filter: Record<string, unknown>, size: NetworkSize) => number;
  maxGroups: number;
  /** Whether more possible groups than maxGroups refuse the request (else the count is capped at maxGroups). */
  refusesMoreGroups: boolean;
}

/** Maintained rows per cost point: reading a thousand figure rows costs about what one listed item does. */
export const ROWS_PER_COST_POINT = 1_000;

const FIGURE_TABLE_NAMES: Record<FigureTable, FigureTableName> = {
  'network years': 'network_year_total',
  'network sectors': 'network_year_sector_total',
  'network lines': 'network_line_total',
  'network masks': 'network_line_mask_total',
  years: 'member_year_total',
  sectors: 'member_year_sector_total',
  lines: 'inventory_line_total',
};

/** Values of each enum an emission filter can narrow by. */
const ENUM_SIZES = {
  memberCategories: Object.keys(MemberCategory).length,
  sectors: Object.keys(Sector).length,
  energyCarriers: Object.keys(EnergyCarrier).length,
  standards: Object.keys(InventoryStandard).length,
  scopes: Object.keys(EmissionScope).length,
};

const listed = (value: unknown): unknown[] | undefined =>
  Array.isArray(value) && value.length > 0 ? value : undefined;

/** The members (or countries) in the countries and categories a filter names; the data's when nothing is known. */
function membersMatching(size: NetworkSize, filter: Record<string, unknown>): { members: number; countries: number } {
  const countries = listed(filter.countryCodes);
  const categories = listed(filter.memberCategories);
  let members = 0;
  let withMembers = 0;
  for (const [country, byCategory] of Object.entries(size.membersBy)) {
    if (countries && !countries.includes(country)) continue;
    const inCountry = Object.entries(byCategory)
      .filter(([category]) => !categories || categories.includes(category))
      .reduce((sum, [, count]) => sum + count, 0);
    members += inCountry;
    if (inCountry > 0) withMembers++;
  }
  return { members, countries: withMembers };
}

/** The years a filter covers among those the data holds, at least one. */
function yearsMatching(size: NetworkSize, filter: Record<string, unknown>): number {
  const from = Math.max(typeof filter.fromYear === 'number' ? filter.fromYear : size.firstYear, size.firstYear);
  const to = Math.min(typeof filter.toYear === 'number' ? filter.toYear : size.lastYear, size.lastYear);
  return Math.max(to - from + 1, 1);
}

/**
 * The rows emissionTotals reads: the rows of the table it answers from (emission-figure-rows.sql.ts), in the viewer's
 * variant, times the share of members, years and enum values the filter keeps.
 */
function emissionScannedRows(groupBy: string[], filter: Record<string, unknown>, size: NetworkSize): number {
  const figure = figureTable(groupBy as EmissionDimension[], filter);
  const table = FIGURE_TABLE_NAMES[figure];
  // every table but the lines holds both visibility variants, of which a viewer reads one
  let share = table === 'inventory_line_total' ? 1 : 1 / 2;
  const network = membersMatching(size, {}).members;
  const ids = listed(filter.memberIds)?.length;
  const members = ids ?? membersMatching(size, filter).members;
  if (network > 0) share *= Math.min(members / network, 1);
  share *= yearsMatching(size, filter) / yearsMatching(size, {});
  // the mask rows of the members' groups and years, which the bit tests of the line values do not narrow, and the
  // network line totals of the values summed (or the fewer sector totals, for several sectors alone)
  const masks = figure === 'network masks' ? size.rows[table] * share : 0;
  for (const [list, values] of Object.entries(ENUM_SIZES)) {
    if (list === 'memberCategories') continue;
    const length = listed(filter[list])?.length;
    if (length) share *= Math.min(length / values, 1);
  }
  return masks ? masks + size.rows.network_line_total * share : size.rows[table] * share;
}

/** Aggregate fields return one item per group: the product of the sizes of the dimensions grouped by. */
const GROUPED_FIELDS: Record<string, GroupedField> = {
  'Query.emissionTotals': {
    dimensions: (size, filter) => {
      const { members, countries } = membersMatching(size, filter);
      const known = Object.keys(size.membersBy).length > 0;
      return {
        COUNTRY: known ? countries : MAX_TOTAL_GROUPS,
        MEMBER: known ? members : MAX_TOTAL_GROUPS,
        MEMBER_CATEGORY: ENUM_SIZES.memberCategories,
        YEAR: yearsMatching(size, filter),
        SECTOR: ENUM_SIZES.sectors,
        ENERGY_CARRIER: ENUM_SIZES.energyCarriers,
        STANDARD: ENUM_SIZES.standards,
      };
    },
    narrowedBy: {
      COUNTRY: 'countryCodes',
      MEMBER: 'memberIds',
      MEMBER_CATEGORY: 'memberCategories',
      SECTOR: 'sectors',
      ENERGY_CARRIER: 'energyCarriers',
      STANDARD: 'standards',
    },
    scannedRows: emissionScannedRows,
    maxGroups: MAX_TOTAL_GROUPS,
    refusesMoreGroups: true,
  },
  'Query.biodiversityTotals': {
    dimensions: () => ({ COUNTRY: 35, STATUS: 5, THEME: 12, ORGANISATION: 100 }),
    narrowedBy: { COUNTRY: 'countryCodes', STATUS: 'statuses', THEME: 'themes', ORGANISATION: 'organisationIds' },
    maxGroups: MAX_TOTAL_GROUPS,
    // biodiversityTotals leaves small groups out, so its answers stay far below the product of its dimensions
    refusesMoreGroups: false,
  },
};

function dimensionSize(most: number | undefined, narrowing: unknown): number {
  const bound = most ?? MAX_TOTAL_GROUPS;
  return Array.isArray(narrowing) && narrowing.length > 0 ? Math.min(bound, narrowing.length) : bound;
}

/** What the cost counts of a list field without `first`: the items it may return, and the rows it reads. */
export interface ListSize {
  items: number;
  scannedRows: number;
}

/**
 * The items a list field without `first` is counted as returning (`fallback` for a field not sized here) and the
 * maintained rows an aggregate reads. Throws BAD_USER_INPUT naming `groupBy` when an aggregate could return more
 * groups than it may, so an over-wide grouping is refused before any work.
 */
export function listSize(
  coordinate: string,
  args: Record<string, unknown>,
  fallback: number,
  size: NetworkSize,
): ListSize {
  const grouped = GROUPED_FIELDS[coordinate];
  if (!grouped) return { items: LIST_SIZES[coordinate] ?? fallback, scannedRows: 0 };
  const groupBy = Array.isArray(args.groupBy) ? [...new Set(args.groupBy as string[])] : [];
  const filter = (args.filter ?? {}) as Record<string, unknown>;
  const most = grouped.dimensions(size, filter);
  const groups = groupBy.reduce(
    (product, dimension) => product * dimensionSize(most[dimension], filter[grouped.narrowedBy[dimension]]),
    1,
  );
  if (groups > grouped.maxGroups && grouped.refusesMoreGroups) {
    throw new UserInputError(
      'groupBy',
      `up to ${Math.round(groups).toLocaleString('en-US')} groups, more than the ${grouped.maxGroups.toLocaleString('en-US')} ` +
        'an answer may hold: narrow the filter (members, countries, years) or use the export',
    );
  }
  return {
    items: Math.min(groups, grouped.maxGroups),
    scannedRows: grouped.scannedRows?.(groupBy, filter, size) ?? 0,
  };
}

/** Every list field sized here, grouped ones included. */
export const SIZED_LIST_FIELDS = [...Object.keys(LIST_SIZES), ...Object.keys(GROUPED_FIELDS)];
