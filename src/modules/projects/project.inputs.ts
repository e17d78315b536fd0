import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { RecordVisibility } from '../governance/governance.enums';
import { ProjectStatus, ProjectTheme } from './project.enums';

@InputType({ description: 'The fields of a project that can be changed; omitted fields stay as they are.' })
export class BiodiversityProjectUpdate {
  @Field(() => String, { nullable: true, description: 'The title, 1 to 300 characters.' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'What the project does (at most 5,000 characters).' })
  description?: string | null;

  @Field(() => ProjectStatus, { nullable: true, description: 'Where the project stands.' })
  status?: ProjectStatus;

  @Field(() => [ProjectTheme], { nullable: true, description: '1 to 10 distinct themes.' })
  themes?: ProjectTheme[];

  @Field(() => DateScalar, { nullable: true, description: 'When it starts or started.' })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Not before startDate.' })
  endDate?: string | null;

  @Field(() => Float, { nullable: true, description: 'Hectares protected, 0 or more.' })
  hectaresProtected?: number | null;

  @Field(() => Float, { nullable: true, description: 'Hectares restored, 0 or more.' })
  hectaresRestored?: number | null;

  @Field(() => Float, { nullable: true, description: 'Budget in euros, 0 or more.' })
  budgetEur?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO alpha-2 code of the site country, one of the Amazon Basin countries.',
  })
  countryCode?: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Site latitude (-90 to 90), stored exact and served at the precision each viewer may see.',
  })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Site longitude (-180 to 180); give it with latitude.' })
  longitude?: number | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The territory the site lies in, in the same country: for a steward, one of its own organisation's " +
      '(FORBIDDEN otherwise, alike for a missing one); for others, one they may see.',
  })
  territoryId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A partnership of the implementing organisation that funds it.' })
  partnershipId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The supporting members (at most 100); replaces the list.' })
  supportingMemberIds?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether it concerns peoples in voluntary isolation.' })
  concernsIsolatedPeoples?: boolean;

  @Field(() => RecordVisibility, { nullable: true, description: 'Who may see the project.' })
  visibility?: RecordVisibility;
}

@InputType({ description: 'A new biodiversity project.' })
export class BiodiversityProjectInput extends BiodiversityProjectUpdate {
  @Field({ description: 'The title, 1 to 300 characters.' })
  declare title: string;

  @Field(() => ID, { description: 'The indigenous organisation carrying it out.' })
  implementingOrganisationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The organisation that stewards its data and decides consent; default: the implementing one.',
  })
  dataStewardOrganisationId?: string | null;

  @Field(() => ProjectStatus, { defaultValue: ProjectStatus.PLANNED, description: 'Where the project stands.' })
  declare status: ProjectStatus;

  @Field(() => [ProjectTheme], { description: '1 to 10 distinct themes.' })
  declare themes: ProjectTheme[];

  @Field({ description: 'ISO alpha-2 code of the site country, one of the Amazon Basin countries.' })
  declare countryCode: string;

  @Field(() => RecordVisibility, {
    defaultValue: RecordVisibility.RESTRICTED,
    description: 'Who may see the project; RESTRICTED until the steward decides otherwise.',
  })
  declare visibility: RecordVisibility;
}
