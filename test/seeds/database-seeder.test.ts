import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { initOrm, migrate } from '../../src/db/orm';
import { seedDatabase } from '../../seeds/seed-database';
import { entities } from '../../src/modules';
import { rebuildAllFigures } from '../../src/modules/targets/member-figures.service';
import type { SeedStep } from '../../seeds/scale';
import { onMaintenanceDatabase } from '../support/database-server';
import { COUNTRY_BOUNDS, MEMBER_COUNTRIES, OTHER_AMAZON_COUNTRIES } from './country-facts';

const WELL_KNOWN_MEMBERS: [name: string, countryCode: string, category: string][] = [
  ['Frankfurt am Main', 'DE', 'CITY'],
  ['München', 'DE', 'CITY'],
  ['Bremen', 'DE', 'CITY'],
  ['Wien', 'AT', 'CITY'],
  ['Wiener Neustadt', 'AT', 'CITY'],
  ['St. Pölten', 'AT', 'CITY'],
  ['Bozen/Bolzano', 'IT', 'CITY'],
  ['Città di Castello', 'IT', 'CITY'],
  ['Modena', 'IT', 'CITY'],
  ['Mondercange', 'LU', 'MUNICIPALITY'],
  ['Contern', 'LU', 'MUNICIPALITY'],
  ['Cascais', 'PT', 'CITY'],
  ['Dolyna', 'UA', 'CITY'],
  ['Province of Barcelona', 'ES', 'PROVINCE_REGION'],
];

const maintenanceUrl = inject('databaseServerUrl');
const prefix = `${inject('templateDatabase').replace(/_template$/, '')}_seed_${process.pid}`;
const databases = [`${prefix}_a`, `${prefix}_b`];
/** Migrated only: the schema a seeded database must have once its bulk load rebuilt the indexes and keys. */
const migratedOnly = `${prefix}_migrated`;
const orms: MikroORM[] = [];
const progress: SeedStep[] = [];

/** A fresh empty database, migrated, then seeded as `npm run db:seed` and the first embedded start do. */
async function seededDatabase(name: string): Promise<MikroORM> {
  await onMaintenanceDatabase(maintenanceUrl, [`create database "${name}"`]);
  const url = Object.assign(new URL(maintenanceUrl), { pathname: `/${name}` }).toString();
  const orm = await initOrm({ clientUrl: url, entities, statementTimeoutMs: 120_000 });
  orms.push(orm);
  await migrate(orm);
  await seedDatabase(orm, name === databases[0] ? { progress: (step) => progress.push(step) } : {});
  return orm;
}

function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return orms[0].em.getConnection().execute<T[]>(query, params);
}

beforeAll(async () => {
  // seeded twice, side by side, to check both runs write the same rows
  await Promise.all(databases.map(seededDatabase));
}, 600_000);

afterAll(async () => {
  await Promise.all(orms.map((orm) => orm.close()));
  await onMaintenanceDatabase(
    maintenanceUrl,
    [...databases, migratedOnly].map((name) => `drop database if exists "${name}" with (force)`),
  );
});

/**
 * The columns the seeders generate, per bulk table, and what the batched inserts before COPY wrote into them at
 * scale 1 (commit 7a2295f): row count and md5 of the rows in id order. A change to the generators changes these on
 * purpose; the switch to COPY must not.
 */
const GENERATED: Record<string, [columns: string, count: number, md5: string]> = {
  member: [
    'id, name, category, membership_type, status, country_code, coordination_office_id, joined_on, left_on, ' +
      'latitude, longitude, lau_code, geonames_id, website',
    1998,
    '76132efd120070be3f5509277b1ca63d',
  ],
  population_record: ['id, member_id, year, population', 11892, 'bf713156f9a60766e3953b6130f1757a'],
  emission_inventory: [
    'id, member_id, year, standard, is_baseline, verification_status, is_public, data_source_id, tool_name, ' +
      'total_emissions_tco2e, total_final_energy_mwh',
    14737,
    '0075497380b1303a2c483f2bad5dce75',
  ],
  emission_record: [
    'id, inventory_id, sector, energy_carrier, scope, final_energy_mwh, emissions_tco2e, data_quality, notation_key, ' +
      'notation_explanation',
    442110,
    '3baab33bd4ad825e0cb0f3fdd6a64588',
  ],
  climate_target: [
    'id, member_id, origin, type, base_year, target_year, reduction_percent, per_capita_target_t, legal_status, adopted_on',
    3740,
    'e2090f617d137da9521c829d89768c42',
  ],
  timber_procurement: [
    'id, commitment_id, year, product_category, species, is_tropical, volume_m3, value_eur, ' +
      'country_of_production_code, certification_scheme, certification_claim, certificate_code, ' +
      'due_diligence_reference, compliance, non_compliance_reason',
    5800,
    'c1dc937ee5ca66132076611aa04ae47a',
  ],
};

/** Every index and key of the schema, as PostgreSQL defines them. */
async function schemaKeys(orm: MikroORM): Promise<string[]> {
  const rows = await orm.em.getConnection().execute<{ definition: string }[]>(
    `select indexdef as definition from pg_indexes where schemaname = 'public'
     union all
     select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
     where connamespace = 'public'::regnamespace
     order by 1`,
  );
  return rows.map((row) => row.definition);
}

/** Every maintained figure row, in a fixed order. */
async function figureRows(em: MikroORM['em']) {
  return {
    lines: await em.execute('select * from inventory_line_total order by inventory_id, sector, energy_carrier, scope'),
    years: await em.execute('select * from member_year_total order by member_id, year, public_only'),
    sectors: await em.execute('select * from member_year_sector_total order by member_id, year, public_only, sector'),
    progress: await em.execute('select * from member_charter_progress order by member_id, public_only'),
  };
}

describe('DatabaseSeeder with COPY', () => {
  it.each(Object.entries(GENERATED))('writes the same %s rows as the batched inserts did', async (table, expected) => {
    const [columns, count, md5] = expected;
    const [row] = await sql<{ count: number; md5: string }>(
      `select count(*)::int as count, md5(string_agg(row(${columns})::text, E'\n' order by id)) as md5 from ${table}`,
    );
    expect(row).toEqual({ count, md5 });
  });

  it('stores inventory totals equal to the sums of their records, and the known grand totals', async () => {
    const [row] = await sql<{ disagreeing: number; inventories: number; records: string; totals: string }>(
      `select count(*) filter (where i.total_emissions_tco2e <> coalesce(r.tco2e, 0)
                                  or i.total_final_energy_mwh is distinct from r.mwh)::int as disagreeing,
              count(*)::int as inventories, sum(r.tco2e)::text as records, sum(i.total_emissions_tco2e)::text as totals
         from emission_inventory i
         left join (select inventory_id, sum(emissions_tco2e) as tco2e, sum(final_energy_mwh) as mwh
                      from emission_record group by inventory_id) r on r.inventory_id = i.id`,
    );
    expect(row).toEqual({ disagreeing: 0, inventories: 14737, records: '1404525942.154', totals: '1404525942.154' });
  });

  it('leaves every index and key of the migrations in place', async () => {
    await onMaintenanceDatabase(maintenanceUrl, [`create database "${migratedOnly}"`]);
    const url = Object.assign(new URL(maintenanceUrl), { pathname: `/${migratedOnly}` }).toString();
    const migrated = await initOrm({ clientUrl: url, entities });
    try {
      await migrate(migrated);
      const expected = await schemaKeys(migrated);
      expect(expected.length).toBeGreaterThan(50);
      expect(await schemaKeys(orms[0])).toEqual(expected);
    } finally {
      await migrated.close();
    }
  });

  it('computes the maintained figures equal to a recomputation member by member', async () => {
    const seeded = await figureRows(orms[0].em.fork());
    for (const rows of Object.values(seeded)) expect(rows.length).toBeGreaterThan(1000);
    const em = orms[0].em.fork();
    await em.begin();
    try {
      await rebuildAllFigures(em);
      expect(await figureRows(em)).toEqual(seeded);
    } finally {
      await em.rollback();
    }
  }, 300_000);
});

describe('DatabaseSeeder', () => {
  it('reports each step as it starts and as it ends, with how long it took', () => {
    const steps = [
      'countries',
      'emission-factors',
      'members',
      'emissions',
      'indigenous',
      'timber',
      'indexes',
      'figures',
    ];
    expect(progress.map(({ name, number, of }) => [name, number, of])).toEqual(
      steps.flatMap((name, index) => [
        [name, index + 1, steps.length],
        [name, index + 1, steps.length],
      ]),
    );
    expect(progress.map((step) => step.ms === undefined)).toEqual(steps.flatMap(() => [true, false]));
    for (const step of progress.filter((s) => s.ms !== undefined)) expect(step.ms).toBeGreaterThanOrEqual(0);
  });

  it('writes the 1,998 members', async () => {
    const [row] = await sql<{ count: number }>('select count(*)::int as count from member');
    expect(row.count).toBe(1998);
  });

  it('writes the 27 member countries (26 in Europe, Peru in the Amazon Basin) and the other Amazon countries', async () => {
    const countries = await sql<{ code: string; name: string; region: string; is_member_country: boolean }>(
      'select code, name, region, is_member_country from country',
    );
    const members = countries.filter((country) => country.is_member_country);
    expect(members.map((country) => country.name).sort()).toEqual([...MEMBER_COUNTRIES].sort());
    expect(members.filter((country) => country.region === 'EUROPE')).toHaveLength(26);
    expect(members.filter((country) => country.region === 'AMAZON_BASIN').map((country) => country.code)).toEqual([
      'PE',
    ]);
    const others = countries.filter((country) => !country.is_member_country);
    expect(others.map((country) => country.code).sort()).toEqual(OTHER_AMAZON_COUNTRIES);
    expect(others.every((country) => country.region === 'AMAZON_BASIN')).toBe(true);
  });

  it('places members only in member countries, with their national coordination office where there is one', async () => {
    const [row] = await sql<{ outside: number; without_office: number }>(
      `select count(*) filter (where not c.is_member_country)::int as outside,
              count(*) filter (where o.id is not null and m.coordination_office_id is distinct from o.id)::int as without_office
         from member m join country c on c.code = m.country_code
         left join coordination_office o on o.country_code = m.country_code`,
    );
    expect(row).toEqual({ outside: 0, without_office: 0 });
    const offices = await sql<{ country_code: string }>('select country_code from coordination_office order by 1');
    expect(offices.map((office) => office.country_code)).toEqual(['AT', 'CH', 'DE', 'HU', 'IT', 'LU', 'NL']);
  });

  it.each(WELL_KNOWN_MEMBERS)('includes %s (%s) as %s', async (name, countryCode, category) => {
    const rows = await sql<{ country_code: string; category: string; status: string }>(
      'select country_code, category, status from member where name = ?',
      [name],
    );
    expect(rows).toEqual([{ country_code: countryCode, category, status: 'ACTIVE' }]);
  });

  it('follows the real spread: Austria and Germany hold the most, then Italy', async () => {
    const rows = await sql<{ country_code: string; count: number }>(
      'select country_code, count(*)::int as count from member group by 1 order by 2 desc, 1',
    );
    expect(rows.slice(0, 3).map((row) => row.country_code)).toEqual(['AT', 'DE', 'IT']);
    const at = rows[0].count;
    const de = rows[1].count;
    expect(at).toBeGreaterThan(900);
    expect(at).toBeLessThan(1050);
    expect(de).toBeGreaterThan(500);
    expect(de).toBeLessThan(600);
    expect(rows).toHaveLength(27);
  });

  it('puts every member with coordinates inside its country', async () => {
    const members = await sql<{
      name: string;
      country_code: string;
      latitude: number | null;
      longitude: number | null;
    }>('select name, country_code, latitude, longitude from member');
    const outside = members.filter((member) => {
      if (member.latitude === null || member.longitude === null) return false;
      const [south, north, west, east] = COUNTRY_BOUNDS[member.country_code];
      return !(
        member.latitude >= south &&
        member.latitude <= north &&
        member.longitude >= west &&
        member.longitude <= east
      );
    });
    expect(outside).toEqual([]);
    expect(members.filter((member) => member.latitude === null).length).toBeLessThanOrEqual(5);
  });

  it('gives plausible dates and population records', async () => {
    const [dates] = await sql<{
      before_1990: number;
      applied_with_date: number;
      joined_without_date: number;
      bad_left: number;
    }>(
      `select count(*) filter (where joined_on < '1990-01-01')::int as before_1990,
              count(*) filter (where status = 'APPLIED' and joined_on is not null)::int as applied_with_date,
              count(*) filter (where status <> 'APPLIED' and joined_on is null)::int as joined_without_date,
              count(*) filter (where (status = 'LEFT') <> (left_on is not null) or left_on <= joined_on)::int as bad_left
         from member`,
    );
    expect(dates).toEqual({ before_1990: 0, applied_with_date: 0, joined_without_date: 0, bad_left: 0 });
    const [wien] = await sql<{ years: number[]; latest: number }>(
      `select array_agg(year order by year) as years, max(population) filter (where year = 2023) as latest
         from population_record pr join member m on m.id = pr.member_id where m.name = 'Wien'`,
    );
    expect(wien.years).toEqual([1990, 2000, 2010, 2015, 2020, 2023]);
    expect(wien.latest).toBeGreaterThan(1_500_000);
    expect(wien.latest).toBeLessThan(2_100_000);
    const [records] = await sql<{ non_positive: number; cities_without: number }>(
      `select (select count(*) from population_record where population <= 0)::int as non_positive,
              (select count(*) from member m where m.category = 'CITY'
                 and not exists (select 1 from population_record pr where pr.member_id = m.id))::int as cities_without`,
    );
    expect(records).toEqual({ non_positive: 0, cities_without: 0 });
  });

  it('is deterministic: a second run writes the same countries, offices, members and population records', async () => {
    const snapshot = async (orm: MikroORM) => {
      const connection = orm.em.getConnection();
      return {
        countries: await connection.execute('select code, name, region, is_member_country from country order by code'),
        offices: await connection.execute(
          'select id, name, country_code, website from coordination_office order by id',
        ),
        members: await connection.execute(
          `select id, name, category, membership_type, status, country_code, coordination_office_id, joined_on, left_on,
                  latitude, longitude, lau_code, geonames_id, website from member order by id`,
        ),
        populations: await connection.execute(
          'select id, member_id, year, population from population_record order by id',
        ),
      };
    };
    const [first, second] = await Promise.all(orms.map(snapshot));
    expect(first.members).toHaveLength(1998);
    expect(second).toEqual(first);
  });
});
