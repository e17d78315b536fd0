import { randomUUID } from 'node:crypto';
import { requireMemberEditor, requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { notFound, UserInputError } from '../../common/errors';
import { requireUuid } from '../../common/validation';
import { memberById } from '../members/member.loaders';
import { DataSource } from './data-source.entity';
import type { EmissionInventoryInput, InventoryHeaderInput } from './emission-inventory.inputs';
import { EmissionInventory } from './emission-inventory.entity';
import { EmissionRecord } from './emission-record.entity';
import { dataSourceById } from './emission.loaders';
import { type ValidHeader, type ValidRecord, validSubmission } from './inventory-submission.rules';
import { refreshMemberFigures } from '../targets/member-figures.service';
import { refreshInventoryTotals } from './inventory-totals.sql';

const UPSERT_INVENTORY = `
  insert into emission_inventory (id, created_at, updated_at, version, member_id, year, standard, is_baseline,
    verification_status, is_public, published_at, data_source_id, tool_name, total_emissions_tco2e)
  values (gen_random_uuid(), now(), now(), 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
  on conflict (member_id, year, standard) do update set
    updated_at = now(), version = emission_inventory.version + 1, is_baseline = excluded.is_baseline,
    verification_status = excluded.verification_status, is_public = excluded.is_public,
    published_at = excluded.published_at, data_source_id = excluded.data_source_id, tool_name = excluded.tool_name
  returning id`;

/** A record as stored: a valid record, and for a computed one the factor and the set version it came from. */
export interface StoredRecord extends ValidRecord {
  emissionFactorTco2ePerMwh: number | null;
  emissionFactorSet: string | null;
}

/** The checks every inventory write makes before any other: the role, the member's id and the editor's scope. */
export function requireInventoryWriter(ctx: RequestContext, action: string, input: InventoryHeaderInput): string {
  requireRole(ctx.viewer, action, ViewerRole.MEMBER_EDITOR);
  const memberId = requireUuid('input.memberId', input.memberId);
  requireMemberEditor(ctx.viewer, memberId, action);
  return memberId;
}

/**
 * Stores the inventory of (member, year, standard) with `records`, replacing any earlier one and its records, then
 * its totals and the member's maintained figures: the one write path of entered and computed inventories. The
 * caller has validated everything; the existing data source is checked here, before the first write.
 */
export async function storeInventory(
  ctx: RequestContext,
  memberId: string,
  input: InventoryHeaderInput,
  header: ValidHeader,
  records: readonly StoredRecord[],
): Promise<EmissionInventory> {
  const existingSourceId = input.dataSourceId ? requireUuid('input.dataSourceId', input.dataSourceId) : null;
  if (existingSourceId && !(await dataSourceById(ctx).load(existingSourceId))) {
    throw new UserInputError('input.dataSourceId', `no data source has id ${existingSourceId}`);
  }

  const inventoryId = await ctx.em.transactional(async (em) => {
    let dataSourceId = existingSourceId;
    if (header.dataSource) {
      const source = em.create(DataSource, header.dataSource);
      await em.flush();
      dataSourceId = source.id;
    }
    const [{ id }] = await em.execute<{ id: string }[]>(UPSERT_INVENTORY, [
      memberId,
      header.year,
      input.standard,
      input.isBaseline,
      input.verificationStatus,
      input.isPublic,
      input.publishedAt ?? null,
      dataSourceId,
      header.toolName,
    ]);
    await em.nativeDelete(EmissionRecord, { inventory: id });
    const now = new Date();
    await em.insertMany(
      EmissionRecord,
      records.map((record) => ({
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

/**
 * Creates or replaces the inventory of (member, year, standard) with all its records, in one transaction.
 * Everything is validated before the first write, so a rejected submission changes nothing.
 */
export async function submitEmissionInventory(
  ctx: RequestContext,
  input: EmissionInventoryInput,
): Promise<EmissionInventory> {
  const memberId = requireInventoryWriter(ctx, 'submitEmissionInventory', input);
  const submission = validSubmission(input);
  if (!(await memberById(ctx).load(memberId))) throw notFound('input.memberId', 'Member', memberId);
  const records = submission.records.map((record) => ({
    ...record,
    emissionFactorTco2ePerMwh: null,
    emissionFactorSet: null,
  }));
  return storeInventory(ctx, memberId, input, submission, records);
}
