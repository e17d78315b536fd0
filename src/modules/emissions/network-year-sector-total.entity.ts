import { DecimalType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory } from '../members/member.enums';
import { Sector } from './emission.enums';

/**
 * The sums per sector and year of the members of one country and category (member_year_sector_total rows, summed),
 * in both visibility variants, maintained with them in the same transaction (see network-figures.sql.ts).
 */
@Entity({ tableName: 'network_year_sector_total' })
// the figures read it index-only: the key they filter by, then the columns they sum (Migration20261202140000)
@Index({
  name: 'network_year_sector_total_read_idx',
  expression:
    'create index "network_year_sector_total_read_idx" on "network_year_sector_total" ("public_only", "year", "sector", "country_code", "member_category")' +
    ' include ("emissions_tco2e", "final_energy_mwh", "member_count")',
})
export class NetworkYearSectorTotal {
  @PrimaryKey()
  publicOnly!: boolean;

  @PrimaryKey()
  year!: number;

  @Enum({ items: () => Sector, nativeEnumName: 'emission_sector', primary: true })
  sector!: Sector;

  @PrimaryKey({ length: 2 })
  countryCode!: string;

  @Enum({ items: () => MemberCategory, nativeEnumName: 'member_category', primary: true })
  memberCategory!: MemberCategory;

  @Property({ type: new DecimalType('number'), precision: 18, scale: 3, nullable: true })
  emissionsTco2e: number | null = null;

  /** The members' emission values summed (not null): a write that takes the last one away makes the sum null. */
  @Property()
  emissionsCount!: number;

  @Property({ type: new DecimalType('number'), precision: 18, scale: 3, nullable: true })
  finalEnergyMwh: number | null = null;

  /** The members' final energy values summed (not null). */
  @Property()
  finalEnergyCount!: number;

  /** The members with lines of this sector in this year. */
  @Property()
  memberCount!: number;
}
