import type { ApiModule } from '../module';
import { ConsentRecord } from './consent-record.entity';
import { ConsentResolver } from './consent.resolver';

/** Consent records: the decisions of the steward organisations, recorded, withdrawn and listed. */
export const consent: ApiModule = {
  entities: [ConsentRecord],
  resolvers: [ConsentResolver],
  references: [],
};
