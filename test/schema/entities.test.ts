import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedMemberId, NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../support/test-app';

const ENTITIES = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Member { id name }
      ... on Country { code name region }
    }
  }`;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const member = (id: string) => ({ __typename: 'Member', id });

describe('_entities', () => {
  it('resolves 50 Member representations in order with one SQL statement', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => generatedMemberId(50 - i));
    api.resetStatementCount();
    const response = await api.graphql(ENTITIES, { representations: ids.map(member) });
    expect(response.errors).toBeUndefined();
    expect(api.statementCount()).toBe(1);
    expect(response.data!._entities).toEqual(
      ids.map((id, i) => ({ __typename: 'Member', id, name: `Testgemeinde ${String(50 - i).padStart(3, '0')}` })),
    );
  });

  it('resolves unknown and malformed ids to null without failing the query', async () => {
    const representations = [
      member(NAMED_MEMBERS.wien.id),
      member('00000000-0000-4000-8000-00000000ffff'),
      member('not-a-uuid'),
      member(NAMED_MEMBERS.contern.id.toUpperCase()),
    ];
    api.resetStatementCount();
    const response = await api.graphql(ENTITIES, { representations });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      { __typename: 'Member', id: NAMED_MEMBERS.wien.id, name: 'Wien' },
      null,
      null,
      { __typename: 'Member', id: NAMED_MEMBERS.contern.id, name: 'Contern' },
    ]);
    expect(api.statementCount()).toBe(1);
  });

  it('resolves Country representations by code, in any case, unknown ones to null', async () => {
    const representations = ['PE', 'at', 'XX', 'BR'].map((code) => ({ __typename: 'Country', code }));
    api.resetStatementCount();
    const response = await api.graphql(ENTITIES, { representations });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      { __typename: 'Country', code: 'PE', name: 'Peru', region: 'AMAZON_BASIN' },
      { __typename: 'Country', code: 'AT', name: 'Austria', region: 'EUROPE' },
      null,
      { __typename: 'Country', code: 'BR', name: 'Brazil', region: 'AMAZON_BASIN' },
    ]);
    expect(api.statementCount()).toBe(1);
  });

  it('resolves Members and Countries together with one statement per type', async () => {
    const representations = [
      member(NAMED_MEMBERS.muenchen.id),
      { __typename: 'Country', code: 'LU' },
      member(NAMED_MEMBERS.mondercange.id),
    ];
    api.resetStatementCount();
    const response = await api.graphql(ENTITIES, { representations });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities.map((entity: { name: string }) => entity.name)).toEqual([
      'München',
      'Luxembourg',
      'Mondercange',
    ]);
    expect(api.statementCount()).toBe(2);
  });
});
