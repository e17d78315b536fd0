import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pooledRows } from '../../src/common/pooled-statement.sql';
import { startTestApp, type TestApp } from '../support/test-app';

const BY_CODE = {
  sql: 'select code, name from country where code = ?',
  native: 'select code, name from country where code = $1',
  name: 'pooled_statement_test_by_code',
};

describe('pooledRows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads the rows of a named statement on a pooled connection, counted as one statement', async () => {
    t.resetStatementCount();
    const first = await pooledRows(t.orm.em.getKnex(), BY_CODE, ['AT']);
    const again = await pooledRows(t.orm.em.getKnex(), BY_CODE, ['DE']);
    expect(first).toEqual([{ code: 'AT', name: 'Austria' }]);
    expect(again.map((row) => row.code)).toEqual(['DE']);
    expect(t.statementTexts()).toEqual([BY_CODE.native, BY_CODE.native]);
  });

  it('fails as knex does: the statement before the driver message, the driver code kept', async () => {
    const statement = { sql: 'select ?::uuid as id', native: 'select $1::uuid as id', name: undefined };
    const failure = await pooledRows(t.orm.em.getKnex(), statement, ['not-a-uuid']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^select \$1::uuid as id - invalid input syntax for type uuid/);
    expect((failure as { code?: string }).code).toBe('22P02');
  });

  it('runs inside a transaction on its connection, seeing its writes', async () => {
    const seen = await t.orm.em.fork().transactional(async (em: EntityManager) => {
      await em.getKnex().raw(`update country set name = 'Österreich (in the transaction)' where code = 'AT'`);
      const rows = await pooledRows(em.getKnex(), BY_CODE, ['AT']);
      await em.getKnex().raw(`update country set name = 'Austria' where code = 'AT'`);
      return rows;
    });
    expect(seen).toEqual([{ code: 'AT', name: 'Österreich (in the transaction)' }]);
  });
});
