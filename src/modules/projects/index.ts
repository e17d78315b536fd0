import type { ApiModule } from '../module';
import { BiodiversityProject } from './biodiversity-project.entity';
import { OrganisationProjectsResolver } from './organisation-projects.resolver';
import { BiodiversityProjectFieldsResolver } from './project-fields.resolver';
import { ProjectSupport } from './project-support.entity';
import { biodiversityProjectReference } from './project.reference';
import { BiodiversityProjectResolver } from './project.resolver';
import { BiodiversityTotalsResolver } from './project-totals.resolver';

/** Biodiversity projects, the members supporting them, and their totals. */
export const projects: ApiModule = {
  entities: [BiodiversityProject, ProjectSupport],
  resolvers: [
    BiodiversityProjectResolver,
    BiodiversityProjectFieldsResolver,
    OrganisationProjectsResolver,
    BiodiversityTotalsResolver,
  ],
  references: [biodiversityProjectReference],
};
