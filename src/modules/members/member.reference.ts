import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../common/context';
import { selectionOf } from '../../common/selection';
import { isUuid } from '../../common/validation';
import type { Member } from './member.entity';
import { plannedMemberById } from './member.loaders';

/**
 * Federation: resolves `{ __typename: "Member", id }` representations, batched (one statement per batch, reading the
 * columns the query selects on Member); unknown ids give null.
 */
export const memberReference = {
  Member: {
    __resolveReference(
      reference: { id: string },
      ctx: RequestContext,
      info: GraphQLResolveInfo,
    ): Promise<Member | null> | null {
      if (!isUuid(reference.id)) return null;
      return plannedMemberById(ctx, selectionOf(info, 'Member')).load(reference.id.toLowerCase());
    },
  },
};
