import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

let api: TestApp;
let orm: MikroORM;
beforeAll(async () => {
  api = await startTestApp();
  orm = api.orm;
});
afterAll(() => api.close());

describe('migrations', () => {
  it('match the entities (if this fails, run `npm run db:migration:create` and commit the migration)', async () => {
    const pending = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim(), 'SQL the entities need that no migration applies').toBe('');
  });
});
