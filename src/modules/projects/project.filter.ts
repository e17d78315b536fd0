import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../common/order';
import { ProjectStatus, ProjectTheme } from './project.enums';

@InputType({ description: 'Narrows the biodiversity projects list; all given conditions must hold.' })
export class BiodiversityProjectFilter {
  @Field(() => [String], { nullable: true, description: 'ISO alpha-2 codes of the site countries (at most 100).' })
  countryCodes?: string[];

  @Field(() => [ProjectStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: ProjectStatus[];

  @Field(() => [ProjectTheme], { nullable: true, description: 'Working on any of these themes.' })
  themes?: ProjectTheme[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Implemented by any of these indigenous organisations (at most 100).',
  })
  organisationIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Supported by any of these members (at most 100).' })
  memberIds?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether the projects concern peoples in voluntary isolation.' })
  concernsIsolatedPeoples?: boolean;
}

export enum BiodiversityProjectOrderField {
  TITLE = 'TITLE',
  START_DATE = 'START_DATE',
  HECTARES_PROTECTED = 'HECTARES_PROTECTED',
  BUDGET_EUR = 'BUDGET_EUR',
}

registerEnumType(BiodiversityProjectOrderField, {
  name: 'BiodiversityProjectOrderField',
  description: 'What to sort biodiversity projects by.',
});

@InputType({ description: 'Sort order of the projects list (ties are broken by id).' })
export class BiodiversityProjectOrder {
  @Field(() => BiodiversityProjectOrderField, { description: 'The field to sort by.' })
  field!: BiodiversityProjectOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'ASC or DESC.' })
  direction: OrderDirection = OrderDirection.ASC;
}
