import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory } from '../members/member.enums';

/**
 * network_member_year_count for network_line_total's rows: how many members of one country and category counted in
 * a row of `shape` (the same shapes and `*` columns as network_line_total) in `year` after last being counted in that
 * row in `previousYear` (0: never before), in both visibility variants. A grouping by energy carrier, scope or
 * standard that is not by year counts each member once over a range, in its first year there (previous year before
 * the range).
 */
@Entity({ tableName: 'network_member_line_year_count' })
// no index but its key, whose first columns are those the figures filter by: the rebuild inserts its rows in the key's
// order, so a range of the key is a few pages of the table too (x10, [ENERGY_CARRIER] since 2015: 15,000 rows in 486
// buffers, 161 of the table), and a covering index would add a second index to fill (x10: 1 s of CPU)
export class NetworkMemberLineYearCount {
  @PrimaryKey()
  publicOnly!: boolean;

  /** The columns that hold one value (not `*`), in the order standard, sector, energy_carrier, scope. */
  @PrimaryKey({ type: 'text' })
  shape!: string;

  @PrimaryKey()
  year!: number;

  @PrimaryKey()
  previousYear!: number;

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

  @Property()
  memberCount!: number;
}
