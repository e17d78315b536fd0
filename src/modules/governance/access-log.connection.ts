import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { AccessLog } from './access-log.entity';

@ObjectType({ description: 'A page of access log entries.' })
export class AccessLogConnection extends ConnectionType(AccessLog, 'AccessLog') {}
