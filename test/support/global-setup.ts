import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { initOrm, migrate } from '../../src/db/orm';
import { entities } from '../../src/modules';
import { TestScenarioSeeder } from '../scenarios/test-scenario.seeder';
import { onMaintenanceDatabase, startDatabaseServer } from './database-server';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * Once per test run: a template database, migrated and loaded with the named test scenarios. Each test file
 * then gets its own copy (CREATE DATABASE ... TEMPLATE), so files run in parallel and never see each other's writes.
 */
export default async function setup(project: TestProject) {
  const server = await startDatabaseServer();
  const run = `ca_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const template = `${run}_template`;
  const maintenanceUrl = server.urlFor('postgres');
  await onMaintenanceDatabase(maintenanceUrl, [`create database "${template}"`]);
  const orm = await initOrm({ clientUrl: server.urlFor(template), entities });
  try {
    await migrate(orm);
    await orm.em.fork().transactional((em) => new TestScenarioSeeder().run(em));
  } finally {
    await orm.close();
  }
  project.provide('databaseServerUrl', maintenanceUrl);
  project.provide('templateDatabase', template);

  return async () => {
    const client = new (await import('pg')).Client({ connectionString: maintenanceUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${run}%`],
      );
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await client.end();
    }
    await server.stop();
  };
}
