import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { requireUuid } from '../../common/validation';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { IndigenousTerritory } from '../indigenous/indigenous-territory.entity';
import { BiodiversityProject } from '../projects/biodiversity-project.entity';
import { ConsentSubjectType } from './consent.enums';

/** The id of the organisation that stewards a consent subject; bad input naming `input.subjectId` when unknown. */
export async function stewardOfSubject(ctx: RequestContext, type: ConsentSubjectType, rawId: string): Promise<string> {
  const id = requireUuid('input.subjectId', rawId);
  let steward: string | undefined;
  switch (type) {
    case ConsentSubjectType.PROJECT:
      steward = (await ctx.em.findOne(BiodiversityProject, { id }))?.dataSteward.id;
      break;
    case ConsentSubjectType.TERRITORY:
      steward = (await ctx.em.findOne(IndigenousTerritory, { id }))?.stewardOrganisation.id;
      break;
    case ConsentSubjectType.ORGANISATION:
      steward = (await ctx.em.findOne(IndigenousOrganisation, { id }))?.id;
      break;
  }
  if (!steward) throw new UserInputError('input.subjectId', `no ${type.toLowerCase()} has id ${id}`);
  return steward;
}
