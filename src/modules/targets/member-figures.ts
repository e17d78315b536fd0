import type { EntityManager } from '@mikro-orm/postgresql';
import { refreshEmissionFigures } from '../emissions/emission-figures.sql';
import { refreshCharterProgress } from './charter-progress-refresh';

/**
 * Recomputes every maintained network figure of the given members (all members when none are given) from their
 * records: the emission figures first, then the Charter progress. Writes call it inside their transaction, so
 * readers see the figures and the records change together; `npm run db:rebuild-figures` calls it for everyone.
 */
export async function refreshMemberFigures(em: EntityManager, memberIds?: readonly string[]): Promise<void> {
  await refreshEmissionFigures(em, memberIds);
  await refreshCharterProgress(em, memberIds);
}
