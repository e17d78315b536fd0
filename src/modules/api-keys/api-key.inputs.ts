import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.entity';
import { Role } from '../../auth/roles';

@InputType({ description: 'A new API key. MEMBER_EDITOR keys need memberId, INDIGENOUS_STEWARD keys organisationId.' })
export class ApiKeyInput {
  @Field({ description: 'What the key is for, 1 to 200 characters.' })
  name!: string;

  @Field(() => Role, { description: 'What the key may do.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The member a MEMBER_EDITOR key may write; only for that role.' })
  memberId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The indigenous organisation an INDIGENOUS_STEWARD key speaks for; only for that role.',
  })
  organisationId?: string | null;
}

@ObjectType({ description: 'A key just created: the only time its secret is shown.' })
export class CreatedApiKey {
  @Field({ description: 'The secret to send as `Authorization: Bearer <key>`. Store it now: it is not shown again.' })
  key!: string;

  @Field(() => ApiKey, { description: 'The stored key.' })
  apiKey!: ApiKey;
}
