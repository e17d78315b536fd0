import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG } from '../../scenarios/indigenous.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const CREATE_KEY = `
  mutation CreateKey($input: ApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { role organisationId } }
  }`;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

describe('INDIGENOUS_STEWARD keys', () => {
  it('are scoped to an indigenous organisation that exists', async () => {
    const { data, errors } = await api.graphql(
      CREATE_KEY,
      { input: { name: 'FOIRN data steward', role: 'INDIGENOUS_STEWARD', organisationId: ORG.foirn } },
      { key: TEST_ADMIN_SECRET },
    );
    expect(errors).toBeUndefined();
    expect(data!.createApiKey.apiKey).toEqual({ role: 'INDIGENOUS_STEWARD', organisationId: ORG.foirn });
    const viewer = await api.graphql('{ viewer { role organisationId } }', {}, { key: data!.createApiKey.key });
    expect(viewer.data!.viewer).toEqual({ role: 'INDIGENOUS_STEWARD', organisationId: ORG.foirn });
  });

  it('are refused for an organisation id that does not exist, naming the field, and nothing is stored', async () => {
    const before = await api.countRows('api_key');
    const { data, errors } = await api.graphql(
      CREATE_KEY,
      {
        input: {
          name: 'nobody',
          role: 'INDIGENOUS_STEWARD',
          organisationId: '00000000-0000-4000-8000-00000000abcd',
        },
      },
      { key: TEST_ADMIN_SECRET },
    );
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organisationId' });
    expect(await api.countRows('api_key')).toBe(before);
  });
});
