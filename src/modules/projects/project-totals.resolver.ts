import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { BiodiversityProjectFilter } from './project-filter.inputs';
import { biodiversityTotals } from './project-totals';
import { BiodiversityDimension, BiodiversityTotal } from './project-totals.types';

@Resolver()
export class BiodiversityTotalsResolver {
  @Query(() => [BiodiversityTotal], {
    description:
      'Hectares protected and restored, budgets and project counts, grouped as asked. Public: it counts projects ' +
      'the viewer may not see one by one, but leaves out groups of fewer than three unless the viewer sees them all.',
  })
  biodiversityTotals(
    @Arg('groupBy', () => [BiodiversityDimension], { description: 'The dimensions to group by; [] for one total.' })
    groupBy: BiodiversityDimension[],
    @Arg('filter', () => BiodiversityProjectFilter, {
      nullable: true,
      description: 'Conditions the projects must meet.',
    })
    filter: BiodiversityProjectFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<BiodiversityTotal[]> {
    return biodiversityTotals(ctx, groupBy, filter ?? {});
  }
}
