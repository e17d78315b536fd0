import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { PageArgs } from '../../common/pagination';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { BiodiversityProjectConnection } from './project.connection';
import { organisationProjects } from './organisation-projects.service';

@Resolver(() => IndigenousOrganisation)
export class OrganisationProjectsResolver {
  @FieldResolver(() => BiodiversityProjectConnection, {
    description: 'The projects it implements that the viewer may see, by title, a page at a time.',
  })
  async projects(
    @Root() organisation: IndigenousOrganisation,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<BiodiversityProjectConnection> {
    return new BiodiversityProjectConnection(await organisationProjects(ctx, organisation.id, page));
  }
}
