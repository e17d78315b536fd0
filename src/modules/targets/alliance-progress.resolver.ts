import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { allianceProgress } from './alliance-progress.service';
import { AllianceProgress, AllianceProgressFilter } from './alliance-progress.type';

@Resolver(() => AllianceProgress)
export class AllianceProgressResolver {
  @Query(() => AllianceProgress, {
    description: 'The network as a whole: emissions and reporting members per year, members per Charter status.',
  })
  allianceProgress(
    @Arg('filter', () => AllianceProgressFilter, {
      nullable: true,
      description: 'Which members and years to cover.',
    })
    filter: AllianceProgressFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AllianceProgress> {
    return allianceProgress(ctx, filter ?? {});
  }
}
