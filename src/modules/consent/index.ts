import type { ApiModule } from '../module';
import { AccessLog } from './access-log.entity';
import { ConsentRecord } from './consent-record.entity';
import { ConsentResolver } from './consent.resolver';

/** Consent over indigenous data, and the log of restricted reads it governs. */
export const consent: ApiModule = {
  entities: [ConsentRecord, AccessLog],
  resolvers: [ConsentResolver],
  references: [],
};
