import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { ConsentRecord } from './consent-record.entity';

@ObjectType({ description: 'A page of consent records.' })
export class ConsentRecordConnection extends ConnectionType(ConsentRecord, 'ConsentRecord') {}
