import { Field, ID, InputType } from 'type-graphql';
import { IndigenousOrganisationLevel } from './indigenous.enums';

@InputType({ description: 'Narrows the indigenous organisations list; all given conditions must hold.' })
export class IndigenousOrganisationFilter {
  @Field(() => [String], { nullable: true, description: 'ISO alpha-2 codes of the countries (at most 100).' })
  countryCodes?: string[];

  @Field(() => [IndigenousOrganisationLevel], { nullable: true, description: 'Any of these levels.' })
  levels?: IndigenousOrganisationLevel[];

  @Field(() => ID, { nullable: true, description: 'Only the organisations directly under this one.' })
  parentId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the acronym, name or an alternate name, case-insensitive.',
  })
  nameContains?: string;
}
