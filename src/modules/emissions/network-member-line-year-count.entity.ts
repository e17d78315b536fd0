import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory } from '../members/member.enums';

/**
 * network_member_year_count for network_line_total's rows: how many members of one country and category counted in
 * a row of `shape` (the same shapes and `*` columns as network_line_total) in `year` after last being counted in that
 * row in `previousYear` (0: never before), in both visibility variants. A grouping by energy carrier, scope or
 * standard that is not by year counts each member once over a range, in its first year there (previous year before
 * the range).
 */
@Entity({ tableName: 'network_member_line_year_count' })
// the figures read it index-only: the key they filter by, then the columns they group by and sum (Migration20261203100000)
@Index({
  name: 'network_member_line_year_count_read_idx',
  expression:
    'create index "network_member_line_year_count_read_idx" on "network_member_line_year_count" ("public_only", "shape", "year", "previous_year", "standard", "sector", "energy_carrier", "scope")' +
    ' include ("country_code", "member_category", "member_count")',
})
export class NetworkMemberLineYearCount {
  @PrimaryKey()
  publicOnly!: boolean;

  /** The columns that hold one value (not `*`), in the order standard, sector, energy_carrier, scope. */
  @PrimaryKey({ type: 'text' })
  shape!: string;

  @PrimaryKey({ type: 'text' })
  standard!: string;

  @PrimaryKey({ type: 'text' })
  sector!: string;

  @PrimaryKey({ type: 'text' })
  energyCarrier!: string;

  @PrimaryKey({ type: 'text' })
  scope!: string;

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
