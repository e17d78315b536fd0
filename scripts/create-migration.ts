/**
 * Writes a migration for the difference between the entities and the database schema after all existing
 * migrations, into src/db/migrations/, and lists it in src/db/migrations/index.ts.
 * Runs on a throwaway embedded PostgreSQL unless DATABASE_URL is set.  Usage: npm run db:migration:create
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { initOrm, migrate } from '../src/db/orm';
import { entities } from '../src/modules';
import { projectRoot } from '../src/config';

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-migration-'));
  fs.chmodSync(dataDir, 0o755);
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), database: 'migration', log: () => undefined });
  const orm = await initOrm({ clientUrl: process.env.DATABASE_URL ?? embedded!.clientUrl, entities });
  try {
    await migrate(orm);
    const folder = path.join(projectRoot(), 'src', 'db', 'migrations');
    const result = await orm.getMigrator().createMigration(folder);
    if (!result.fileName) {
      console.log('No changes: the migrations already match the entities.');
      return;
    }
    const className = path.basename(result.fileName, '.ts');
    const indexFile = path.join(folder, 'index.ts');
    const index = fs.readFileSync(indexFile, 'utf8');
    const withImport = index.replace(/^(import type .*\n)/m, `$1import { ${className} } from './${className}';\n`);
    const withEntry = withImport.replace(/= \[(.*)\];/s, (_all, entries: string) => {
      const list = entries.trim() ? `${entries.trim().replace(/,$/, '')},\n  ` : '\n  ';
      return `= [${list}{ name: '${className}', class: ${className} },\n];`;
    });
    fs.writeFileSync(indexFile, withEntry);
    console.log(`Wrote src/db/migrations/${result.fileName} and listed it in index.ts`);
  } finally {
    await orm.close();
    await embedded?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
