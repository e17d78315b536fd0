import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { BiodiversityProject } from './biodiversity-project.entity';

@ObjectType({ description: 'A page of biodiversity projects.' })
export class BiodiversityProjectConnection extends ConnectionType(BiodiversityProject, 'BiodiversityProject') {}
