import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { BiodiversityProjectFilter } from './project.filter';
import { biodiversityTotals } from './project-totals.service';
import { BiodiversityDimension, BiodiversityTotal } from './project-totals.type';

@Resolver()
export class BiodiversityTotalsResolver {
  @Query(() => [BiodiversityTotal], {
    description:
      'Hectares protected and restored, budgets and project counts, grouped as asked. Every filter and grouping ' +
      'applies only to the projects this viewer may see one by one: a project hidden from the viewer is in no ' +
      'total, so subtracting one answer from another never reveals its count, area or budget. (No coarse cells ' +
      'of hidden projects are published: no steward has consented to totals beyond what each viewer may list.)',
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
