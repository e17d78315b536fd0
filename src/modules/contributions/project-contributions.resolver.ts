import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { BiodiversityProject } from '../projects/biodiversity-project.entity';
import { Contribution } from './contribution.entity';
import { contributionsByProject } from './contribution.loaders';

@Resolver(() => BiodiversityProject)
export class ProjectContributionsResolver {
  @FieldResolver(() => [Contribution], { description: 'Money members gave to the project, by year.' })
  contributions(@Root() project: BiodiversityProject, @Ctx() ctx: RequestContext): Promise<Contribution[]> {
    return contributionsByProject(ctx).load(project.id);
  }
}
