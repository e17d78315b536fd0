import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProjectStatus, ProjectTheme } from './project.enums';

export enum BiodiversityDimension {
  COUNTRY = 'COUNTRY',
  STATUS = 'STATUS',
  THEME = 'THEME',
  ORGANISATION = 'ORGANISATION',
}

registerEnumType(BiodiversityDimension, {
  name: 'BiodiversityDimension',
  description: 'What biodiversity totals can be grouped by.',
  valuesConfig: {
    COUNTRY: { description: 'The country of the site.' },
    STATUS: { description: 'The project status.' },
    THEME: { description: 'Each theme (a project with two themes counts in both).' },
    ORGANISATION: { description: 'The implementing indigenous organisation.' },
  },
});

@ObjectType({
  description:
    'Totals over biodiversity projects, including those the viewer may not see one by one. A group of fewer ' +
    'than three projects is left out unless the viewer may see every project in it.',
})
export class BiodiversityTotal {
  @Field(() => String, { nullable: true, description: 'Set when grouped by COUNTRY.' })
  countryCode!: string | null;

  @Field(() => ProjectStatus, { nullable: true, description: 'Set when grouped by STATUS.' })
  status!: ProjectStatus | null;

  @Field(() => ProjectTheme, { nullable: true, description: 'Set when grouped by THEME.' })
  theme!: ProjectTheme | null;

  @Field(() => ID, { nullable: true, description: 'The implementing organisation, when grouped by ORGANISATION.' })
  organisationId!: string | null;

  @Field(() => Int, { description: 'How many projects the group holds (that this viewer may list).' })
  projectCount!: number;

  @Field(() => Float, { description: 'Hectares protected, summed (projects without a figure count as none).' })
  hectaresProtected!: number;

  @Field(() => Float, { description: 'Hectares restored, summed.' })
  hectaresRestored!: number;

  @Field(() => Float, { description: 'Budgets in euros, summed.' })
  budgetEur!: number;
}
