import {
  type EntityClass,
  type EntityManager,
  type FilterQuery,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/postgresql';
import type { RequestContext } from './context';
import { conflict, notFound } from './errors';
import { requireUuid } from './validation';

/**
 * The row `id` that a caller read at `version` and now updates: NOT_FOUND (field `id`) when there is none, CONFLICT when
 * `version` is stale. `authorize` runs before the version check, so a caller without permission learns nothing more.
 */
export async function findForUpdate<T extends { id: string; version: number }>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  what: string,
  id: string,
  version: number,
  authorize: (row: T) => void = () => {},
): Promise<T> {
  const row = await ctx.em.findOne(entity, { id: requireUuid('id', id) } as FilterQuery<T>);
  if (!row) throw notFound('id', what, id);
  authorize(row);
  if (row.version !== version) throw conflict(what, id, version);
  return row;
}

/**
 * Flushes; a write that lost the race to a concurrent one (its version rose meanwhile, or with `insertRace`, the row was
 * inserted meanwhile) is the same CONFLICT as a stale version.
 */
export async function flushOrConflict(
  em: EntityManager,
  what: string,
  id: string,
  version: number,
  { insertRace = false } = {},
): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    const lost =
      error instanceof OptimisticLockError || (insertRace && error instanceof UniqueConstraintViolationException);
    if (lost) throw conflict(what, id, version);
    throw error;
  }
}
