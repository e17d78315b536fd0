import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { CacheScope, operationScope } from '../../src/http/response-cache/cache-scope';
import { buildFederatedSchema } from '../../src/schema/build-schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildFederatedSchema();
});

const scopeOf = (query: string, operationName?: string) => operationScope(schema, parse(query), operationName);

describe('the cache scope of an operation', () => {
  it.each([
    ['reference data only', '{ countries { code name } }', CacheScope.PUBLIC],
    ['the subgraph SDL', '{ _service { sdl } }', CacheScope.PUBLIC],
    ['members: shaped by the viewer', '{ members(first: 1) { nodes { name } } }', CacheScope.VIEWER_CLASS],
    [
      'reference data with members',
      '{ countries { code } members(first: 1) { nodes { id } } }',
      CacheScope.VIEWER_CLASS,
    ],
    ['the caller itself', '{ viewer { role } }', CacheScope.NONE],
    ['API keys', '{ apiKeys { id } }', CacheScope.NONE],
    ['the audit log', '{ auditLog(first: 1) { totalCount } }', CacheScope.NONE],
    ['the access log', '{ accessLog(first: 1) { totalCount } }', CacheScope.NONE],
    ['a mutation', 'mutation { revokeApiKey(id: "x") { id } }', CacheScope.NONE],
    ['introspection', '{ __schema { queryType { name } } }', CacheScope.PUBLIC],
  ])('%s', (_what, query, scope) => {
    expect(scopeOf(query)).toBe(scope);
  });

  it('looks through fragments and inline fragments, and only at the operation asked for', () => {
    const document = `
      query Members { members(first: 1) { nodes { ...M } } }
      query Who { ...W }
      query Countries { countries { code } }
      fragment M on Member { name }
      fragment W on Query { viewer { role } }`;
    expect(scopeOf(document, 'Countries')).toBe(CacheScope.PUBLIC);
    expect(scopeOf(document, 'Members')).toBe(CacheScope.VIEWER_CLASS);
    expect(scopeOf(document, 'Who')).toBe(CacheScope.NONE);
    expect(scopeOf('{ ... on Query { apiKeys { id } } }')).toBe(CacheScope.NONE);
  });

  it('is NONE for an operation the document does not hold', () => {
    expect(scopeOf('query A { countries { code } }', 'B')).toBe(CacheScope.NONE);
  });
});
