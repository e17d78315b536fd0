import type { RequestContext } from '../../common/context';
import { isUuid } from '../../common/validation';
import type { BiodiversityProject } from './biodiversity-project.entity';
import { servedProjectById } from './project.loaders';

/**
 * Federation: resolves `{ __typename: "BiodiversityProject", id }` representations through the same governed
 * loader as `biodiversityProject(id)`: one statement for all of them, null for unknown ids and for projects the
 * viewer may not see, locations at the viewer's precision, restricted reads logged.
 */
export const biodiversityProjectReference = {
  BiodiversityProject: {
    async __resolveReference(reference: { id: string }, ctx: RequestContext): Promise<BiodiversityProject | null> {
      if (!isUuid(reference.id)) return null;
      return (await servedProjectById(ctx).load(reference.id.toLowerCase()))?.record ?? null;
    },
  },
};
