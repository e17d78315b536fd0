import { AccessLog } from './access-log.entity';
import { AccessLogResolver } from './access-log.resolver';

/** Governance: who sees which indigenous data at which precision, and the log of restricted reads. */
export const entities = [AccessLog];
export const resolvers = [AccessLogResolver];
