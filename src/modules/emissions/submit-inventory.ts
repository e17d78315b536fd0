import { randomUUID } from 'node:crypto';
import { requireMemberEditor, requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { notFound, UserInputError } from '../../common/errors';
import { requireUuid } from '../../common/validation';
import { memberById } from '../members/member.loaders';
import { DataSource } from './data-source.entity';
import type { EmissionInventoryInput } from './emission-inventory.inputs';
import { EmissionInventory } from './emission-inventory.entity';
import { EmissionRecord } from './emission-record.entity';
import { dataSourceById } from './emission.loaders';
import { validSubmission } from './inventory-submission';
import { refreshMemberFigures } from '../targets/member-figures';
import { refreshInventoryTotals } from './inventory-totals';

const UPSERT_INVENTORY = `
  insert into emission_inventory (id, created_at, updated_at, version, member_id, year, standard, is_baseline,
    verification_status, is_public, published_at, data_source_id, tool_name, total_emissions_tco2e)
  values (gen_random_uuid(), now(), now(), 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
  on conflict (member_id, year, standard) do update set
    updated_at = now(), version = emission_inventory.version + 1, is_baseline = excluded.is_baseline,
    verification_status = excluded.verification_status, is_public = excluded.is_public,
    published_at = excluded.published_at, data_source_id = excluded.data_source_id, tool_name = excluded.tool_name
  returning id`;

/**
 * Creates or replaces the inventory of (member, year, standard) with all its records, in one transaction.
 * Everything is validated before the first write, so a rejected submission changes nothing.
 */
export async function submitEmissionInventory(
  ctx: RequestContext,
  input: EmissionInventoryInput,
): Promise<EmissionInventory> {
  requireRole(ctx.viewer, 'submitEmissionInventory', ViewerRole.MEMBER_EDITOR);
  const memberId = requireUuid('input.memberId', input.memberId);
  requireMemberEditor(ctx.viewer, memberId, 'submitEmissionInventory');
  const submission = validSubmission(input);
  if (!(await memberById(ctx).load(memberId))) throw notFound('input.memberId', 'Member', memberId);
  const existingSourceId = input.dataSourceId ? requireUuid('input.dataSourceId', input.dataSourceId) : null;
  if (existingSourceId && !(await dataSourceById(ctx).load(existingSourceId))) {
    throw new UserInputError('input.dataSourceId', `no data source has id ${existingSourceId}`);
  }

  const inventoryId = await ctx.em.transactional(async (em) => {
    let dataSourceId = existingSourceId;
    if (submission.dataSource) {
      const source = em.create(DataSource, submission.dataSource);
      await em.flush();
      dataSourceId = source.id;
    }
    const [{ id }] = await em.execute<{ id: string }[]>(UPSERT_INVENTORY, [
      memberId,
      submission.year,
      input.standard,
      input.isBaseline,
      input.verificationStatus,
      input.isPublic,
      input.publishedAt ?? null,
      dataSourceId,
      submission.toolName,
    ]);
    await em.nativeDelete(EmissionRecord, { inventory: id });
    const now = new Date();
    await em.insertMany(
      EmissionRecord,
      submission.records.map((record) => ({
        ...record,
        id: randomUUID(),
        inventory: id,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await refreshInventoryTotals(em, [id]);
    await refreshMemberFigures(em, [memberId]);
    return id;
  });
  return ctx.em.findOneOrFail(EmissionInventory, inventoryId, { refresh: true });
}
