import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../common/context';
import { selectionOf } from '../../common/selection';
import { isUuid } from '../../common/validation';
import type { ReferenceBatches } from '../module';
import type { Member } from './member.entity';
import { plannedMemberById, plannedMembersOf } from './member.loaders';
import { fieldMemberPlan } from './member-plan';

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

/**
 * The same, for all Member representations of an `_entities` field at once (see ReferenceBatches): one statement
 * read by the field's remembered plan, no loader and no promise per representation.
 */
export const memberReferences: ReferenceBatches = {
  Member: (references, ctx, info) =>
    plannedMembersOf(
      ctx,
      fieldMemberPlan(ctx, info, 'Member'),
      references.map((reference) => reference.id as string),
    ),
};
