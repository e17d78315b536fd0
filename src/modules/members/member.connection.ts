import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { Member } from './member.entity';

@ObjectType({ description: 'A page of members.' })
export class MemberConnection extends ConnectionType(Member, 'Member') {}
