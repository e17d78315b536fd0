import { BigIntType, DecimalType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory } from '../members/member.enums';
import { InventoryStandard } from './emission.enums';

/**
 * The members' inventories of one country and category per year, counted and summed per kind of inventory: its
 * standard, the standards preferred to it that its member has that year, and the lines it has (as bits), in both
 * visibility variants, maintained with the members' rows in the same transaction (see network-line-masks.sql.ts).
 * A filter naming several values of a line column (energy carriers, scopes, sectors with them, standards) counts
 * each member once from these rows: the inventories with a bit of the filter's values (network_line_total's
 * member counts are per value, and a member with two of the values would be counted twice), and with a standards
 * filter the one preferred among the filter's standards (none of them in `betterStandards`). Inventories of one kind
 * of member share their kinds: 4,045 rows at x10 for 148,000 inventories.
 */
@Entity({ tableName: 'network_line_mask_total' })
// the figures read it index-only: the key they filter by, then the columns they sum (Migration20261203110000)
@Index({
  name: 'network_line_mask_total_read_idx',
  expression:
    'create index "network_line_mask_total_read_idx" on "network_line_mask_total" ("public_only", "year", "standard", "better_standards", "carrier_scope", "sector_scope", "country_code", "member_category")' +
    ' include ("emissions_tco2e", "final_energy_mwh", "member_count")',
})
export class NetworkLineMaskTotal {
  @PrimaryKey()
  publicOnly!: boolean;

  @PrimaryKey()
  year!: number;

  @PrimaryKey({ length: 2 })
  countryCode!: string;

  @Enum({ items: () => MemberCategory, nativeEnumName: 'member_category', primary: true })
  memberCategory!: MemberCategory;

  @Enum({ items: () => InventoryStandard, nativeEnumName: 'inventory_standard', primary: true })
  standard!: InventoryStandard;

  /**
   * The standards of the member's other inventories that year visible in the variant and preferred to this one, a
   * bit each by preference (bit 0 BISKO): 0 for the preferred inventory.
   */
  @PrimaryKey({ type: 'smallint' })
  betterStandards!: number;

  /** A bit for each energy carrier and scope the inventory has lines of (bit carrier × 4 + scope, as bigint). */
  @PrimaryKey({ type: new BigIntType('string') })
  carrierScope!: string;

  /** A bit for each sector and scope the inventory has lines of (bit sector × 4 + scope). */
  @PrimaryKey({ type: new BigIntType('string') })
  sectorScope!: string;

  /** The inventories' lines summed. */
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

  /** The inventories of this kind: one per member (a member has one inventory a year of each standard). */
  @Property()
  memberCount!: number;
}
