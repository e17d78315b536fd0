import type { ApiModule } from '../module';
import { AuditLogEntry } from './audit-log-entry.entity';
import { AuditLogResolver } from './audit-log.resolver';

/** The audit log: every mutation attempt, refused ones included. */
export const audit: ApiModule = { entities: [AuditLogEntry], resolvers: [AuditLogResolver], references: [] };
