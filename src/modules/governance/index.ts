import type { ApiModule } from '../module';
import { AccessLog } from './access-log.entity';
import { AccessLogResolver } from './access-log.resolver';

/** Governance: who sees which indigenous data at which precision, and the log of restricted reads. */
export const governance: ApiModule = {
  entities: [AccessLog],
  resolvers: [AccessLogResolver],
  references: [],
};
