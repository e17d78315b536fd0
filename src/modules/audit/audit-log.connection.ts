import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { AuditLogEntry } from './audit-log-entry.entity';

@ObjectType({ description: 'A page of the audit log, newest first.' })
export class AuditLogConnection extends ConnectionType(AuditLogEntry, 'AuditLogEntry') {}
