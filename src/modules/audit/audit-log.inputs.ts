import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';

@InputType({ description: 'Narrows the audit log; all given conditions must hold.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Only mutations made with this API key.' })
  apiKeyId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these mutations, e.g. ["updateMember"] (at most 100).' })
  mutations?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only mutations that succeeded (true) or failed (false).' })
  succeeded?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Received at or after this time.' })
  since?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Received before this time.' })
  until?: Date | null;
}
