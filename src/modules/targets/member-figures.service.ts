import type { EntityManager } from '@mikro-orm/postgresql';
import { EVERY_MEMBER, membersCondition, refreshEmissionFigures } from '../emissions/emission-figures.sql';
import { networkContributions, rebuildNetworkFigures, refreshNetworkFigures } from '../emissions/network-figures.sql';
import { refreshCharterProgress } from './charter-progress-refresh.sql';
import { refreshTargetProgress } from './target-progress-refresh.sql';

/** Members per statement of a rebuild: each statement stays well inside the statement timeout at ×10 data. */
const MEMBERS_PER_REBUILD_STEP = 500;
/** The tables of maintained figures, all derived from the records. */
export const FIGURE_TABLES = [
  'inventory_line_total',
  'member_year_total',
  'member_year_sector_total',
  'member_charter_progress',
  'climate_target_progress',
];

/**
 * One refresh per member at a time: a concurrent one waits for this transaction, then recomputes from what it
 * committed (otherwise both would insert the member's rows and one would fail on the primary key).
 */
async function lockMembers(em: EntityManager, memberIds: readonly string[]): Promise<void> {
  const [members, params] = membersCondition('id', memberIds);
  await em.execute(`select id from member where ${members} order by id for no key update`, params);
}

/** Recomputes the progress of the members' targets after a target changed (their emission figures stay as they are). */
export async function refreshMemberTargetProgress(em: EntityManager, memberIds: readonly string[]): Promise<void> {
  await lockMembers(em, memberIds);
  await refreshTargetProgress(em, memberIds);
}

/** The members' own figures: their emission figures first, then their Charter progress and every target's. */
async function refreshPerMemberFigures(em: EntityManager, memberIds: readonly string[]): Promise<void> {
  await refreshEmissionFigures(em, memberIds);
  await refreshCharterProgress(em, memberIds);
  await refreshTargetProgress(em, memberIds);
}

/**
 * Recomputes the maintained figures of the given members from their records, then adjusts the network totals of
 * their country and category (and of the ones they left) by the difference. Writes call it inside their
 * transaction, so readers see the figures and the records change together.
 */
export async function refreshMemberFigures(em: EntityManager, memberIds: readonly string[]): Promise<void> {
  await lockMembers(em, memberIds);
  const before = await networkContributions(em, memberIds);
  await refreshPerMemberFigures(em, memberIds);
  await refreshNetworkFigures(em, memberIds, before);
}

/**
 * Recomputes every maintained figure of every member from the records (`npm run db:rebuild-figures`, the seeders),
 * a few hundred members per statement, then the network totals; drops figures of members that no longer exist.
 */
export async function rebuildAllFigures(em: EntityManager): Promise<void> {
  for (const table of FIGURE_TABLES) {
    await em.execute(`delete from ${table} f where not exists (select 1 from member m where m.id = f.member_id)`);
  }
  const members = await em.execute<{ id: string }[]>('select id from member order by id');
  for (let start = 0; start < members.length; start += MEMBERS_PER_REBUILD_STEP) {
    const chunk = members.slice(start, start + MEMBERS_PER_REBUILD_STEP).map((member) => member.id);
    await lockMembers(em, chunk);
    await refreshPerMemberFigures(em, chunk);
  }
  // once, from every member's rows, rather than once per chunk of members
  await rebuildNetworkFigures(em);
}

/**
 * Computes every member's figures with one statement per table, for a database that nobody reads yet (the seeders,
 * after a bulk load): the same statements as refreshMemberFigures, over all members at once.
 */
export async function computeEveryMembersFigures(em: EntityManager): Promise<void> {
  await refreshEmissionFigures(em, EVERY_MEMBER);
  await refreshCharterProgress(em, EVERY_MEMBER);
  await refreshTargetProgress(em, EVERY_MEMBER);
}
