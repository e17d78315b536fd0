import type { EntityManager } from '@mikro-orm/postgresql';
import { standardRankSql } from './standard-preference';

/** Every member at once, instead of a list of ids: the seeders compute all figures with one statement per table. */
export const EVERY_MEMBER = Symbol('every member');
export type MemberSelection = readonly string[] | typeof EVERY_MEMBER;

/**
 * An SQL condition limiting `column` to the given member ids, and its parameters. An array (`= any`), not `in
 * (subquery)`: the planner then looks the ids up in the column's index instead of joining the whole table to the list
 * (at x10: 0.2 ms instead of 90 ms for one member's rows).
 */
export function membersCondition(column: string, memberIds: MemberSelection): [string, unknown[]] {
  if (memberIds === EVERY_MEMBER) return ['true', []];
  return [
    `${column} = any(array(select value::uuid from json_array_elements_text(?::json)))`,
    [JSON.stringify(memberIds)],
  ];
}

/** The members' inventories, each marked whether it is the preferred one of its year among all and among public ones. */
function rankedInventories(members: string): string {
  const rank = standardRankSql('i.standard');
  return `select i.id, i.member_id, i.year, i.standard, i.is_public, i.total_emissions_tco2e, i.total_final_energy_mwh,
      row_number() over (partition by i.member_id, i.year order by ${rank}) = 1 as preferred,
      i.is_public and row_number() over (partition by i.member_id, i.year, i.is_public order by ${rank}) = 1
        as preferred_public
    from emission_inventory i where ${members}`;
}

/**
 * Recomputes the maintained emission figures (inventory_line_total, member_year_total, member_year_sector_total) of the given members from
 * their inventories and records. Every write of inventories calls it in the same
 * transaction, so the figures never disagree with the records.
 */
export async function refreshEmissionFigures(em: EntityManager, memberIds: MemberSelection): Promise<void> {
  const [lineMembers, lineParams] = membersCondition('member_id', memberIds);
  const [inventoryMembers, inventoryParams] = membersCondition('i.member_id', memberIds);
  await em.execute(`delete from inventory_line_total where ${lineMembers}`, lineParams);
  await em.execute(`delete from member_year_total where ${lineMembers}`, lineParams);
  await em.execute(`delete from member_year_sector_total where ${lineMembers}`, lineParams);
  // an inventory line is one record (emission_record_inventory_line_unique): its sums are the record's values, with
  // no grouping of every record (at x1, all members: 4.0 s instead of 11.2 s on a loaded machine; same plan per member)
  await em.execute(
    `insert into inventory_line_total (inventory_id, sector, energy_carrier, scope, member_id, year, standard,
       is_public, preferred, preferred_public, emissions_tco2e, final_energy_mwh)
     select inv.id, r.sector, r.energy_carrier, r.scope, inv.member_id, inv.year, inv.standard, inv.is_public,
       inv.preferred, inv.preferred_public, r.emissions_tco2e, r.final_energy_mwh
     from (${rankedInventories(inventoryMembers)}) inv join emission_record r on r.inventory_id = inv.id`,
    inventoryParams,
  );
  await em.execute(
    `insert into member_year_total (member_id, year, public_only, standard, emissions_tco2e, final_energy_mwh,
       has_records)
     select inv.member_id, inv.year, v.public_only, inv.standard, inv.total_emissions_tco2e,
       inv.total_final_energy_mwh, exists (select 1 from emission_record r where r.inventory_id = inv.id)
     from (${rankedInventories(inventoryMembers)}) inv cross join (values (false), (true)) v(public_only)
     where case when v.public_only then inv.preferred_public else inv.preferred end`,
    inventoryParams,
  );
  // from the lines just written: the preferred inventory's lines, summed per sector once per inventory, then
  // written for each variant the inventory is preferred in (summing every line twice took 33 s at x10)
  await em.execute(
    `insert into member_year_sector_total (member_id, year, public_only, sector, emissions_tco2e, final_energy_mwh)
     select s.member_id, s.year, v.public_only, s.sector, s.emissions_tco2e, s.final_energy_mwh
     from (select f.member_id, f.year, f.sector, f.preferred, f.preferred_public,
             sum(f.emissions_tco2e) as emissions_tco2e, sum(f.final_energy_mwh) as final_energy_mwh
           from inventory_line_total f where ${lineMembers} and (f.preferred or f.preferred_public)
           group by f.inventory_id, f.member_id, f.year, f.sector, f.preferred, f.preferred_public) s
     cross join (values (false), (true)) v(public_only)
     where case when v.public_only then s.preferred_public else s.preferred end`,
    lineParams,
  );
}
