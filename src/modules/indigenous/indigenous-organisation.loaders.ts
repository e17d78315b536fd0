import DataLoader from 'dataloader';
import { defineLoader } from '../../common/context';
import { byKeys, groupByKeys } from '../../common/loaders';
import { IndigenousOrganisation } from './indigenous-organisation.entity';

export const organisationById = defineLoader(
  (ctx) =>
    new DataLoader<string, IndigenousOrganisation | null>(async (ids) =>
      byKeys(ids, await ctx.em.find(IndigenousOrganisation, { id: { $in: [...ids] } }), (org) => org.id, null),
    ),
);

/** The organisations directly under each parent (COICA's national organisations, theirs), by acronym. */
export const organisationsByParent = defineLoader(
  (ctx) =>
    new DataLoader<string, IndigenousOrganisation[]>(async (parentIds) =>
      groupByKeys(
        parentIds,
        await ctx.em.find(
          IndigenousOrganisation,
          { parent: { $in: [...parentIds] } },
          { orderBy: { acronym: 'asc', id: 'asc' } },
        ),
        (org) => org.parent!.id,
      ),
    ),
);
