/**
 * The floor: one hand-written statement per scenario, the whole answer (in our API's shape) built as JSON by PostgreSQL
 * and sent as text, so the server's own work is as small as it gets.
 */
const office = `case when o.id is null then null else json_build_object('name', o.name) end`;

export const FLOOR_STATEMENTS: Record<string, string> = {
  'members-20': `
    select json_build_object('data', json_build_object('members', json_build_object(
      'totalCount', (select count(*) from member),
      'nodes', coalesce(json_agg(json_build_object(
        'id', m.id, 'name', m.name, 'population', p.population,
        'country', json_build_object('name', c.name), 'coordinationOffice', ${office}
      ) order by m.name, m.id), '[]'))))::text as body
    from (select * from member order by name, id limit 20) m
    join country c on c.code = m.country_code
    left join coordination_office o on o.id = m.coordination_office_id
    left join lateral (
      select r.population from population_record r where r.member_id = m.id order by r.year desc limit 1
    ) p on true`,

  'austrian-100': `
    select json_build_object('data', json_build_object('members', json_build_object(
      'nodes', coalesce(json_agg(json_build_object(
        'id', m.id, 'name', m.name, 'category', m.category, 'status', m.status,
        'latitude', m.latitude, 'longitude', m.longitude
      ) order by m.name, m.id), '[]'))))::text as body
    from (select * from member where country_code = 'AT' order by name, id limit 100) m`,

  'fan-out': `
    select json_build_object('data', json_build_object('members', json_build_object(
      'nodes', coalesce(json_agg(json_build_object('name', m.name, 'inventories', i.list) order by m.name, m.id), '[]'))))::text
      as body
    from (select * from member order by name, id limit 10) m
    cross join lateral (
      select coalesce(json_agg(json_build_object(
        'year', inv.year, 'totalEmissionsTco2e', inv.total_emissions_tco2e, 'records', r.list
      ) order by inv.year, inv.standard), '[]') as list
      from emission_inventory inv
      cross join lateral (
        select coalesce(json_agg(json_build_object('sector', er.sector, 'emissionsTco2e', er.emissions_tco2e)
          order by er.sector, er.energy_carrier, er.scope), '[]') as list
        from emission_record er where er.inventory_id = inv.id
      ) r
      where inv.member_id = m.id
    ) i`,

  'member-series': `
    select json_build_object('data', json_build_object('member', (
      select json_build_object(
        'name', m.name,
        'targets', (
          select coalesce(json_agg(json_build_object(
            'origin', t.origin, 'type', t.type, 'baseYear', t.base_year, 'targetYear', t.target_year,
            'reductionPercent', t.reduction_percent
          ) order by t.origin, t.target_year, t.id), '[]')
          from climate_target t where t.member_id = m.id),
        'inventories', (
          select coalesce(json_agg(json_build_object(
            'year', inv.year, 'standard', inv.standard, 'totalEmissionsTco2e', inv.total_emissions_tco2e
          ) order by inv.year, inv.standard), '[]')
          from emission_inventory inv where inv.member_id = m.id))
      from member m where m.id = $1)))::text as body`,

  'entities-50': `
    select json_build_object('data', json_build_object('_entities', coalesce(json_agg(json_build_object(
      'id', m.id, 'name', m.name, 'country', json_build_object('name', c.name)
    ) order by r.position), '[]')))::text as body
    from unnest($1::uuid[]) with ordinality r(id, position)
    join member m on m.id = r.id
    join country c on c.code = m.country_code`,
};
