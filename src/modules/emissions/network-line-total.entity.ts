import { DecimalType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory } from '../members/member.enums';

/** The value of a key column of network_line_total that is not part of the row's grouping: every value summed. */
export const EVERY_VALUE = '*';

/**
 * The network totals the groupings by energy carrier, scope or standard read (network_year_total and
 * network_year_sector_total hold the others): the members' inventory lines (inventory_line_total) of one country
 * and category summed per year, in both visibility variants, maintained with them in the same transaction (see
 * network-figures.sql.ts). Each row sums over the key columns that hold `*`: its grouping (a row of
 * `energyCarrier` ELECTRICITY and `sector`, `scope` `*` sums every electricity line), so its member count counts
 * each member once. `standard` `*`: the preferred inventory of each member and year; a standard: every inventory
 * of that standard (a member has at most one per year).
 */
@Entity({ tableName: 'network_line_total' })
// the figures read it index-only: the key they filter by, then the columns they sum (Migration20261202140000)
@Index({
  name: 'network_line_total_read_idx',
  expression:
    'create index "network_line_total_read_idx" on "network_line_total" ("public_only", "shape", "year", "standard", "sector", "energy_carrier", "scope", "country_code", "member_category")' +
    ' include ("emissions_tco2e", "final_energy_mwh", "member_count")',
})
export class NetworkLineTotal {
  @PrimaryKey()
  publicOnly!: boolean;

  /** The columns that hold one value (not `*`), in the order standard, sector, energy_carrier, scope: a grouping's rows. */
  @PrimaryKey({ type: 'text' })
  shape!: string;

  @PrimaryKey()
  year!: number;

  @PrimaryKey({ type: 'text' })
  standard!: string;

  @PrimaryKey({ type: 'text' })
  sector!: string;

  @PrimaryKey({ type: 'text' })
  energyCarrier!: string;

  @PrimaryKey({ type: 'text' })
  scope!: string;

  @PrimaryKey({ length: 2 })
  countryCode!: string;

  @Enum({ items: () => MemberCategory, nativeEnumName: 'member_category', primary: true })
  memberCategory!: MemberCategory;

  @Property({ type: new DecimalType('number'), precision: 18, scale: 3, nullable: true })
  emissionsTco2e: number | null = null;

  /** The lines' emission values summed (not null): a write that takes the last one away makes the sum null. */
  @Property()
  emissionsCount!: number;

  @Property({ type: new DecimalType('number'), precision: 18, scale: 3, nullable: true })
  finalEnergyMwh: number | null = null;

  /** The lines' final energy values summed (not null). */
  @Property()
  finalEnergyCount!: number;

  /** The members with lines in this row. */
  @Property()
  memberCount!: number;
}
