import type { ApiModule } from '../module';
import { MemberTimberResolver } from './member-timber.resolver';
import { TimberCommitment } from './timber-commitment.entity';
import { TimberCommitmentResolver } from './timber-commitment.resolver';
import { TimberProcurement } from './timber-procurement.entity';
import { TimberProcurementResolver } from './timber-procurement.resolver';

/** Tropical-timber commitments and procurements, and the compliance of one with the other. */
export const timber: ApiModule = {
  entities: [TimberCommitment, TimberProcurement],
  resolvers: [TimberCommitmentResolver, TimberProcurementResolver, MemberTimberResolver],
  references: [],
};
