import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { Partnership } from './partnership.entity';

@ObjectType({ description: 'A page of partnerships.' })
export class PartnershipConnection extends ConnectionType(Partnership, 'Partnership') {}
