import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { TimberCommitment } from './timber-commitment.entity';
import { TimberProcurement } from './timber-procurement.entity';
import { TimberProcurementInput } from './timber-procurement.inputs';
import { recordTimberProcurement } from './timber-procurement.service';
import { commitmentById } from './timber.loaders';

@Resolver(() => TimberProcurement)
export class TimberProcurementResolver {
  @Mutation(() => TimberProcurement, {
    description:
      'Records timber bought under a commitment; its compliance is judged at once. MEMBER_EDITOR of the member ' +
      'or ADMIN.',
  })
  recordTimberProcurement(
    @Arg('input', () => TimberProcurementInput) input: TimberProcurementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TimberProcurement> {
    return recordTimberProcurement(ctx, input);
  }

  @FieldResolver(() => TimberCommitment, { description: 'The commitment it was bought under.' })
  async commitment(@Root() procurement: TimberProcurement, @Ctx() ctx: RequestContext): Promise<TimberCommitment> {
    return (await commitmentById(ctx).load(procurement.commitment.id))!;
  }
}
