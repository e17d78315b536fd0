import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { EmissionTotalsFilter } from './emission-totals.filter';
import { EmissionDimension, EmissionTotal } from './emission-total.type';
import { emissionTotals } from './emission-totals.service';

@Resolver(() => EmissionTotal)
export class EmissionTotalsResolver {
  @Query(() => [EmissionTotal], {
    description:
      'Emissions and energy summed in the database, grouped by any combination of dimensions (none: one grand ' +
      'total). Per member and year only the preferred inventory counts (see InventoryStandard), unless grouped by ' +
      'STANDARD. Without an API key only public inventories count. At most 10,000 groups; use the CSV export ' +
      'for more.',
  })
  emissionTotals(
    @Arg('groupBy', () => [EmissionDimension], { description: 'The dimensions to group by, in this order.' })
    groupBy: EmissionDimension[],
    @Arg('filter', () => EmissionTotalsFilter, { nullable: true, description: 'Conditions the records must meet.' })
    filter: EmissionTotalsFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionTotal[]> {
    return emissionTotals(ctx, groupBy, filter ?? {});
  }
}
