import type { RequestContext } from '../../common/context';
import type { Member } from './member.entity';
import { memberById } from './member.loaders';
import { isUuid } from '../../common/validation';

/** Federation: resolves `{ __typename: "Member", id }` representations, batched; unknown ids give null. */
export const memberReference = {
  Member: {
    __resolveReference(reference: { id: string }, ctx: RequestContext): Promise<Member | null> | null {
      return isUuid(reference.id) ? memberById(ctx).load(reference.id.toLowerCase()) : null;
    },
  },
};
