import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../support/test-app';

const QUERY = `query { member(id: "${NAMED_MEMBERS.wien.id}") { name populationHistory { year } } }`;

describe.each([
  ['development', false],
  ['production', true],
])('an unexpected resolver error (%s)', (_mode, production) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ production });
    // this test file's own database copy loses a table, so the resolver's SQL fails as a bug would
    await api.orm.em.getConnection().execute('drop table population_record');
  });
  afterAll(() => api.close());

  it('is masked as INTERNAL_SERVER_ERROR without SQL, table names or stack', async () => {
    const response = await api.graphql(QUERY, {}, { headers: { 'x-request-id': 'masked-1' } });
    expect(response.status).toBe(200);
    // populationHistory is non-null, so the null reaches up to member
    expect(response.data).toEqual({ member: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toEqual({
      message: 'Internal server error',
      locations: [{ line: 1, column: QUERY.indexOf('populationHistory') + 1 }],
      path: ['member', 'populationHistory'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const body = JSON.stringify(response);
    for (const leak of [
      'population_record',
      'select',
      'relation',
      'does not exist',
      'stacktrace',
      '.ts:',
      'node_modules',
    ]) {
      expect(body).not.toContain(leak);
    }
  });
});

describe('errors meant for the caller', () => {
  it('keep their message and code, and carry no stack trace in production', async () => {
    const api = await startTestApp({ production: true });
    try {
      const response = await api.graphql(`query { member(id: "nope") { name } }`);
      expect(response.errors![0].message).toBe('id: "nope" is not a valid ID (a UUID)');
      expect(response.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    } finally {
      await api.close();
    }
  });
});
