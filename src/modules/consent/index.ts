import { ConsentRecord } from './consent-record.entity';
import { ConsentResolver } from './consent.resolver';

/** Consent records: the decisions of the steward organisations, recorded, withdrawn and listed. */
export const entities = [ConsentRecord];
export const resolvers = [ConsentResolver];
