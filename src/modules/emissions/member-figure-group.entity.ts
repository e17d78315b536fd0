import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory, MembershipStatus } from '../members/member.enums';

/**
 * The country and category (and membership status, for the totals by status allianceProgress reads) a member's
 * figures are counted under in the network totals (network_year_total, network_year_sector_total,
 * network_status_year_total, ...), kept with them: when a member moves to another country or category, or leaves
 * or comes back, the refresh finds here the group its figures must leave.
 */
@Entity({ tableName: 'member_figure_group' })
@Index({ name: 'member_figure_group_group_idx', properties: ['countryCode', 'memberCategory'] })
export class MemberFigureGroup {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @Property({ length: 2 })
  countryCode!: string;

  @Enum({ items: () => MemberCategory, nativeEnumName: 'member_category' })
  memberCategory!: MemberCategory;

  @Enum({ items: () => MembershipStatus, nativeEnumName: 'membership_status' })
  memberStatus!: MembershipStatus;
}
