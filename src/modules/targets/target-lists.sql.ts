import type { ListEdge } from '../../common/read-plan';
import { ClimateTarget } from './climate-target.entity';

/** A member's targets as its plan reads them, in its statement: the order of targetsByMember (progress.loaders.ts). */
export const targetsOfMember: ListEdge = {
  entity: ClimateTarget,
  via: 'member',
  keysOnly: ['member'],
  orderBy: (column) => `${column('origin')}, ${column('targetYear')}, ${column('id')}`,
};
