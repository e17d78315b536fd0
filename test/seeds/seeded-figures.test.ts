import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { initOrm, migrate } from '../../src/db/orm';
import { seedDatabase } from '../../seeds/seed-database';
import { entities } from '../../src/modules';
import { FIGURE_TABLES, rebuildAllFigures } from '../../src/modules/targets/member-figures.service';
import { onMaintenanceDatabase } from '../support/database-server';

const maintenanceUrl = inject('databaseServerUrl');
const name = `${inject('templateDatabase').replace(/_template$/, '')}_seeded_figures_${process.pid}`;
let orm: MikroORM;

beforeAll(async () => {
  await onMaintenanceDatabase(maintenanceUrl, [`create database "${name}"`]);
  const url = Object.assign(new URL(maintenanceUrl), { pathname: `/${name}` }).toString();
  orm = await initOrm({ clientUrl: url, entities, statementTimeoutMs: 120_000 });
  await migrate(orm);
  await seedDatabase(orm);
}, 600_000);

afterAll(async () => {
  await orm?.close();
  await onMaintenanceDatabase(maintenanceUrl, [`drop database if exists "${name}" with (force)`]);
});

/**
 * Every table of maintained figures: the members' own, their groups, and every network table (found by name, so
 * a network table added later is compared too).
 */
async function maintainedTables(em: EntityManager): Promise<string[]> {
  const network = await em.execute<{ name: string }[]>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_name like 'network\\_%' order by 1`,
  );
  return [...FIGURE_TABLES, 'member_figure_group', ...network.map((table) => table.name)];
}

/** Each table's rows, in an order that depends on their values alone. */
async function snapshot(em: EntityManager, tables: string[]): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = await em.execute(`select * from ${table} r order by r::text`);
  return rows;
}

describe('the seed', () => {
  it('leaves exactly the maintained figures db:rebuild-figures computes, network totals included', async () => {
    const tables = await maintainedTables(orm.em.fork());
    expect(tables).toEqual(expect.arrayContaining(['network_year_total', 'network_member_sector_year_count']));
    const seeded = await snapshot(orm.em.fork(), tables);
    for (const table of tables) expect({ table, rows: seeded[table].length > 100 }).toEqual({ table, rows: true });
    const em = orm.em.fork();
    await em.begin();
    try {
      for (const table of tables) await em.execute(`delete from ${table}`);
      await rebuildAllFigures(em);
      expect(await snapshot(em, tables)).toEqual(seeded);
    } finally {
      await em.rollback();
    }
  }, 300_000);
});
