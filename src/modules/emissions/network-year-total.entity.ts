import { DecimalType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory } from '../members/member.enums';

/**
 * The yearly totals of the members of one country and category (member_year_total rows with records, summed), in
 * both visibility variants (`publicOnly`: chosen among public inventories only), maintained with them in the same
 * transaction (see network-figures.sql.ts). Groupings by country, category and year read these few rows per year
 * instead of a row per member.
 */
@Entity({ tableName: 'network_year_total' })
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
