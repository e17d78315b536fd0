import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(async () => {
  await api?.close();
});

it("answers an operation name the document does not have as the caller's mistake", async () => {
  const answer = await api.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: { query: 'query WhoAmI { viewer { role } }', operationName: 'MembersInLuxembourg' },
  });
  const body = answer.json();
  expect(body.errors[0].message).toBe('Unknown operation named "MembersInLuxembourg".');
  expect(body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  expect(answer.statusCode).toBeLessThan(500);
});
