import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { AccessLog } from './access-log.entity';
import { ConsentRecord } from './consent-record.entity';

@ObjectType({ description: 'A page of consent records.' })
export class ConsentRecordConnection extends ConnectionType(ConsentRecord, 'ConsentRecord') {}

@ObjectType({ description: 'A page of access log entries.' })
export class AccessLogConnection extends ConnectionType(AccessLog, 'AccessLog') {}
