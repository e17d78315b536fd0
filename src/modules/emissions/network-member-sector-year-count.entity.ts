import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory } from '../members/member.enums';
import { Sector } from './emission.enums';

/**
 * network_member_year_count per sector: how many members of one country and category had lines of `sector` in
 * `year` after last having them in `previousYear` (0: never before), in both visibility variants.
 */
@Entity({ tableName: 'network_member_sector_year_count' })
// the figures read it index-only: the key they filter by, then the columns they sum (Migration20261202140000)
@Index({
  name: 'network_member_sector_year_count_read_idx',
  expression:
    'create index "network_member_sector_year_count_read_idx" on "network_member_sector_year_count" ("public_only", "year", "previous_year")' +
    ' include ("sector", "country_code", "member_category", "member_count")',
})
export class NetworkMemberSectorYearCount {
  @PrimaryKey()
  publicOnly!: boolean;

  @Enum({ items: () => Sector, nativeEnumName: 'emission_sector', primary: true })
  sector!: Sector;

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
