import { Field, ID, InputType } from 'type-graphql';
import { ViewerRole } from '../../auth/roles';
import { DateScalar } from '../../common/scalars';
import { AccessPurpose } from './access-purpose.enums';

@InputType({
  description:
    'Narrows the access log; all given conditions must hold. With `totalCount`, it counts the reads of a period by ' +
    'reader organisation, role and declared purpose.',
})
export class AccessLogFilter {
  @Field(() => ID, { nullable: true, description: 'Reads of this territory, project or organisation.' })
  subjectId?: string;

  @Field(() => ID, { nullable: true, description: 'ADMIN only: reads of the data this organisation stewards.' })
  stewardOrganisationId?: string;

  @Field(() => ID, { nullable: true, description: 'Reads by keys speaking for this indigenous organisation.' })
  readerOrganisationId?: string;

  @Field(() => ID, { nullable: true, description: 'Reads by keys speaking for this member.' })
  readerMemberId?: string;

  @Field(() => ViewerRole, { nullable: true, description: 'Reads made with this role.' })
  role?: ViewerRole;

  @Field(() => AccessPurpose, { nullable: true, description: 'Reads declaring this purpose.' })
  purpose?: AccessPurpose;

  @Field(() => DateScalar, { nullable: true, description: 'Reads on or after this day (UTC).' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Reads on or before this day (UTC).' })
  to?: string;
}
