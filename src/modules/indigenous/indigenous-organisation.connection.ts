import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { IndigenousOrganisation } from './indigenous-organisation.entity';

@ObjectType({ description: 'A page of indigenous organisations.' })
export class IndigenousOrganisationConnection extends ConnectionType(
  IndigenousOrganisation,
  'IndigenousOrganisation',
) {}
