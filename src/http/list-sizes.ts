import { MAX_TOTAL_GROUPS } from '../modules/emissions/emission-totals';
import { FIRST_INVENTORY_YEAR } from '../modules/emissions/inventory-submission';
import { MAX_LISTED_FACTOR_SETS } from '../modules/factors/factor-set-list';
import { MAX_LIST_ARGUMENT_ITEMS } from './limits';

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
  'EmissionInventory.records': MAX_LIST_ARGUMENT_ITEMS / 2,
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
  'InventoryRecomputation.previousRecords': MAX_LIST_ARGUMENT_ITEMS / 2,
};

interface GroupedField {
  /** The most values of each dimension. */
  dimensions: Record<string, number>;
  /** The filter list that narrows a dimension to its own length. */
  narrowedBy: Record<string, string>;
  maxGroups: number;
}

/** Aggregate fields return one item per group: the product of the sizes of the dimensions grouped by. */
const GROUPED_FIELDS: Record<string, GroupedField> = {
  'Query.emissionTotals': {
    dimensions: {
      // emissions are the members', who are in the network's 27 countries
      COUNTRY: 27,
      MEMBER: 2_500,
      MEMBER_CATEGORY: 7,
      YEAR: INVENTORY_YEARS,
      SECTOR: 8,
      ENERGY_CARRIER: 16,
      STANDARD: 6,
    },
    narrowedBy: {
      COUNTRY: 'countryCodes',
      MEMBER: 'memberIds',
      MEMBER_CATEGORY: 'memberCategories',
      SECTOR: 'sectors',
      ENERGY_CARRIER: 'energyCarriers',
      STANDARD: 'standards',
    },
    maxGroups: MAX_TOTAL_GROUPS,
  },
  'Query.biodiversityTotals': {
    dimensions: { COUNTRY: 35, STATUS: 5, THEME: 12, ORGANISATION: 100 },
    narrowedBy: { COUNTRY: 'countryCodes', STATUS: 'statuses', THEME: 'themes', ORGANISATION: 'organisationIds' },
    maxGroups: MAX_TOTAL_GROUPS,
  },
};

function dimensionSize(grouped: GroupedField, dimension: string, filter: Record<string, unknown>): number {
  const most = grouped.dimensions[dimension] ?? MAX_TOTAL_GROUPS;
  const narrowing = filter[grouped.narrowedBy[dimension]];
  if (Array.isArray(narrowing) && narrowing.length > 0) return Math.min(most, narrowing.length);
  if (dimension === 'YEAR') {
    const from = typeof filter.fromYear === 'number' ? filter.fromYear : FIRST_INVENTORY_YEAR;
    const to = typeof filter.toYear === 'number' ? filter.toYear : THIS_YEAR;
    return Math.min(most, Math.max(to - from + 1, 1));
  }
  return most;
}

/** The items a list field without `first` is counted as returning; `fallback` for a field not sized here. */
export function listSize(coordinate: string, args: Record<string, unknown>, fallback: number): number {
  const grouped = GROUPED_FIELDS[coordinate];
  if (!grouped) return LIST_SIZES[coordinate] ?? fallback;
  const groupBy = Array.isArray(args.groupBy) ? [...new Set(args.groupBy as string[])] : [];
  const filter = (args.filter ?? {}) as Record<string, unknown>;
  const groups = groupBy.reduce((product, dimension) => product * dimensionSize(grouped, dimension, filter), 1);
  return Math.min(groups, grouped.maxGroups);
}

/** Every list field sized here, grouped ones included. */
export const SIZED_LIST_FIELDS = [...Object.keys(LIST_SIZES), ...Object.keys(GROUPED_FIELDS)];
