import { DecimalType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory, MembershipStatus } from '../members/member.enums';

/**
 * The yearly totals of the members of one country, category and membership status (every member_year_total row,
 * summed), in both visibility variants, maintained with the network totals (see network-progress.sql.ts).
 * allianceProgress reads these: its default filter leaves out members who left, which network_year_total does not
 * tell apart, and it counts a member's inventories without records too.
 */
@Entity({ tableName: 'network_status_year_total' })
// the figures read it index-only: the key they filter by, then the columns they sum (Migration20261202140000)
@Index({
  name: 'network_status_year_total_read_idx',
  expression:
    'create index "network_status_year_total_read_idx" on "network_status_year_total" ("public_only", "year", "member_status", "country_code", "member_category")' +
    ' include ("emissions_tco2e", "member_count")',
})
export class NetworkStatusYearTotal {
  @PrimaryKey()
  publicOnly!: boolean;

  @PrimaryKey()
  year!: number;

  @PrimaryKey({ length: 2 })
  countryCode!: string;

  @Enum({ items: () => MemberCategory, nativeEnumName: 'member_category', primary: true })
  memberCategory!: MemberCategory;

  @Enum({ items: () => MembershipStatus, nativeEnumName: 'membership_status', primary: true })
  memberStatus!: MembershipStatus;

  @Property({ type: new DecimalType('number'), precision: 18, scale: 3 })
  emissionsTco2e!: number;

  /** The members whose rows are summed: each member counts once per year. */
  @Property()
  memberCount!: number;
}
