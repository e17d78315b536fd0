import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory } from '../members/member.enums';

/**
 * How many members of one country and category reported in `year` after last reporting in `previousYear` (0: never
 * before), in both visibility variants, maintained with the network totals (see network-figures.sql.ts). A member
 * reports in some year of a range exactly once with a previous year before the range, so groupings that are not by
 * year count their members from these rows without a row per member.
 */
@Entity({ tableName: 'network_member_year_count' })
// the figures read it index-only: the key they filter by, then the columns they sum (Migration20261202140000)
@Index({
  name: 'network_member_year_count_read_idx',
  expression:
    'create index "network_member_year_count_read_idx" on "network_member_year_count" ("public_only", "year", "previous_year")' +
    ' include ("country_code", "member_category", "member_count")',
})
export class NetworkMemberYearCount {
  @PrimaryKey()
  publicOnly!: boolean;

  @PrimaryKey()
  previousYear!: number;

  @PrimaryKey()
  year!: number;

  @PrimaryKey({ length: 2 })
  countryCode!: string;

  @Enum({ items: () => MemberCategory, nativeEnumName: 'member_category', primary: true })
  memberCategory!: MemberCategory;

  @Property()
  memberCount!: number;
}
