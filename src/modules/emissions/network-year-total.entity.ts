import { DecimalType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory } from '../members/member.enums';

/**
 * The yearly totals of the members of one country and category (member_year_total rows with records, summed), in
 * both visibility variants (`publicOnly`: chosen among public inventories only), maintained with them in the same
 * transaction (see network-figures.sql.ts). Groupings by country, category and year read these few rows per year
 * instead of a row per member.
 */
@Entity({ tableName: 'network_year_total' })
// the figures read it index-only: the key they filter by, then the columns they sum (Migration20261202140000)
@Index({
  name: 'network_year_total_read_idx',
  expression:
    'create index "network_year_total_read_idx" on "network_year_total" ("public_only", "year", "country_code", "member_category")' +
    ' include ("emissions_tco2e", "final_energy_mwh", "member_count")',
})
export class NetworkYearTotal {
  @PrimaryKey()
  publicOnly!: boolean;

  @PrimaryKey()
  year!: number;

  @PrimaryKey({ length: 2 })
  countryCode!: string;

  @Enum({ items: () => MemberCategory, nativeEnumName: 'member_category', primary: true })
  memberCategory!: MemberCategory;

  @Property({ type: new DecimalType('number'), precision: 18, scale: 3 })
  emissionsTco2e!: number;

  @Property({ type: new DecimalType('number'), precision: 18, scale: 3, nullable: true })
  finalEnergyMwh: number | null = null;

  /** The members' final energy values summed (not null): a write that takes the last one away makes the sum null. */
  @Property()
  finalEnergyCount!: number;

  /** The members whose rows are summed: each member counts once per year. */
  @Property()
  memberCount!: number;
}
