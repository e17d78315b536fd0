import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { TimberCommitment } from './timber-commitment.entity';

@ObjectType({ description: 'A page of timber commitments.' })
export class TimberCommitmentConnection extends ConnectionType(TimberCommitment, 'TimberCommitment') {}
