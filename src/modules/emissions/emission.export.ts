import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { bool, double, enumOf, int, text } from '../../common/exports/export-columns';
import type { ExportDefinition } from '../../common/exports/export-definition';
import { type ExportParameters, filterParameters } from '../../common/exports/export-params';
import { MemberCategory, MembershipStatus } from '../members/member.enums';
import {
  EmissionTotalsFilter,
  validEmissionFilter,
  whereInventoriesMatch,
  whereRecordsMatch,
} from './emission-totals.filter';
import {
  DataQuality,
  EmissionScope,
  EnergyCarrier,
  InventoryStandard,
  NotationKey,
  Sector,
  VerificationStatus,
} from './emission.enums';
import { visibleInventoriesSql } from './inventory-visibility.rules';
import { standardRankSql } from './standard-preference';

/** The inventory and member conditions of the filter: an inventory has no records' sectors, carriers or scopes. */
const INVENTORY_PARAMETERS = filterParameters(EmissionTotalsFilter, [
  'countryCodes',
  'memberIds',
  'memberCategories',
  'standards',
  'fromYear',
  'toYear',
]);

const validInventoryFilter: ExportDefinition['validate'] = async (ctx, parameters) =>
  (await validEmissionFilter(ctx, parameters as EmissionTotalsFilter, '')) as ExportParameters;

/** The member columns both exports start with. */
const memberColumns = [
  text('member_id'),
  text('member_name'),
  text('country_code'),
  enumOf('member_category', MemberCategory),
];

/** Columns a notebook needs to recompute the network figures: who counts (not LEFT) and how far it is checked. */
const inventoryFacts = [
  enumOf('member_status', MembershipStatus),
  bool('is_baseline'),
  enumOf('verification_status', VerificationStatus),
  bool('is_public'),
];

/** The viewer's inventories with their member, each marked whether it is the preferred one of its member and year. */
function rankedInventories(knex: Knex, ctx: RequestContext, filter: EmissionTotalsFilter): Knex.QueryBuilder {
  return whereInventoriesMatch(
    knex
      .from('emission_inventory as i')
      .join('member as m', 'm.id', 'i.member_id')
      .whereRaw(visibleInventoriesSql(ctx.viewer, 'i'))
      .select('i.*', 'm.name', 'm.country_code', 'm.category', 'm.status as member_status')
      .select(
        knex.raw(
          `row_number() over (partition by i.member_id, i.year order by ${standardRankSql('i.standard')}) = 1 ` +
            'as is_preferred',
        ),
      ),
    filter,
  );
}

/**
 * One row per record of every matching inventory (all standards; `is_preferred` marks the inventory the API's
 * figures use for that member and year), ordered by member name, year, standard, sector, carrier, scope.
 */
export const EMISSIONS_EXPORT: ExportDefinition = {
  name: 'emissions',
  action: 'The emissions export',
  columns: [
    ...memberColumns,
    int('year'),
    enumOf('standard', InventoryStandard),
    bool('is_preferred'),
    enumOf('sector', Sector),
    enumOf('energy_carrier', EnergyCarrier),
    enumOf('scope', EmissionScope),
    double('final_energy_mwh'),
    double('emissions_tco2e'),
    enumOf('data_quality', DataQuality),
    enumOf('notation_key', NotationKey),
    ...inventoryFacts,
    // how a figure computed from an energy balance was computed: null for a figure entered as tCO2e
    double('emission_factor_tco2e_per_mwh'),
    text('emission_factor_set'),
    int('emission_factor_set_version'),
  ],
  parameters: filterParameters(EmissionTotalsFilter),
  validate: validInventoryFilter,
  query(ctx, parameters) {
    const knex = ctx.reads.getKnex();
    const filter = parameters as EmissionTotalsFilter;
    return whereRecordsMatch(
      knex
        .from(knex.raw('(?) as i', [rankedInventories(knex, ctx, filter)]))
        .join('emission_record as r', 'r.inventory_id', 'i.id')
        .leftJoin('emission_factor_set as fs', 'fs.id', 'r.emission_factor_set_id')
        .select('i.member_id', 'i.name as member_name', 'i.country_code', 'i.category as member_category')
        .select('i.year', 'i.standard', 'i.is_preferred', 'r.sector', 'r.energy_carrier', 'r.scope')
        .select(knex.raw('trim_scale(r.final_energy_mwh)::text as final_energy_mwh'))
        .select(knex.raw('trim_scale(r.emissions_tco2e)::text as emissions_tco2e'))
        .select('r.data_quality', 'r.notation_key')
        .select('i.member_status', 'i.is_baseline', 'i.verification_status', 'i.is_public')
        .select(knex.raw('trim_scale(r.emission_factor_tco2e_per_mwh)::text as emission_factor_tco2e_per_mwh'))
        .select('fs.name as emission_factor_set', 'fs.version as emission_factor_set_version')
        .orderBy(['i.name', 'i.member_id', 'i.year', 'i.standard', 'r.sector', 'r.energy_carrier', 'r.scope']),
      filter,
    );
  },
};

/**
 * One row per inventory with its totals (the sums of its records, as `totalEmissionsTco2e`): inventories without
 * records count too, as allianceProgress and the Charter progress count them.
 */
export const INVENTORIES_EXPORT: ExportDefinition = {
  name: 'inventories',
  action: 'The inventories export',
  columns: [
    text('inventory_id'),
    ...memberColumns,
    int('year'),
    enumOf('standard', InventoryStandard),
    bool('is_preferred'),
    double('total_emissions_tco2e'),
    double('total_final_energy_mwh'),
    int('record_count'),
    ...inventoryFacts,
  ],
  parameters: INVENTORY_PARAMETERS,
  validate: validInventoryFilter,
  query(ctx, parameters) {
    const knex = ctx.reads.getKnex();
    return knex
      .from(knex.raw('(?) as i', [rankedInventories(knex, ctx, parameters as EmissionTotalsFilter)]))
      .select('i.id as inventory_id', 'i.member_id', 'i.name as member_name', 'i.country_code')
      .select('i.category as member_category', 'i.year', 'i.standard', 'i.is_preferred')
      .select(knex.raw('trim_scale(i.total_emissions_tco2e)::text as total_emissions_tco2e'))
      .select(knex.raw('trim_scale(i.total_final_energy_mwh)::text as total_final_energy_mwh'))
      .select(knex.raw('(select count(*) from emission_record r where r.inventory_id = i.id) as record_count'))
      .select('i.member_status', 'i.is_baseline', 'i.verification_status', 'i.is_public')
      .orderBy(['i.name', 'i.member_id', 'i.year', 'i.standard']);
  },
};
