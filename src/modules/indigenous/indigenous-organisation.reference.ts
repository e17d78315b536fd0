import type { RequestContext } from '../../common/context';
import { isUuid } from '../../common/validation';
import type { IndigenousOrganisation } from './indigenous-organisation.entity';
import { organisationById } from './indigenous-organisation.loaders';

/**
 * Federation: resolves `{ __typename: "IndigenousOrganisation", id }` representations, batched (one statement
 * for all of them); unknown ids give null. Organisations are public; their governed lists apply their own rules.
 */
export const indigenousOrganisationReference = {
  IndigenousOrganisation: {
    __resolveReference(reference: { id: string }, ctx: RequestContext): Promise<IndigenousOrganisation | null> | null {
      return isUuid(reference.id) ? organisationById(ctx).load(reference.id.toLowerCase()) : null;
    },
  },
};
