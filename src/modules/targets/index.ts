import { plannedValue } from '../../common/known-fields';
import type { ApiModule } from '../module';
import { AllianceProgressResolver } from './alliance-progress.resolver';
import { ClimateTarget } from './climate-target.entity';
import { ClimateTargetResolver } from './climate-target.resolver';
import { MemberCharterProgress } from './member-charter-progress.entity';
import { MemberTargetsResolver } from './member-targets.resolver';
import { NetworkCharterStatusCount } from './network-charter-status-count.entity';
import { NetworkStatusYearTotal } from './network-status-year-total.entity';
import { StoredTargetProgress } from './stored-target-progress.entity';

/** Climate targets, each member's progress to them and to the charter, and the alliance's progress. */
export const targets: ApiModule = {
  entities: [
    ClimateTarget,
    MemberCharterProgress,
    StoredTargetProgress,
    NetworkStatusYearTotal,
    NetworkCharterStatusCount,
  ],
  resolvers: [MemberTargetsResolver, ClimateTargetResolver, AllianceProgressResolver],
  references: [],
  knownFields: { Member: { targets: plannedValue('targets') } },
};
