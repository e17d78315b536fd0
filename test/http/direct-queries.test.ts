import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DirectQueries } from '../../src/http/direct-queries';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';

let api: TestApp;
const directAnswers = vi.spyOn(DirectQueries.prototype as unknown as { answer: () => unknown }, 'answer');

beforeAll(async () => {
  // as in production: no stack traces, which show where an error passed and so differ between the two paths
  api = await startTestApp({ production: true });
});
afterAll(async () => {
  directAnswers.mockRestore();
  await api?.close();
});

/** What a client sees of an answer, less what differs between any two requests (their id, the budget left). */
async function seen(payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  const answer = await api.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload,
  });
  const {
    'x-request-id': _id,
    date: _date,
    'ratelimit-remaining': _left,
    'ratelimit-reset': _reset,
    ...kept
  } = answer.headers;
  const body = answer.body.replace(/"currentlyAvailable":\d+/, '').replace(/"resetInSeconds":\d+/, '');
  return { status: answer.statusCode, headers: kept, body };
}

const SENT_AGAIN: [string, Record<string, unknown>, Record<string, string>?][] = [
  ['a page of members', { query: '{ members(first: 3) { totalCount nodes { id name country { name } } } }' }],
  [
    'a resolver refusing an argument',
    { query: 'query ($id: ID!) { member(id: $id) { name } }', variables: { id: 'not-a-uuid' } },
  ],
  ['a field the viewer may not read', { query: '{ auditLog(first: 2) { totalCount } }' }],
  [
    'the same field read by an admin',
    { query: '{ auditLog(first: 3) { totalCount } }' },
    { authorization: `Bearer ${TEST_ADMIN_SECRET}` },
  ],
  [
    'an argument over the boundary',
    { query: '{ members(first: 2, filter: { nameContains: "\\u0001" }) { nodes { id } } }' },
  ],
  [
    'a query over the cost limit',
    { query: '{ members(first: 100) { nodes { inventories { records { sector } } } } }' },
  ],
  [
    'a page asked for as Apollo Client asks',
    { query: '{ members(first: 2) { nodes { name } } }' },
    { accept: 'application/graphql-response+json,application/json;q=0.9' },
  ],
  [
    'one operation of several, by name',
    { query: 'query Countries { countries { code } } query Me { viewer { role } }', operationName: 'Me' },
  ],
];

it.each(SENT_AGAIN)('answers %s sent again exactly as the first time', async (_what, payload, headers) => {
  directAnswers.mockClear();
  const first = await seen(payload, headers);
  expect(directAnswers).not.toHaveBeenCalled();
  const again = await seen(payload, headers);
  expect(directAnswers).toHaveBeenCalledTimes(1);
  expect(again).toEqual(first);
});

it('leaves to Apollo Server what it has not validated, mutations, and variables that do not coerce', async () => {
  const query = 'query ($id: ID!) { member(id: $id) { name } }';
  await seen({ query, variables: { id: '00000000-0000-0000-0000-000000000000' } });
  directAnswers.mockClear();
  const missing = await seen({ query, variables: {} });
  expect(missing.status).toBe(400);
  expect(missing.body).toContain('BAD_USER_INPUT');
  const mutation = { query: 'mutation { revokeApiKey(id: "00000000-0000-0000-0000-000000000000") { id } }' };
  await seen(mutation);
  const refused = await seen(mutation);
  expect(refused.body).toContain('UNAUTHENTICATED');
  const weighed = { accept: 'application/json;q=0.5, application/graphql-response+json;q=0.8' };
  await seen({ query: '{ countries { code } }' }, weighed);
  const negotiated = await seen({ query: '{ countries { code } }' }, weighed);
  expect(negotiated.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
  expect(directAnswers).not.toHaveBeenCalled();
});
