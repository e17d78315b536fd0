import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { AccessLogConnection } from './access-log.connection';
import { AccessLog } from './access-log.entity';
import { AccessLogFilter } from './access-log.inputs';
import { listAccessLog } from './access-log.list';

@Resolver(() => AccessLog)
export class AccessLogResolver {
  @Query(() => AccessLogConnection, {
    description:
      'Reads of restricted indigenous data, newest first: a steward sees the reads of its own data; ADMIN all. ' +
      'Each entry says who read (role, key, the organisation or member the key speaks for), at which precision, ' +
      'and for what purpose the reader declared in the `x-access-purpose` header.',
  })
  async accessLog(
    @Args() page: PageArgs,
    @Arg('filter', () => AccessLogFilter, { nullable: true, description: 'Conditions the entries must meet.' })
    filter: AccessLogFilter | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AccessLogConnection> {
    const withTotalCount = selectionOf(info).has('totalCount');
    return new AccessLogConnection(await listAccessLog(ctx, { ...page, filter }, withTotalCount));
  }
}
