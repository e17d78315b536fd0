import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../support/test-app';
import { errorCode, send } from './support';

const WIEN = NAMED_MEMBERS.wien.id;

let production: TestApp;
let development: TestApp;
const logLines: Record<string, any>[] = [];
beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  production = await startTestApp({ production: true }, { logger });
  development = await startTestApp();
});
afterAll(async () => {
  await production?.close();
  await development?.close();
});

describe('in production', () => {
  it.each([
    ['__schema', '{ __schema { queryType { name } types { name } } }'],
    ['__type', '{ __type(name: "Member") { name fields { name } } }'],
  ])('refuses introspection through %s', async (_name, query) => {
    const answer = await send(production, { query });
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.json!.data).toBeUndefined();
    expect(answer.body).not.toContain('MemberConnection');
  });

  it('suggests no field names, where development does', async () => {
    const query = '{ membrs { totalCount } }';
    const answer = await send(production, { query });
    expect(errorCode(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.json!.errors[0].message).toMatch(/Cannot query field "membrs"/);
    expect(answer.body).not.toMatch(/Did you mean|"members"/);
    const dev = await send(development, { query });
    expect(dev.json!.errors[0].message).toMatch(/Did you mean "members"/);
  });

  it('serves no explorer page', async () => {
    const answer = await send(production, null, { method: 'GET', headers: { accept: 'text/html' } });
    expect(answer.headers['content-type']).not.toMatch(/text\/html/);
    expect(answer.body).not.toMatch(/sandbox|explorer/i);
  });

  it('sends no stack traces, where development does', async () => {
    const query = '{ members(first: 101) { nodes { name } } }';
    const answer = await send(production, { query });
    expect(answer.json!.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const dev = await send(development, { query });
    expect(dev.json!.errors[0].extensions.stacktrace).toEqual(expect.any(Array));
  });

  it('masks a resolver error that would leak SQL, and logs it in full with the request id', async () => {
    const connection = production.orm.em.getConnection();
    await connection.execute('alter table population_record rename to population_record_moved');
    let answer;
    try {
      answer = await send(production, { query: `{ member(id: "${WIEN}") { name population } }` });
    } finally {
      await connection.execute('alter table population_record_moved rename to population_record');
    }
    expect(answer.json!.data).toEqual({ member: { name: 'Wien', population: null } });
    expect(answer.json!.errors).toEqual([
      {
        message: 'Internal server error',
        locations: expect.any(Array),
        path: ['member', 'population'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(answer.body).not.toMatch(/population_record|select|relation|does not exist|\.ts:|\bat /i);

    const requestId = answer.headers['x-request-id'];
    const logged = logLines.find((line) => line.reqId === requestId && line.msg === 'GraphQL operation failed');
    expect(logged).toBeDefined();
    expect(logged!.err.message).toMatch(/relation "population_record" does not exist/);
    expect(logged!.err.stack).toMatch(/\bat /);
  });
});
