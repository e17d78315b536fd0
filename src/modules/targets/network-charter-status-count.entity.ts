import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { MemberCategory, MembershipStatus } from '../members/member.enums';
import { TrajectoryStatus } from './target.enums';

/**
 * How many members of one country, category and membership status stand at each Charter status
 * (member_charter_progress rows counted), in both visibility variants, maintained with the network totals (see
 * network-progress.sql.ts): allianceProgress counts its members per status from these few rows.
 */
@Entity({ tableName: 'network_charter_status_count' })
export class NetworkCharterStatusCount {
  @PrimaryKey()
  publicOnly!: boolean;

  @PrimaryKey({ length: 2 })
  countryCode!: string;

  @Enum({ items: () => MemberCategory, nativeEnumName: 'member_category', primary: true })
  memberCategory!: MemberCategory;

  @Enum({ items: () => MembershipStatus, nativeEnumName: 'membership_status', primary: true })
  memberStatus!: MembershipStatus;

  @Enum({ items: () => TrajectoryStatus, nativeEnumName: 'trajectory_status', primary: true })
  status!: TrajectoryStatus;

  @Property()
  memberCount!: number;
}
