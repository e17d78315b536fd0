import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { AuditLogConnection } from './audit-log.connection';
import { AuditLogFilter } from './audit-log.inputs';
import { listAuditLog } from './audit-log.service';

@Resolver()
export class AuditLogResolver {
  @Query(() => AuditLogConnection, {
    description:
      'Every mutation received, newest first: who asked, with which key, what, when, and how it ended. ADMIN only.',
  })
  async auditLog(
    @Args() page: PageArgs,
    @Arg('filter', () => AuditLogFilter, { nullable: true, description: 'Default: every entry.' })
    filter: AuditLogFilter | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AuditLogConnection> {
    const withTotalCount = selectionOf(info).has('totalCount');
    return new AuditLogConnection(await listAuditLog(ctx, { ...page, filter }, withTotalCount));
  }
}
