import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { BiodiversityProject } from './biodiversity-project.entity';
import { BiodiversityProjectConnection } from './project.connection';
import { BiodiversityProjectFilter, BiodiversityProjectOrder } from './project.filter';
import { BiodiversityProjectInput, BiodiversityProjectUpdate } from './project.inputs';
import { getProject, listProjects } from './project.service';
import { createProject, updateProject } from './project-writes.service';

@Resolver(() => BiodiversityProject)
export class BiodiversityProjectResolver {
  @Query(() => BiodiversityProjectConnection, {
    description: 'Biodiversity projects the viewer may see, filtered and ordered, a page at a time.',
  })
  async biodiversityProjects(
    @Args() page: PageArgs,
    @Arg('filter', () => BiodiversityProjectFilter, {
      nullable: true,
      description: 'Conditions the projects must meet.',
    })
    filter: BiodiversityProjectFilter | null,
    @Arg('orderBy', () => BiodiversityProjectOrder, { nullable: true, description: 'Default: by title, ascending.' })
    orderBy: BiodiversityProjectOrder | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BiodiversityProjectConnection> {
    const withTotalCount = selectionOf(info).has('totalCount');
    return new BiodiversityProjectConnection(await listProjects(ctx, { ...page, filter, orderBy }, withTotalCount));
  }

  @Query(() => BiodiversityProject, {
    nullable: true,
    description: 'One project by id; null when there is none or the viewer may not see it.',
  })
  biodiversityProject(
    @Arg('id', () => ID, { description: 'The project id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<BiodiversityProject | null> {
    return getProject(ctx, id);
  }

  @Mutation(() => BiodiversityProject, {
    description:
      'Adds a project. COICA_LIAISON, ADMIN, or an INDIGENOUS_STEWARD for its own organisation only: that ' +
      'organisation must implement and steward the project, and its territory must be one of its own (else FORBIDDEN).',
  })
  createBiodiversityProject(
    @Arg('input', () => BiodiversityProjectInput, { description: 'The new project.' }) input: BiodiversityProjectInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BiodiversityProject> {
    return createProject(ctx, input);
  }

  @Mutation(() => BiodiversityProject, {
    description:
      'Changes a project. COICA_LIAISON, ADMIN, or its steward (for its own territories only, else FORBIDDEN); ' +
      '`version` must be the current one, else CONFLICT.',
  })
  updateBiodiversityProject(
    @Arg('id', () => ID, { description: 'The project to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version last read; a stale one gives CONFLICT.' }) version: number,
    @Arg('input', () => BiodiversityProjectUpdate, { description: 'The fields to change.' })
    input: BiodiversityProjectUpdate,
    @Ctx() ctx: RequestContext,
  ): Promise<BiodiversityProject> {
    return updateProject(ctx, id, version, input);
  }
}
