import { Field, ID, ObjectType } from 'type-graphql';
import { ViewerRole } from './roles';

/** Who is asking: resolved once per request from the Authorization header. */
@ObjectType({ description: 'Who the API key of this request is: its role and scope; ANONYMOUS without a key.' })
export class Viewer {
  @Field(() => ViewerRole, { description: 'The role this request acts with.' })
  role!: ViewerRole;

  @Field(() => ID, {
    nullable: true,
    description: 'The API key used, if any (null for anonymous and the bootstrap admin secret).',
  })
  apiKeyId!: string | null;

  @Field(() => String, { nullable: true, description: 'The name given to the API key.' })
  name!: string | null;

  @Field(() => ID, { nullable: true, description: 'The member a MEMBER_EDITOR key is scoped to.' })
  memberId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The indigenous organisation an INDIGENOUS_STEWARD key is scoped to.',
  })
  organisationId!: string | null;
}

export function anonymousViewer(): Viewer {
  return Object.assign(new Viewer(), {
    role: ViewerRole.ANONYMOUS,
    apiKeyId: null,
    name: null,
    memberId: null,
    organisationId: null,
  });
}

export function bootstrapAdminViewer(): Viewer {
  return Object.assign(anonymousViewer(), { role: ViewerRole.ADMIN, name: 'ADMIN_API_KEY' });
}
