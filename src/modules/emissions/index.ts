import { plannedValue } from '../../common/known-fields';
import type { ApiModule } from '../module';
import { DataSource } from './data-source.entity';
import { EmissionInventory } from './emission-inventory.entity';
import { EmissionInventoryResolver } from './emission-inventory.resolver';
import { EmissionRecord } from './emission-record.entity';
import { EmissionTotalsResolver } from './emission-totals.resolver';
import { InventoryLineTotal } from './inventory-line-total.entity';
import { InventoryRecomputation } from './inventory-recomputation.entity';
import { InventoryRecomputationResolver } from './inventory-recomputation.resolver';
import { MemberEmissionsResolver } from './member-emissions.resolver';
import { MemberFigureGroup } from './member-figure-group.entity';
import { MemberYearSectorTotal } from './member-year-sector-total.entity';
import { MemberYearTotal } from './member-year-total.entity';
import { NetworkMemberLineYearCount } from './network-member-line-year-count.entity';
import { NetworkMemberSectorYearCount } from './network-member-sector-year-count.entity';
import { NetworkMemberYearCount } from './network-member-year-count.entity';
import { NetworkYearSectorTotal } from './network-year-sector-total.entity';
import { NetworkLineMaskTotal } from './network-line-mask-total.entity';
import { NetworkLineTotal } from './network-line-total.entity';
import { NetworkYearTotal } from './network-year-total.entity';

/** Emission inventories and their records, the figures maintained from them, and the totals read from those. */
export const emissions: ApiModule = {
  entities: [
    DataSource,
    EmissionInventory,
    EmissionRecord,
    InventoryRecomputation,
    InventoryLineTotal,
    MemberYearTotal,
    MemberYearSectorTotal,
    MemberFigureGroup,
    NetworkYearTotal,
    NetworkYearSectorTotal,
    NetworkMemberYearCount,
    NetworkMemberSectorYearCount,
    NetworkLineTotal,
    NetworkMemberLineYearCount,
    NetworkLineMaskTotal,
  ],
  resolvers: [
    EmissionInventoryResolver,
    MemberEmissionsResolver,
    EmissionTotalsResolver,
    InventoryRecomputationResolver,
  ],
  references: [],
  knownFields: {
    Member: { inventories: plannedValue('inventories'), latestInventory: plannedValue('latestInventory') },
    EmissionInventory: { records: plannedValue('records') },
  },
};
